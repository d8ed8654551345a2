"""Location request: only a body; WhatsApp adds the "Send location" button itself."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from composer.messages import LocationRequest, MessageKind
from ui.editors.base import Editor
from ui.editors.fields import Markable
from ui.editors.parts import PartsEditor

if TYPE_CHECKING:
    from composer.messages import Content


class LocationRequestEditor(Editor):
    kind = MessageKind.LOCATION_REQUEST

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        note = QLabel('WhatsApp shows a fixed "Send location" button under the body.')
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.add(self.parts, note)
        self.watch(*self.parts.widgets)
        self._action_name = "send_location"
        self.finish()

    def content(self) -> Content:
        return LocationRequest(**self.parts.values(), action_name=self._action_name)

    def load(self, content: Content) -> None:
        assert isinstance(content, LocationRequest)
        self.parts.load(content)
        self._action_name = content.action_name

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        if self.parts.body is not None:
            out["interactive.action"] = self.parts.body
        return out
