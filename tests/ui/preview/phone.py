"""The phone preview as the click-through tests use it: shown at a size with room for every
kind, on one platform, without fetching links (examples point at example.com), and clicked."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.preview import PhoneView
from ui.preview.layout import Hit


def open_phone(qtbot: QtBot, platform: str) -> PhoneView:
    view = PhoneView()
    view.set_link_fetching(False)
    qtbot.addWidget(view)
    view.set_appearance(platform, False)
    view.resize(560, 1000)
    view.show()
    qtbot.waitExposed(view)
    return view


def click(qtbot: QtBot, view: PhoneView, action: tuple[Any, ...]) -> None:
    """A real mouse click on the one region of ``action`` (the sheet's when one is open)."""
    screen = view.preview_screen()
    hits: list[Hit] = (
        screen.overlay_hits + screen.sheet_hits if screen.sheet_rect else screen.chat_hits
    )
    (hit,) = [h for h in hits if h.action == action]
    point = view.canvas.widget_point(hit)
    assert view.canvas.rect().contains(point), f"{action} is off screen at {point}"
    qtbot.mouseClick(view.canvas, Qt.MouseButton.LeftButton, pos=point)
