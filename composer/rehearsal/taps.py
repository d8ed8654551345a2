"""Which bot message a customer's tap answers, and the webhook of that tap.

``taps: ID`` looks for the id in the bot's messages, newest first (or in one given message, as
when the customer re-opens an earlier list): a reply button gives a ``button_reply``, a list row a
``list_reply``, a carousel quick reply a ``button_reply``. A submitted form answers the latest
Flow or address message (``nfm_reply``); a shared location answers the latest message when it is
a location request. Refused messages never reached the phone, so they offer nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Any

from msgspec.structs import replace

from composer.codec.errors import PayloadError
from composer.messages import (
    AddressMessage,
    Carousel,
    Flow,
    ListMessage,
    LocationRequest,
    MediaCard,
    Message,
    ReplyButtons,
)
from composer.payload.reader import from_payload
from composer.rehearsal.events import ActionKind, BotMessage
from composer.webhooks.envelope import WebhookContext
from composer.webhooks.replies import (
    ReplyError,
    address_reply_webhook,
    button_reply_webhook,
    carousel_reply_webhook,
    flow_reply_webhook,
    list_reply_webhook,
    location_reply_webhook,
)

__all__ = ["TapError", "location_reply", "submit_reply", "tap_reply"]

Reply = tuple[dict[str, Any], ActionKind, str]
"""The webhook body, its kind and the wamid of the bot message it answers."""


class TapError(ReplyError):
    """No message from the bot offers that tap (or that form)."""


def _shown(
    messages: Sequence[BotMessage], customer: str, message_id: str | None
) -> Iterator[tuple[str, Message]]:
    """(wamid, message as the customer's phone has it), newest first."""
    for sent in reversed(messages):
        if not sent.accepted or sent.wamid is None:
            continue
        if message_id is not None and sent.wamid != message_id:
            continue
        try:
            msg = from_payload(sent.payload)
        except PayloadError:
            continue
        yield sent.wamid, replace(msg, to=customer)


def tap_reply(
    messages: Sequence[BotMessage],
    customer: str,
    option_id: str,
    *,
    at: datetime,
    context: WebhookContext,
    message_id: str | None = None,
) -> Reply:
    """The webhook of a tap on button / row / quick reply ``option_id``."""
    for wamid, msg in _shown(messages, customer, message_id):
        ctx = replace(context, business_message_id=wamid)
        found = _tap_in(msg, option_id, at, ctx)
        if found is not None:
            return found[0], found[1], wamid
    where = f"message {message_id}" if message_id else "any message from the bot"
    raise TapError(f'no button or list row with id "{option_id}" in {where}')


def _tap_in(
    msg: Message, option_id: str, at: datetime, ctx: WebhookContext
) -> tuple[dict[str, Any], ActionKind] | None:
    content = msg.content
    if isinstance(content, ReplyButtons):
        for i, button in enumerate(content.buttons):
            if button.id == option_id:
                return button_reply_webhook(msg, i, at=at, context=ctx), "button_reply"
    if isinstance(content, ListMessage):
        for s, section in enumerate(content.sections):
            for r, row in enumerate(section.rows):
                if row.id == option_id:
                    return list_reply_webhook(msg, s, r, at=at, context=ctx), "list_reply"
    if isinstance(content, Carousel):
        for c, card in enumerate(content.cards):
            replies = card.quick_replies if isinstance(card, MediaCard) else None
            for b, reply in enumerate(replies or ()):
                if reply.id == option_id:
                    body = carousel_reply_webhook(msg, c, b, at=at, context=ctx)
                    return body, "button_reply"
    return None


def submit_reply(
    messages: Sequence[BotMessage],
    customer: str,
    *,
    at: datetime,
    context: WebhookContext,
    response_json: str | None = None,
    values: dict[str, str] | None = None,
    message_id: str | None = None,
) -> Reply:
    """The ``nfm_reply`` of the latest Flow (``response_json``) or address form (``values``)."""
    for wamid, msg in _shown(messages, customer, message_id):
        ctx = replace(context, business_message_id=wamid)
        if isinstance(msg.content, Flow):
            return flow_reply_webhook(msg, response_json, at=at, context=ctx), "nfm_reply", wamid
        if isinstance(msg.content, AddressMessage):
            body = address_reply_webhook(msg, values, at=at, context=ctx)
            return body, "nfm_reply", wamid
    raise TapError("no Flow or address message from the bot to submit")


def location_reply(
    messages: Sequence[BotMessage],
    customer: str,
    location: tuple[float, float, str | None, str | None],
    *,
    at: datetime,
    context: WebhookContext,
) -> Reply | None:
    """The location as an answer to the bot's latest message when that asks for a location;
    None when it does not (the customer shares it on their own)."""
    latitude, longitude, name, address = location
    for wamid, msg in _shown(messages, customer, None):
        if not isinstance(msg.content, LocationRequest):
            return None
        ctx = replace(context, business_message_id=wamid)
        body = location_reply_webhook(msg, latitude, longitude, name=name, address=address,
                                      at=at, context=ctx)  # fmt: skip
        return body, "location", wamid
    return None
