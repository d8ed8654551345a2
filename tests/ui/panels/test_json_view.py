"""The JSON view is made only while it is on screen: hidden behind another tab a key costs
nothing there, and shown (or asked for its text) it has the latest payload."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from ui.panels.json_view import JsonView

URL = "https://graph.facebook.com/v23.0/1/messages"


def _tabs(qtbot: QtBot) -> tuple[QTabWidget, JsonView]:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    view = JsonView()
    tabs.addTab(QWidget(), "Issues")
    tabs.addTab(view, "JSON")
    tabs.show()
    qtbot.waitExposed(tabs)
    return tabs, view


def test_a_hidden_view_makes_no_json_until_it_is_shown(qtbot: QtBot) -> None:
    tabs, view = _tabs(qtbot)
    made: list[int] = []

    def payload(n: int) -> Any:
        def make() -> dict[str, Any]:
            made.append(n)
            return {"to": "+1", "text": {"body": "x" * n}}

        return make

    for n in range(1, 6):  # five keys while the Issues tab is in front
        view.set_payload_from(payload(n), URL)
    assert made == [] and view.is_stale() and view.text.toPlainText() == ""
    tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert made == [5], "shown: only the latest payload is made"
    assert not view.is_stale()
    assert json.loads(view.text.toPlainText())["text"]["body"] == "xxxxx"
    view.set_payload_from(payload(6), URL)  # on screen: made at once
    assert made == [5, 6] and json.loads(view.text.toPlainText())["text"]["body"] == "x" * 6


def test_its_text_and_curl_are_the_latest_even_while_hidden(qtbot: QtBot) -> None:
    _, view = _tabs(qtbot)
    view.set_payload({"to": "+1", "type": "text"}, URL)
    assert view.is_stale()
    assert json.loads(view.json_text()) == {"to": "+1", "type": "text"}
    assert URL in view.curl_text() and not view.is_stale()
    view.set_payload(None, URL)
    assert view.json_text() == "" and view.curl_text() == ""
