"""Call permission request: an optional body; WhatsApp draws the answer buttons itself."""

from __future__ import annotations

from composer.messages import CallPermissionRequest, MessageKind
from ui.editors.fixed_action import FixedActionEditor

NOTE = (
    "WhatsApp adds the buttons to allow or decline calls; the customer can allow them for 7 "
    "days or always. Only the body is yours: a short reason for the call helps them say yes."
)


class CallPermissionEditor(FixedActionEditor):
    kind = MessageKind.CALL_PERMISSION
    model = CallPermissionRequest
    note_text = NOTE
    default_action = "call_permission_request"
