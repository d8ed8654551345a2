"""A call-permission request: the body, then WhatsApp's two answers; each sends the business a
``call_permission_reply`` (allow: a temporary 7-day permission; don't allow: a rejection)."""

from __future__ import annotations

from composer.messages import CallPermissionRequest, Message, MessageKind
from composer.webhooks.replies import WebhookContext, call_permission_reply_webhook
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, content_of
from ui.preview.layout import ChatState, Reply
from ui.preview.taps import Action, Tapped

# Drawn by WhatsApp itself (localised on real phones): (label, icon, answer, reply bubble).
ANSWERS = (
    ("Allow calls", "handset", "accept", "Allowed calls for 7 days"),
    ("Don't allow", "close", "reject", "Declined calls"),
)
TIPS = {
    "accept": "Allow calls: the business may call for 7 days (call_permission_reply, accept)",
    "reject": "Decline: the business may not call (call_permission_reply, reject)",
}


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, CallPermissionRequest)
    parts = chat.start(msg)
    chat.header(parts, c.header)
    chat.texts(parts, c)
    for label, icon, answer, _ in ANSWERS:
        parts.action_row(label, icon, ("call_permission", answer), tooltip=TIPS[answer])
    chat.emit(parts, outgoing=False)


def _tap_answer(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    content_of(msg, CallPermissionRequest)
    answer = action[1]
    body = call_permission_reply_webhook(msg, answer, context=ctx)
    said = next(reply for _, _, a, reply in ANSWERS if a == answer)
    return Tapped.sent(body, Reply("text", said))


LAYOUT = PreviewLayout(MessageKind.CALL_PERMISSION, _bubble, taps={"call_permission": _tap_answer})
