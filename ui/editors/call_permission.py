"""Call permission request: an optional body; WhatsApp draws the answer buttons itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from composer.messages import CallPermissionRequest, MessageKind
from ui.editors.base import Editor
from ui.editors.fields import Markable
from ui.editors.parts import PartsEditor

if TYPE_CHECKING:
    from composer.messages import Content

NOTE = (
    "WhatsApp adds the buttons to allow or decline calls; the customer can allow them for 7 "
    "days or always. Only the body is yours: a short reason for the call helps them say yes."
)


class CallPermissionEditor(Editor):
    kind = MessageKind.CALL_PERMISSION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.note = QLabel(NOTE)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.add(self.parts, self.note)
        self.watch(*self.parts.widgets)
        self._action_name = "call_permission_request"
        self.finish()

    def content(self) -> Content:
        return CallPermissionRequest(**self.parts.values(), action_name=self._action_name)

    def load(self, content: Content) -> None:
        assert isinstance(content, CallPermissionRequest)
        self.parts.load(content)
        self._action_name = content.action_name

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        if self.parts.body is not None:
            out["interactive.action"] = self.parts.body
        return out
