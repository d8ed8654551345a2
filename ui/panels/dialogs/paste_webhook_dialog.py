"""Paste a webhook JSON body (from logs) to import delivery statuses and inbound times.

A manual way in when webhooks are not connected; the parsing and recording are
``composer.webhooks.recorder.import_pasted``, the same path the receiver uses.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from composer.webhooks.parsing import WebhookFormatError
from composer.webhooks.recorder import describe_result, import_pasted
from ui import look


class PasteWebhookDialog(QDialog):
    imported = Signal(object)  # composer.webhooks.recorder.RecordResult

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import webhook JSON")
        self._store = store
        intro = QLabel(
            'Paste a webhook body from your logs (the whole body or just its "value"). '
            "Delivery statuses update the history; inbound messages set when the customer "
            "last wrote."
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("webhookJson")
        self.text.setPlaceholderText('{"object": "whatsapp_business_account", "entry": [...]}')
        self.message = QLabel()
        self.message.setObjectName("importMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, parent=self)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.ApplyRole)
        self.import_button.clicked.connect(self.import_text)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, 420)

    def import_text(self) -> bool:
        """Import what is pasted; the message line says what happened. True on success."""
        try:
            result = import_pasted(self.text.toPlainText(), self._store)
        except WebhookFormatError as exc:
            self._say("error", f"Nothing imported: {exc}")
            return False
        self._say("ok", describe_result(result))
        self.imported.emit(result)
        return True

    def _say(self, level: str, text: str) -> None:
        self.message.setText(text)
        self.message.setProperty("level", level)
        colour = "#d92d20" if level == "error" else "#008069"
        look.tint(self.message, colour)
