"""Suite-wide settings. Qt must run offscreen; set before any test imports PySide6."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
