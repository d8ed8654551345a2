"""The notice bar: hidden until told, one line per notice, Close forgets them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.panels.notice_bar import NoticeBar


def test_notices_stack_once_each_and_close_hides_them(qtbot: QtBot) -> None:
    bar = NoticeBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.hide()
    assert bar.isHidden() and bar.notices() == []
    bar.show_notice("The draft was damaged; it was kept as current.json.corrupt-x.")
    bar.show_notice("The history cannot be used.")
    bar.show_notice("The history cannot be used.")
    assert not bar.isHidden()
    assert bar.notices() == [
        "The draft was damaged; it was kept as current.json.corrupt-x.",
        "The history cannot be used.",
    ]
    assert bar.label.text().count("\n") == 1
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert bar.isHidden() and bar.notices() == [] and bar.label.text() == ""
