"""The window's size, place and pane sizes as the user left them, remembered between runs.

Kept in ``config_dir()/window.json`` (like ``webhook.json``: the app's settings are files under
``WA_COMPOSER_HOME``, so tests and scripts never touch the user's own): Qt's ``saveGeometry`` and
the splitter's ``saveState`` as base64, and which panes are hidden. A damaged or missing file
means the defaults: a size that fits the screen, the phone at the size the height allows.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QRect, QSize

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QMainWindow, QSplitter

LAYOUT_FILE = "window.json"
DEFAULT_SIZE = QSize(1280, 800)
SMALLEST_SCREEN = QSize(1000, 600)  # below this (e.g. the offscreen test screen) use the default
SCREEN_SHARE = 0.9  # of a big screen the window takes the first time


def layout_path() -> Path:
    from composer.storage import paths

    return paths.config_dir() / LAYOUT_FILE


def load_layout() -> dict[str, Any]:
    try:
        data = json.loads(layout_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_layout(data: dict[str, Any]) -> None:
    """Write the file (a failure only loses the layout: never raised at close)."""
    from composer.storage.atomic_file import atomic_write_json

    with contextlib.suppress(OSError):
        atomic_write_json(layout_path(), data)


def _bytes(value: object) -> QByteArray | None:
    if not isinstance(value, str):
        return None
    try:
        return QByteArray(base64.b64decode(value, validate=True))
    except (binascii.Error, ValueError):
        return None


def _text(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")


def default_geometry(available: QRect) -> QRect:
    """The first-run place: 1280x800 on a laptop, most of a big screen, all of a small one,
    centred on the screen's free area."""
    if available.width() < SMALLEST_SCREEN.width() or available.height() < SMALLEST_SCREEN.height():
        return QRect(available.topLeft(), DEFAULT_SIZE)
    width = min(available.width(), max(DEFAULT_SIZE.width(), int(available.width() * SCREEN_SHARE)))
    height = min(
        available.height(), max(DEFAULT_SIZE.height(), int(available.height() * SCREEN_SHARE))
    )
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def restore_window(window: QMainWindow, data: dict[str, Any]) -> None:
    """The saved size and place (Qt keeps them on a screen that exists), else the default."""
    saved = _bytes(data.get("geometry"))
    if saved is not None and window.restoreGeometry(saved):
        return
    screen = window.screen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
    window.setGeometry(default_geometry(available))


def restore_splitter(splitter: QSplitter, data: dict[str, Any]) -> bool:
    """The user's pane sizes; False when none were saved (the caller lays out the defaults)."""
    saved = _bytes(data.get("splitter"))
    return saved is not None and splitter.restoreState(saved)


def snapshot(window: QMainWindow, splitter: QSplitter, hidden: list[str]) -> dict[str, Any]:
    return {
        "geometry": _text(window.saveGeometry()),
        "splitter": _text(splitter.saveState()),
        "hidden": hidden,
    }
