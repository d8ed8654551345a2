"""The live payload: read-only JSON of the exact POST body, with Copy JSON and Copy as cURL.

The window hands it a new payload on every key, but the JSON (the payload, its text and the
editor holding it) is only made while the view is on screen: hidden behind another tab it just
notes that it is out of date, and it catches up when it is shown or asked for its text.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QFontDatabase, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from ui.flow_layout import FlowLayout

TOKEN_PLACEHOLDER = "$WA_TOKEN"  # noqa: S105 (a shell variable name, not a secret)


def curl_command(payload: dict[str, Any], url: str) -> str:
    """A shell command sending ``payload``; the token is the variable ``$WA_TOKEN``, never real."""
    body = json.dumps(payload, ensure_ascii=False, indent=2)
    return (
        f"curl -sS -X POST {shlex.quote(url)} \\\n"
        f'  -H "Authorization: Bearer {TOKEN_PLACEHOLDER}" \\\n'
        "  -H 'Content-Type: application/json' \\\n"
        f"  --data-binary {shlex.quote(body)}"
    )


class JsonView(QWidget):
    """Shows the payload; the buttons copy it (or a cURL command) to the clipboard."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QPlainTextEdit()
        self.text.setObjectName("jsonView")
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Message JSON")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.copy_json = QPushButton("Copy JSON")
        self.copy_curl = QPushButton("Copy as cURL")
        self.import_json = QPushButton("Import JSON…")
        self.save_json = QPushButton("Save JSON…")  # the window connects it (file dialog)
        self.save_json.setToolTip("Save the message JSON to a file (no token in it)")
        self.copy_curl.setToolTip(
            f"The token is written as {TOKEN_PLACEHOLDER}, never the real one"
        )
        buttons = FlowLayout()  # wraps in a narrow side pane instead of widening the window
        buttons.addWidget(self.import_json)
        buttons.addWidget(self.save_json)
        buttons.addWidget(self.copy_json)
        buttons.addWidget(self.copy_curl)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.text, 1)
        layout.addLayout(buttons)
        self._payload: dict[str, Any] | None = None
        self._url = ""
        self._pending: Callable[[], dict[str, Any] | None] | None = None  # not made yet
        self._stale = False  # the editor's text is not the payload's yet
        self.copy_json.clicked.connect(self._copy_json)
        self.copy_curl.clicked.connect(self._copy_curl)

    def set_payload(self, payload: dict[str, Any] | None, url: str) -> None:
        self.set_payload_from(lambda: payload, url)

    def set_payload_from(self, make: Callable[[], dict[str, Any] | None], url: str) -> None:
        """The payload ``make()`` returns, made (and shown) now if the view is on screen, else
        when it is shown or its text is asked for."""
        self._pending, self._url, self._stale = make, url, True
        if self.isVisible():
            self._render()

    def showEvent(self, event: QShowEvent) -> None:
        self._render()
        super().showEvent(event)

    def _render(self) -> None:
        if not self._stale:
            return
        payload = self.payload()
        self._stale = False
        text = "" if payload is None else json.dumps(payload, ensure_ascii=False, indent=2)
        if text != self.text.toPlainText():
            bar = self.text.verticalScrollBar()
            pos = bar.value()
            self.text.setPlainText(text)
            bar.setValue(pos)

    def payload(self) -> dict[str, Any] | None:
        if self._pending is not None:
            self._payload, self._pending = self._pending(), None
        return self._payload

    def is_stale(self) -> bool:
        """True while the editor does not show the latest payload yet (the view is hidden)."""
        return self._stale

    def json_text(self) -> str:
        self._render()
        return self.text.toPlainText()

    def curl_text(self) -> str:
        payload = self.payload()
        return "" if payload is None else curl_command(payload, self._url)

    def _copy_json(self) -> None:
        QGuiApplication.clipboard().setText(self.json_text())

    def _copy_curl(self) -> None:
        QGuiApplication.clipboard().setText(self.curl_text())
