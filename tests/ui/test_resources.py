"""Resources: every stylesheet token is defined, every icon the UI names exists and loads."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QIcon
from pytestqt.qtbot import QtBot

from ui.app import make_app
from ui.resources import resource_dir, stylesheet

UI = Path(__file__).resolve().parents[2] / "ui"


def test_stylesheet_has_every_token_replaced() -> None:
    text = stylesheet()
    assert "@" not in text
    assert "QPushButton#sendButton" in text


def test_every_icon_named_in_the_ui_exists_and_renders(qtbot: QtBot) -> None:
    make_app()
    sources = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))
    names = set(re.findall(r"icons:([\w-]+\.svg)", sources))
    names |= set(re.findall(r"icons:([\w-]+\.svg)", stylesheet()))
    assert {"send.svg", "error.svg", "warning.svg", "chevron-down.svg"} <= names
    for name in sorted(names):
        assert (resource_dir("icons") / name).is_file(), name
        assert not QIcon(f"icons:{name}").pixmap(16, 16).isNull(), name


def test_text_takes_the_text_token_from_the_palette_in_every_state(qtbot: QtBot) -> None:
    """All text is the ``text`` token's colour, from the application palette (a ``QWidget``
    rule in the stylesheet did it at the cost of a palette per widget), disabled or not as that
    rule did; a stylesheet rule still colours what it names (a field label is muted)."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton

    from ui.resources import token

    make_app()
    assert not re.search(r"(^|\})\s*QWidget\s*\{", stylesheet())  # no rule for every widget
    text, muted = QColor(token("text")), QColor(token("muted"))
    label, line, button, field_label = QLabel("x"), QLineEdit("x"), QPushButton("x"), QLabel("x")
    field_label.setObjectName("fieldLabel")
    for w in (label, line, button, field_label):
        qtbot.addWidget(w)
        w.ensurePolished()
    group_ = QPalette.ColorGroup
    groups = (group_.Active, group_.Inactive, group_.Disabled)
    for group in groups:
        assert label.palette().color(group, QPalette.ColorRole.WindowText) == text
        assert line.palette().color(group, QPalette.ColorRole.Text) == text
    # a button too, but a disabled one is greyed by its own rule (QPushButton:disabled)
    assert button.palette().color(group_.Active, QPalette.ColorRole.ButtonText) == text
    assert field_label.palette().color(QPalette.ColorRole.WindowText) == muted
