"""The one wall clock. Every component that reads time takes a ``Clock`` so tests inject theirs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """Now, timezone-aware in UTC (the default ``Clock``)."""
    return datetime.now(UTC)
