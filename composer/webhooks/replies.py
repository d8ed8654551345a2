"""The webhook JSON a business receives when the customer taps through a previewed message.

The preview's click-through shows this next to the customer's reply bubble, so a bot developer
can copy the exact body their endpoint will get: ``button_reply`` / ``list_reply`` interactive
messages and a ``location`` message, each with ``context.id`` pointing at the business message
(spec section 13.3 and the reference shapes). Ids the preview cannot know (the wamids, the WABA
and phone-number ids) are placeholders the caller may override.

Each function imports its own kind's model: the preview loads one kind's layout at a time, and
with it only that kind's model.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from composer.limits import CALL_PERMISSION_TEMPORARY_SECONDS
from composer.messages.message import Message
from composer.webhooks.envelope import DEFAULT_CONTEXT, WebhookContext, customer_envelope
from composer.webhooks.nfm import address_summary, default_flow_response, flow_response_problem

__all__ = [
    "DEFAULT_CONTEXT",
    "ReplyError",
    "WebhookContext",
    "address_reply_webhook",
    "button_reply_webhook",
    "call_permission_reply_webhook",
    "carousel_reply_webhook",
    "flow_reply_webhook",
    "list_reply_webhook",
    "location_reply_webhook",
    "template_button_webhook",
]


class ReplyError(ValueError):
    """The tap does not exist in this message (wrong type or index out of range)."""


def button_reply_webhook(
    msg: Message,
    button_index: int,
    *,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """Body of the POST the business gets when the customer taps button ``button_index``."""
    from composer.messages.reply_buttons import ReplyButtons

    content = msg.content
    if not isinstance(content, ReplyButtons):
        raise ReplyError(f"button reply: the message is a {content.kind} message, not buttons")
    if not 0 <= button_index < len(content.buttons):
        raise ReplyError(f"button reply: there is no button {button_index + 1}")
    button = content.buttons[button_index]
    interactive = {
        "type": "button_reply",
        "button_reply": {"id": button.id, "title": button.title},
    }
    return _envelope(msg, {"type": "interactive", "interactive": interactive}, at, context)


def carousel_reply_webhook(
    msg: Message,
    card: int,
    button: int,
    *,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """Body of the POST for a tap on quick reply ``button`` of card ``card`` (positions in the
    cards array): a ``button_reply`` with that quick reply's id and title, as for reply buttons."""
    from composer.messages.carousel import Carousel, MediaCard

    content = msg.content
    if not isinstance(content, Carousel):
        raise ReplyError(f"carousel reply: the message is a {content.kind} message")
    if not 0 <= card < len(content.cards):
        raise ReplyError(f"carousel reply: there is no card {card + 1}")
    media = content.cards[card]
    replies = media.quick_replies if isinstance(media, MediaCard) else None
    if not replies or not 0 <= button < len(replies):
        raise ReplyError(f"carousel reply: card {card + 1} has no quick reply {button + 1}")
    reply = {"id": replies[button].id, "title": replies[button].title}
    interactive = {"type": "button_reply", "button_reply": reply}
    return _envelope(msg, {"type": "interactive", "interactive": interactive}, at, context)


