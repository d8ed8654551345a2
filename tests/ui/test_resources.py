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
