"""Voice call button: header, body, footer and the "Call on WhatsApp" button's optional label,
lifetime and tracking payload (each left out when empty: WhatsApp then uses its default)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QLabel, QSpinBox, QWidget

from composer import limits
from composer.kinds.voice_call import VoiceCall
from composer.messages import MessageKind
from ui import look
from ui.editors.base import Editor, opt
from ui.editors.fields import FieldRow, Markable, TextField, section_title
from ui.editors.parts import PartsEditor

if TYPE_CHECKING:
    from composer.messages import Content

_UNSET = -1  # the spin box's "left out" value (0 stays typeable, and check() reports it)
NOTE = (
    "A tap starts a WhatsApp call to this business number. Free-form only: it can be sent "
    "while the customer's 24-hour window is open."
)


class VoiceCallEditor(Editor):
    kind = MessageKind.VOICE_CALL

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.display_text = TextField(
            "Button label",
            limits.VOICE_CALL_DISPLAY_TEXT,
            placeholder=f'Optional (WhatsApp shows "{limits.VOICE_CALL_DEFAULT_LABEL}")',
        )
        ttl = limits.VOICE_CALL_TTL_MINUTES
        self.ttl_box = QSpinBox()
        self.ttl_box.setRange(_UNSET, 10 * ttl.maximum)  # over the limit stays visible
        self.ttl_box.setSpecialValueText(
            f"WhatsApp's default ({limits.VOICE_CALL_DEFAULT_TTL_MINUTES} = 7 days)"
        )
        self.ttl_box.setSuffix(" minutes")
        self.ttl_box.setValue(_UNSET)
        self.ttl_box.setToolTip(f"{ttl.minimum} to {ttl.maximum} minutes (30 days)")
        self.ttl = FieldRow("Button lifetime", self.ttl_box)
        self.ttl_box.setAccessibleName("Button lifetime in minutes")
        line = self.ttl_box.lineEdit()
        if line is not None:  # screen readers land on the box's own line edit
            line.setAccessibleName("Button lifetime in minutes")
        self.ttl_box.valueChanged.connect(lambda _v: self.ttl.changed.emit())
        self.payload = TextField(
            "Call payload",
            limits.VOICE_CALL_PAYLOAD,
            placeholder="Optional: echoed as cta_payload in the call webhooks",
        )
        note = QLabel(NOTE)
        look.name(note, "hint")
        note.setWordWrap(True)
        self.add(self.parts, section_title("Call button"), self.display_text, self.ttl,
                 self.payload, note)  # fmt: skip
        self.watch(*self.parts.widgets, self.display_text, self.ttl, self.payload)
        self._action_name = "voice_call"
        self.finish()

    def content(self) -> Content:
        ttl = self.ttl_box.value()
        return VoiceCall(
            **self.parts.values(),
            display_text=opt(self.display_text.text()),
            ttl_minutes=None if ttl == _UNSET else ttl,
            payload=opt(self.payload.text()),
            action_name=self._action_name,
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, VoiceCall)
        self.parts.load(content)
        self.display_text.set_text(content.display_text or "")
        with QSignalBlocker(self.ttl_box):
            self.ttl_box.setValue(_UNSET if content.ttl_minutes is None else content.ttl_minutes)
        self.payload.set_text(content.payload or "")
        self._action_name = content.action_name

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        p = "interactive.action.parameters"
        out["interactive.action"] = self.display_text
        out[p] = self.display_text
        out[p + ".display_text"] = self.display_text
        out[p + ".ttl_minutes"] = self.ttl
        out[p + ".payload"] = self.payload
        return out
