"""Resources: every icon the UI names exists and loads; the theme's tokens make the palette."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from ui.app import make_app
from ui.resources import resource_dir, token, tokens

UI = Path(__file__).resolve().parents[2] / "ui"


def test_every_icon_named_in_the_ui_exists_and_renders(qtbot: QtBot) -> None:
    make_app()
    sources = "\n".join(p.read_text(encoding="utf-8") for p in UI.rglob("*.py"))
    names = set(re.findall(r"icons:([\w-]+\.svg)", sources))
    assert {"send.svg", "error.svg", "warning.svg"} <= names
    for name in sorted(names):
        assert (resource_dir("icons") / name).is_file(), name
        assert not QIcon(f"icons:{name}").pixmap(16, 16).isNull(), name


def test_every_token_is_a_colour() -> None:
    assert {"accent", "window", "surface", "text", "muted", "error", "border"} <= set(tokens())
    for name, value in tokens().items():
        assert QColor(value).isValid(), name


def test_the_application_palette_is_the_theme_in_every_state(qtbot: QtBot) -> None:
    """All text is the ``text`` token's colour (disabled text the greyed one), backgrounds the
    ``window`` and ``surface`` tokens; a named widget keeps its own dress (a muted label)."""
    from ui import look

    app = make_app()
    assert QApplication.style().name().lower() == look.STYLE.lower()
    assert app.styleSheet() == ""
    text, muted = QColor(token("text")), QColor(token("muted"))
    label, line, button, field_label = QLabel("x"), QLineEdit("x"), QPushButton("x"), QLabel("x")
    look.name(field_label, "fieldLabel")
    for w in (label, line, button, field_label):
        qtbot.addWidget(w)
        w.ensurePolished()
    group_, role = QPalette.ColorGroup, QPalette.ColorRole
    for group in (group_.Active, group_.Inactive):
        assert label.palette().color(group, role.WindowText) == text
        assert line.palette().color(group, role.Text) == text
        assert button.palette().color(group, role.ButtonText) == text
    assert line.palette().color(role.Base) == QColor(token("surface"))
    assert label.palette().color(role.Window) == QColor(token("window"))
    assert button.palette().color(group_.Disabled, role.ButtonText) == QColor(look.DISABLED_TEXT)
    assert field_label.palette().color(role.WindowText) == muted
