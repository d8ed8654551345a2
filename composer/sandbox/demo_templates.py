"""The sandbox's demo template library (``data/templates.json``, records as the Graph API
returns them): appointment_reminder, order_shipped (en_US, pt_BR), welcome_offer, login_code,
spring_sale (paused) and old_promo (rejected)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["demo_template_records"]


@cache
def _records_text() -> str:
    return resources.files("composer.sandbox").joinpath("data/templates.json").read_text("utf-8")


def demo_template_records() -> list[dict[str, Any]]:
    """A fresh copy of the records (a sandbox changes their status as a demo goes on)."""
    records: list[dict[str, Any]] = json.loads(_records_text())
    return records
