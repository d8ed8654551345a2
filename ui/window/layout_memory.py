"""The window's size, place and pane sizes as the user left them, remembered between runs.

Kept in ``config_dir()/window.json`` (like ``webhook.json``: the app's settings are files under
``WA_COMPOSER_HOME``, so tests and scripts never touch the user's own): the window's rectangle
(brought back onto a screen that exists), the splitter's ``saveState`` as base64, and which panes
are hidden. A damaged or missing file
means the defaults: a size that fits the screen, the phone at the size the height allows.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QRect, QSize, Qt

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


def fit_rect(saved: QRect, available: QRect) -> QRect:
    """``saved`` moved (and shrunk if need be) into ``available``: a window left on a screen
    that is gone, or bigger than this one, comes back whole on this one."""
    rect = QRect(saved)
    rect.setWidth(min(rect.width(), available.width()))
    rect.setHeight(min(rect.height(), available.height()))
    rect.moveLeft(min(max(rect.left(), available.left()), available.right() - rect.width() + 1))
    rect.moveTop(min(max(rect.top(), available.top()), available.bottom() - rect.height() + 1))
    return rect


def _saved_rect(data: dict[str, Any]) -> QRect | None:
    value = data.get("rect")
    if not (isinstance(value, list) and len(value) == 4 and all(type(v) is int for v in value)):
        return None
    rect = QRect(*value)
    return rect if rect.width() > 0 and rect.height() > 0 else None


def restore_window(window: QMainWindow, data: dict[str, Any]) -> None:
    """The saved size and place, kept on a screen that exists; else the first-run default."""
    from PySide6.QtGui import QGuiApplication

    saved = _saved_rect(data)
    screen = QGuiApplication.screenAt(saved.center()) if saved is not None else None
    screen = screen or window.screen()
    available = screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 800)
    if saved is None:
        window.setGeometry(default_geometry(available))
        return
    small = (
        available.width() < SMALLEST_SCREEN.width() or available.height() < SMALLEST_SCREEN.height()
    )
    window.setGeometry(saved if small else fit_rect(saved, available))
    if data.get("maximized") is True:
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)


def restore_splitter(splitter: QSplitter, data: dict[str, Any]) -> bool:
    """The user's pane sizes; False when none were saved (the caller lays out the defaults)."""
    saved = _bytes(data.get("splitter"))
    return saved is not None and splitter.restoreState(saved)


def snapshot(window: QMainWindow, splitter: QSplitter, hidden: list[str]) -> dict[str, Any]:
    """What ``restore_window`` and ``restore_splitter`` read back (the normal, not maximised,
    size and place)."""
    rect = window.normalGeometry() if window.isMaximized() else window.geometry()
    return {
        "rect": [rect.x(), rect.y(), rect.width(), rect.height()],
        "maximized": window.isMaximized(),
        "splitter": _text(splitter.saveState()),
        "hidden": hidden,
    }
