"""Suite-wide settings and fixtures. Qt must run offscreen; set before any test imports PySide6."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests import examples as _examples

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def examples() -> dict[str, Any]:
    """Every valid example payload by name: a fresh copy of examples.json (parsed once per run)."""
    return _examples.examples()
