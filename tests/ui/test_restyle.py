"""``ui.restyle``: a QSS-visible property is styled whether it was set before the widget's first
polish (no re-polish then: the polish reads it) or after (re-polished at once)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from ui.restyle import set_style_property

SHEET = 'QLabel { color: #000000; } QLabel[level="over"] { color: #ff0000; }'


def text_colour(label: QLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_a_level_set_before_and_after_the_first_polish_is_drawn(qtbot: QtBot) -> None:
    parent = QWidget()
    parent.setStyleSheet(SHEET)
    qtbot.addWidget(parent)
    label = QLabel("7/3", parent)
    assert set_style_property(label, "level", "over")
    assert not label.testAttribute(Qt.WidgetAttribute.WA_WState_Polished)
    parent.show()
    qtbot.waitExposed(parent)
    assert text_colour(label) == QColor("#ff0000")  # the first polish read the property
    assert set_style_property(label, "level", "ok")
    assert text_colour(label) == QColor("#000000")  # polished: re-polished at once
    assert set_style_property(label, "level", "over")
    assert text_colour(label) == QColor("#ff0000")
    assert not set_style_property(label, "level", "over")  # unchanged: nothing to do
