"""A call-permission request: "Allow calls" under the bubble (the answer is not simulated)."""

from __future__ import annotations

from composer.messages import CallPermissionRequest, Message, MessageKind
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, action_bubble, content_of, no_webhook
from ui.preview.taps import NoWebhook

CALL_PERMISSION = "Allow calls"  # drawn by WhatsApp itself (localised on real phones)


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, CallPermissionRequest)
    action_bubble(chat, msg, c, CALL_PERMISSION, "phone", ("call_permission",))


LAYOUT = PreviewLayout(
    MessageKind.CALL_PERMISSION,
    _bubble,
    taps={"call_permission": no_webhook(NoWebhook.CALL_PERMISSION_NOT_SIMULATED)},
)