def list_reply_webhook(
    msg: Message,
    section_index: int,
    row_index: int,
    *,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """Body of the POST the business gets when the customer picks a row and presses send."""
    from composer.messages.list_message import ListMessage

    content = msg.content
    if not isinstance(content, ListMessage):
        raise ReplyError(f"list reply: the message is a {content.kind} message, not a list")
    if not 0 <= section_index < len(content.sections):
        raise ReplyError(f"list reply: there is no section {section_index + 1}")
    rows = content.sections[section_index].rows
    if not 0 <= row_index < len(rows):
        raise ReplyError(f"list reply: section {section_index + 1} has no row {row_index + 1}")
    row = rows[row_index]
    reply: dict[str, Any] = {"id": row.id, "title": row.title}
    if row.description:
        reply["description"] = row.description
    interactive = {"type": "list_reply", "list_reply": reply}
    return _envelope(msg, {"type": "interactive", "interactive": interactive}, at, context)


def location_reply_webhook(
    msg: Message,
    lat: float,
    lon: float,
    *,
    name: str | None = None,
    address: str | None = None,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """Body of the POST for a location shared in answer to a location request.

    ``name`` and ``address`` appear only when the customer shares a named place (spec section 8).
    """
    from composer.messages.location_request import LocationRequest

    content = msg.content
    if not isinstance(content, LocationRequest):
        raise ReplyError(f"location reply: the message is a {content.kind} message")
    location: dict[str, Any] = {"latitude": lat, "longitude": lon}
    if name:
        location["name"] = name
    if address:
        location["address"] = address
    return _envelope(msg, {"type": "location", "location": location}, at, context)


def template_button_webhook(
    msg: Message,
    text: str,
    payload: str | None = None,
    *,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """Body of the POST for a tap on a template's quick-reply button ``text``.

    It arrives as ``type: "button"`` with ``button: {payload, text}`` (not as an interactive
    reply); ``payload`` is the one the send gave that button, else Meta repeats its text.
    """
    from composer.messages.template import TemplateMessage

    if not isinstance(msg.content, TemplateMessage):
        raise ReplyError(f"template button: the message is a {msg.content.kind} message")
    button = {"payload": text if payload is None else payload, "text": text}
    return _envelope(msg, {"type": "button", "button": button}, at, context)


def call_permission_reply_webhook(
    msg: Message,
    response: Literal["accept", "reject"] = "accept",
    *,
    permanent: bool = False,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """Body of the POST for the customer's answer to a call-permission request.

    An accepted temporary permission carries ``is_permanent: false`` and its
    ``expiration_timestamp`` (7 days on); a permanent one ``is_permanent: true``; a rejection
    only ``response`` and ``response_source`` (Meta's samples, docs/spec/calling-and-replies.md).
    """
    from composer.messages.call_permission import CallPermissionRequest

    if not isinstance(msg.content, CallPermissionRequest):
        raise ReplyError(f"call permission reply: the message is a {msg.content.kind} message")
    if response not in ("accept", "reject"):
        raise ReplyError(f'call permission reply: "{response}" is neither accept nor reject')
    when = at if at is not None else datetime.now(UTC)
    reply: dict[str, Any] = {"response": response}
    if response == "accept":
        reply["is_permanent"] = permanent
        if not permanent:
            expires = when + timedelta(seconds=CALL_PERMISSION_TEMPORARY_SECONDS)
            reply["expiration_timestamp"] = str(int(expires.timestamp()))
    reply["response_source"] = "user_action"
    interactive = {"type": "call_permission_reply", "call_permission_reply": reply}
    return _envelope(msg, {"type": "interactive", "interactive": interactive}, when, context)


def address_reply_webhook(
    msg: Message,
    values: dict[str, str] | None = None,
    saved_address_id: str | None = None,
    *,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """Body of the POST for a submitted address form: an ``nfm_reply`` named
    ``address_message`` whose ``response_json`` holds the filled ``values`` (and the chosen
    ``saved_address_id``); ``body`` is the address as the customer's bubble shows it.
    ``values`` None: the message's prefilled values."""
    from composer.messages.address_message import AddressMessage

    content = msg.content
    if not isinstance(content, AddressMessage):
        raise ReplyError(f"address reply: the message is a {content.kind} message")
    if values is None:
        values = {k: str(v) for k, v in (content.values or {}).items()}
    filled = {k: v for k, v in values.items() if v}
    response: dict[str, Any] = (
        {} if saved_address_id is None else {"saved_address_id": saved_address_id}
    )
    response["values"] = filled
    nfm = {
        "response_json": json.dumps(response, ensure_ascii=False, separators=(",", ":")),
        "body": address_summary(content.country, filled),
        "name": "address_message",
    }
    interactive = {"type": "nfm_reply", "nfm_reply": nfm}
    return _envelope(msg, {"type": "interactive", "interactive": interactive}, at, context)


def flow_reply_webhook(
    msg: Message,
    response_json: str | None = None,
    *,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """Body of the POST for a completed Flow: ``nfm_reply`` named ``flow``, body ``"Sent"``,
    ``response_json`` the flow's answer as a JSON string (None: only the flow's token)."""
    from composer.messages.flow import Flow

    content = msg.content
    if not isinstance(content, Flow):
        raise ReplyError(f"flow reply: the message is a {content.kind} message")
    text = default_flow_response(content) if response_json is None else response_json
    problem = flow_response_problem(text)
    if problem is not None:
        raise ReplyError(f"flow reply: {problem}")
    compact = json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    nfm = {"name": "flow", "body": "Sent", "response_json": compact}
    interactive = {"type": "nfm_reply", "nfm_reply": nfm}
    return _envelope(msg, {"type": "interactive", "interactive": interactive}, at, context)


def _envelope(
    msg: Message, body: dict[str, Any], at: datetime | None, context: WebhookContext
) -> dict[str, Any]:
    """A reply to the business message ``context.business_message_id`` (``context.id``)."""
    return customer_envelope(msg.to, body, at, context, context.business_message_id)
