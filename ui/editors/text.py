"""Plain text: the message text with WhatsApp markup buttons, and "Show link preview"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QCheckBox, QPlainTextEdit, QWidget

from composer import limits
from composer.messages import MessageKind, TextMessage
from ui.editors.base import Editor
from ui.editors.fields import FieldRow, Markable, TextField
from ui.editors.markup import MarkupBar

if TYPE_CHECKING:
    from composer.messages import Content


class TextEditor(Editor):
    kind = MessageKind.TEXT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = TextField(
            "Message text",
            limits.TEXT_BODY,
            multiline=True,
            lines=8,
            placeholder="Hi Ana! Your order has shipped: https://www.example.com/track",
        )
        assert isinstance(self.body.editor, QPlainTextEdit)
        self.markup = MarkupBar(self.body.editor)
        self.markup_row = FieldRow("Markup", self.markup)
        self.markup_row.setAccessibleName("WhatsApp markup")
        self.preview_box = QCheckBox("Show link preview")
        self.preview_box.setToolTip(
            "preview_url: WhatsApp shows a preview card for the first http(s) link in the text"
        )
        self.preview_url = FieldRow("Link", self.preview_box)
        self.preview_box.setAccessibleName("Show link preview")
        self.preview_box.toggled.connect(lambda _on: self.preview_url.changed.emit())
        # preview_url is optional: an untouched box gives back what was loaded (absent or false).
        self._loaded: bool | None = None
        self.add(self.body, self.markup_row, self.preview_url)
        self.watch(self.body, self.preview_url)
        self.finish()

    def content(self) -> Content:
        return TextMessage(body=self.body.text(), preview_url=self._preview())

    def _preview(self) -> bool | None:
        checked = self.preview_box.isChecked()
        return self._loaded if bool(self._loaded) == checked else checked

    def load(self, content: Content) -> None:
        assert isinstance(content, TextMessage)
        self.body.set_text(content.body)
        self._loaded = content.preview_url
        with QSignalBlocker(self.preview_box):
            self.preview_box.setChecked(bool(content.preview_url))

    def fields(self) -> dict[str, Markable]:
        return {"text": self.body, "text.body": self.body, "text.preview_url": self.preview_url}
