"""``ui.restyle`` and ``ui.look``: a ``level`` or ``issue`` property is drawn as soon as it is
set, before the first show or after, and setting the same value again does nothing."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from ui import look
from ui.resources import token
from ui.restyle import set_style_property


def text_colour(label: QLabel) -> QColor:
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_a_level_set_before_and_after_the_first_show_is_drawn(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    label = QLabel("7/3", parent)
    look.name(label, "counter")
    assert text_colour(label) == QColor(token("muted"))
    assert label.font().pixelSize() == 11
    assert set_style_property(label, "level", "over")
    assert text_colour(label) == QColor(token("error"))
    assert label.font().weight() == 600
    parent.show()
    qtbot.waitExposed(parent)
    assert set_style_property(label, "level", "ok")  # no dress for "ok": the name's own
    assert text_colour(label) == QColor(token("muted"))
    assert label.font().weight() == 400
    assert set_style_property(label, "level", "near")
    assert text_colour(label) == QColor(token("warning"))
    assert not set_style_property(label, "level", "near")  # unchanged: nothing to do


def test_an_input_with_an_issue_gets_its_background_and_frame_colour(qtbot: QtBot) -> None:
    line = QLineEdit()
    qtbot.addWidget(line)
    inherited = line.palette().color(QPalette.ColorRole.Base)
    assert set_style_property(line, "issue", "error")
    palette = line.palette()
    assert palette.color(QPalette.ColorRole.Base) == QColor(token("error_bg"))
    # Fusion draws the frame in the window colour darker(140): that comes out as the error's
    frame = palette.color(QPalette.ColorRole.Window).darker(look.FRAME_DARKER)
    error = QColor(token("error"))
    assert abs(frame.hsvHue() - error.hsvHue()) <= 2
    assert abs(frame.value() - error.value()) <= 20
    assert set_style_property(line, "issue", "")
    assert line.palette().color(QPalette.ColorRole.Base) == inherited


def test_a_level_keeps_the_names_margins_when_the_widget_is_named_after_it(qtbot: QtBot) -> None:
    """A level's dress is laid over the name's: what the level does not say (the issue line's
    margins) is the name's, whichever was set first."""
    label = QLabel("Too long")
    qtbot.addWidget(label)
    label.setProperty("level", "error")
    look.name(label, "issueLine")
    assert text_colour(label) == QColor(token("error"))
    assert label.contentsMargins().top() == label.contentsMargins().bottom() == 1
