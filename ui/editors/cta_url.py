"""CTA URL: header (any kind), body, footer and one button that opens a URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from composer import limits
from composer.messages import CtaUrl, MessageKind
from ui.editors.base import Editor
from ui.editors.fields import Markable, TextField, section_title
from ui.editors.parts import PartsEditor

if TYPE_CHECKING:
    from composer.messages import Content


class CtaUrlEditor(Editor):
    kind = MessageKind.CTA_URL

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.display_text = TextField(
            "Button label", limits.CTA_DISPLAY_TEXT, placeholder="See dates"
        )
        self.url = TextField("URL", None, placeholder="https://www.example.com/dates")
        self.add(self.parts, section_title("Button"), self.display_text, self.url)
        self.watch(*self.parts.widgets, self.display_text, self.url)
        self._action_name = "cta_url"
        self.finish()

    def content(self) -> Content:
        return CtaUrl(
            **self.parts.values(),
            display_text=self.display_text.text(),
            url=self.url.text(),
            action_name=self._action_name,
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, CtaUrl)
        self.parts.load(content)
        self.display_text.set_text(content.display_text)
        self.url.set_text(content.url)
        self._action_name = content.action_name

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        out["interactive.action"] = self.display_text
        out["interactive.action.parameters"] = self.display_text
        out["interactive.action.parameters.display_text"] = self.display_text
        out["interactive.action.parameters.url"] = self.url
        return out
