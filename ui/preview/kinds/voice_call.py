"""A voice call button: "Call Now" (or the message's label) with a handset; a tap starts a
WhatsApp call, which the business hears about from the Calling API, not as a message webhook."""

from __future__ import annotations

from composer import limits
from composer.kinds.voice_call import VoiceCall
from composer.messages import Message, MessageKind
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, action_bubble, content_of, no_webhook
from ui.preview.taps import NoWebhook


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, VoiceCall)
    label = c.display_text or limits.VOICE_CALL_DEFAULT_LABEL
    tip = "Starts a WhatsApp call to the business"
    if c.payload:
        tip += f" (cta_payload {c.payload[:40]!r} in the call webhooks)"
    action_bubble(chat, msg, c, label, "handset", ("voice_call",), tooltip=tip)


LAYOUT = PreviewLayout(
    MessageKind.VOICE_CALL,
    _bubble,
    taps={"voice_call": no_webhook(NoWebhook.STARTS_WHATSAPP_CALL)},
)
