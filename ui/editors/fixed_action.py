"""An editor for a kind whose only parts are its texts: WhatsApp draws the action itself (the
"Send location" button, the allow / decline call buttons). A note under the form says so; the
``action_name`` a loaded message carries is kept as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtWidgets import QLabel, QWidget

from ui import look
from ui.editors.base import Editor
from ui.editors.fields import Markable
from ui.editors.parts import PartsEditor

if TYPE_CHECKING:
    from composer.messages import CallPermissionRequest, Content, LocationRequest


class FixedActionEditor(Editor):
    """Subclasses name their ``kind``, ``model``, the ``note_text`` and the ``default_action``."""

    model: ClassVar[type[LocationRequest] | type[CallPermissionRequest]]
    note_text: ClassVar[str]
    default_action: ClassVar[str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.note = QLabel(self.note_text)
        look.name(self.note, "hint")
        self.note.setWordWrap(True)
        self.add(self.parts, self.note)
        self.watch(*self.parts.widgets)
        self._action_name = self.default_action
        self.finish()

    def content(self) -> Content:
        return self.model(**self.parts.values(), action_name=self._action_name)

    def load(self, content: Content) -> None:
        assert isinstance(content, self.model)
        self.parts.load(content)
        self._action_name = content.action_name

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        if self.parts.body is not None:
            out["interactive.action"] = self.parts.body
        return out
