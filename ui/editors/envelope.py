"""Envelope options shared by every type: the quoted message (contextual reply) and the
callback data echoed back in status webhooks."""

from __future__ import annotations

from typing import TypedDict

from PySide6.QtWidgets import QVBoxLayout, QWidget

from composer import limits
from ui.editors.base import opt
from ui.editors.fields import Markable, TextField, section_title


class EnvelopeValues(TypedDict):
    """The envelope's optional keywords of ``Message``."""

    context_message_id: str | None
    biz_opaque_callback_data: str | None


class EnvelopeEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = TextField(
            "Reply to (wamid)", None, placeholder="Optional: quote an earlier message"
        )
        self.callback = TextField(
            "Callback data",
            limits.BIZ_OPAQUE_CALLBACK_DATA,
            placeholder="Optional: echoed in status webhooks",
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(section_title("Options"))
        layout.addWidget(self.context)
        layout.addWidget(self.callback)
        self.widgets: list[Markable] = [self.context, self.callback]

    def values(self) -> EnvelopeValues:
        return {
            "context_message_id": opt(self.context.text()),
            "biz_opaque_callback_data": opt(self.callback.text()),
        }

    def load(self, context_message_id: str | None, callback: str | None) -> None:
        self.context.set_text(context_message_id or "")
        self.callback.set_text(callback or "")

    def fields(self) -> dict[str, Markable]:
        return {
            "context": self.context,
            "context.message_id": self.context,
            "biz_opaque_callback_data": self.callback,
        }
