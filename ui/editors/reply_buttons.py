"""Reply buttons: header (any kind), body, footer and 1-3 buttons with id and title."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from composer import limits
from composer.messages import MessageKind, ReplyButton, ReplyButtons
from ui.editors.base import Editor
from ui.editors.fields import Markable, TextField, section_title
from ui.editors.parts import PartsEditor
from ui.editors.repeater import Item, Repeater

if TYPE_CHECKING:
    from composer.messages import Content


class ButtonItem(Item):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TextField("Title", limits.BUTTON_TITLE, placeholder="Yes, reserve")
        self.id = TextField("Id", limits.BUTTON_ID, placeholder="reserve_yes")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for f in (self.title, self.id):
            layout.addWidget(f)
            f.changed.connect(self.changed)
        self.type = "reply"

    def first_input(self) -> QWidget:
        return self.title.editor


class ReplyButtonsEditor(Editor):
    kind = MessageKind.BUTTON

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.buttons: Repeater[ButtonItem] = Repeater("button", ButtonItem, limits.BUTTONS)
        self.add(self.parts, section_title("Buttons"), self.buttons)
        self.watch(*self.parts.widgets, self.buttons)
        self.buttons.set_count(1)
        self.finish()

    def content(self) -> Content:
        return ReplyButtons(
            **self.parts.values(),
            buttons=tuple(
                ReplyButton(id=b.id.text(), title=b.title.text(), type=b.type)
                for b in self.buttons.items()
            ),
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, ReplyButtons)
        self.parts.load(content)
        for item, button in zip(
            self.buttons.set_count(len(content.buttons)), content.buttons, strict=True
        ):
            item.title.set_text(button.title)
            item.id.set_text(button.id)
            item.type = button.type

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        out["interactive.action"] = self.buttons
        out["interactive.action.buttons"] = self.buttons
        for i, b in enumerate(self.buttons.items()):
            p = f"interactive.action.buttons[{i}]"
            out[p] = b.title
            out[p + ".reply"] = b.title
            out[p + ".reply.title"] = b.title
            out[p + ".reply.id"] = b.id
        return out
