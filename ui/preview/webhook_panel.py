"""The webhook JSON under the phone (or in the window's Webhook tab): a hint or title, Copy,
Save PNG…, and the JSON the business would receive for the last tap."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

HINT = "Tap a button in the phone to see the webhook JSON your business would receive."


class WebhookPanel(QWidget):
    """Shows the last tap's webhook body, or why a tap sent none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.json_view = QPlainTextEdit(self)
        self.json_view.setReadOnly(True)
        self.json_view.setObjectName("webhookJson")
        self.json_view.setPlaceholderText(
            "Tap a reply button, send a list row or share a location in the preview to see the "
            "webhook JSON your business endpoint would receive."
        )
        self.json_view.setMaximumHeight(160)
        self.json_view.setVisible(False)  # shown with the first webhook: the phone gets the room
        self.copy_button = QPushButton(self)  # not ("Copy", self): its overloads name QIcon,
        self.copy_button.setText("Copy")  # and naming QIcon makes its enums (~3 ms at start-up)
        self.copy_button.setToolTip("Copy the webhook JSON")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        self.json_label = QLabel(HINT, self)
        self.json_label.setWordWrap(True)
        self.save_png_button = QPushButton(self)  # the window connects it
        self.save_png_button.setText("Save PNG…")
        self.save_png_button.setToolTip("Save preview as PNG")
        head = QHBoxLayout()
        head.addWidget(self.json_label, 1)
        head.addWidget(self.copy_button)
        head.addWidget(self.save_png_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(head)
        box.addWidget(self.json_view)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.json_view.toPlainText())

    def show_webhook(self, body: dict[str, Any]) -> None:
        self.json_view.setPlainText(json.dumps(body, indent=2, ensure_ascii=False))
        self.json_view.setVisible(True)
        self.json_label.setText("Webhook the business receives")
        self.copy_button.setEnabled(True)

    def show_delivery(self, body: dict[str, Any], answer: str) -> None:
        """Rehearse mode: the webhook the bot was sent, titled with its HTTP answer."""
        self.show_webhook(body)
        self.json_label.setText(f"Webhook sent to your bot. {answer}")

    def say_why(self, reason: str) -> None:
        """A tap that sends nothing says so (a CTA URL opens the browser, a call button starts a
        call...); the last webhook, if any, stays below."""
        text = f"No webhook for this tap: {reason}."
        if self.json_view.isVisible():
            text += " Below: the last webhook."
        self.json_label.setText(text)
