"""An address request: "Provide address" opens WhatsApp's form (here a small dialog, prefilled
with the message's values and saved addresses); submitting it sends an ``nfm_reply``."""

from __future__ import annotations

from typing import Any

from composer.messages import AddressMessage, Message, MessageKind
from composer.messages.address_message import address_fields
from composer.webhooks.nfm import address_summary
from composer.webhooks.replies import WebhookContext, address_reply_webhook
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, action_bubble, content_of
from ui.preview.layout import ChatState, Reply
from ui.preview.taps import Action, NoWebhook, ReplyForm, Tapped

PROVIDE_ADDRESS = "Provide address"  # drawn by WhatsApp itself (localised on real phones)
NOTE = "What the customer submits in WhatsApp's address form."


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, AddressMessage)
    action_bubble(chat, msg, c, PROVIDE_ADDRESS, "pin", ("address",))


def _texts(values: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in values.items()} if isinstance(values, dict) else {}


def address_form(c: AddressMessage) -> ReplyForm:
    """The form with the message's prefilled values and its saved addresses as presets."""
    presets = tuple(
        (str(saved.get("id") or f"Saved address {i + 1}"), _texts(saved.get("value")))
        for i, saved in enumerate(c.saved_addresses or ())
    )
    return ReplyForm(
        title="Address",
        submit="address_submit",
        fields=address_fields(c.country),
        values=_texts(c.values),
        presets=presets,
        note=NOTE,
    )


def _tap_open(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    return Tapped.opens(address_form(content_of(msg, AddressMessage)), NoWebhook.OPENS_ADDRESS_FORM)


def _tap_submit(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    c = content_of(msg, AddressMessage)
    values, saved_id = dict(action[1]), action[2]
    body = address_reply_webhook(msg, values, saved_id, context=ctx)
    shown = address_summary(c.country, {k: v for k, v in values.items() if v})
    return Tapped.sent(body, Reply("text", shown or PROVIDE_ADDRESS))


LAYOUT = PreviewLayout(
    MessageKind.ADDRESS, _bubble, taps={"address": _tap_open, "address_submit": _tap_submit}
)
