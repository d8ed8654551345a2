"""An address request: "Provide address" under the bubble (the form is not simulated)."""

from __future__ import annotations

from composer.messages import AddressMessage, Message, MessageKind
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, action_bubble, content_of, no_webhook
from ui.preview.taps import NoWebhook

PROVIDE_ADDRESS = "Provide address"  # drawn by WhatsApp itself (localised on real phones)


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, AddressMessage)
    action_bubble(chat, msg, c, PROVIDE_ADDRESS, "", ("address",))


LAYOUT = PreviewLayout(
    MessageKind.ADDRESS, _bubble, taps={"address": no_webhook(NoWebhook.ADDRESS_NOT_SIMULATED)}
)
