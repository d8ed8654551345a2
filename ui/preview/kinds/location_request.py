"""A location request: "Send location" under the bubble; a tap shares a dropped pin."""

from __future__ import annotations

from composer.messages import LocationRequest, Message, MessageKind
from composer.webhooks.replies import WebhookContext, location_reply_webhook
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, action_bubble, content_of
from ui.preview.layout import ChatState, Reply
from ui.preview.taps import Action, Tapped

SEND_LOCATION = "Send location"  # drawn by WhatsApp itself (localised on real phones)
SAMPLE_LOCATION = (38.7223, -9.1393)


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, LocationRequest)
    action_bubble(chat, msg, c, SEND_LOCATION, "pin", ("send_location",))


def _tap_send(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    content_of(msg, LocationRequest)
    lat, lon = SAMPLE_LOCATION
    body = location_reply_webhook(msg, lat, lon, context=ctx)
    return Tapped.sent(body, Reply("location", ""))  # a dropped pin: the map alone, no caption


LAYOUT = PreviewLayout(MessageKind.LOCATION_REQUEST, _bubble, taps={"send_location": _tap_send})
