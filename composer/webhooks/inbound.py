"""The webhooks of what a customer does on their own (not a tap on a business message): a text,
a reaction, a location. Shapes: reference-shapes.json ``webhook_inbound_text``,
``webhook_inbound_reaction`` (and ``_removed``: no ``emoji``), ``webhook_inbound_location_*``.

``customer`` is a number or a BSUID, as in ``composer.webhooks.envelope``; ``reply_to`` makes the
message quote a business message (``context``).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from composer.webhooks.envelope import DEFAULT_CONTEXT, WebhookContext, customer_envelope

__all__ = ["location_webhook", "reaction_webhook", "text_webhook"]


def text_webhook(
    customer: str,
    text: str,
    *,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
    reply_to: str | None = None,
) -> dict[str, Any]:
    """The customer typed ``text`` and pressed send."""
    body = {"type": "text", "text": {"body": text}}
    return customer_envelope(customer, body, at, context, reply_to)


def reaction_webhook(
    customer: str,
    message_id: str,
    emoji: str | None,
    *,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
) -> dict[str, Any]:
    """The customer reacted to message ``message_id``; ``emoji`` None or "" removes the reaction
    (Meta then sends the reaction without ``emoji``)."""
    reaction: dict[str, Any] = {"message_id": message_id}
    if emoji:
        reaction["emoji"] = emoji
    return customer_envelope(
        customer, {"type": "reaction", "reaction": reaction}, at, context, None
    )


def location_webhook(
    customer: str,
    latitude: float,
    longitude: float,
    *,
    name: str | None = None,
    address: str | None = None,
    at: datetime | None = None,
    context: WebhookContext = DEFAULT_CONTEXT,
    reply_to: str | None = None,
) -> dict[str, Any]:
    """The customer shared a location (``name`` and ``address`` for a named place)."""
    location: dict[str, Any] = {"latitude": latitude, "longitude": longitude}
    if name:
        location["name"] = name
    if address:
        location["address"] = address
    body = {"type": "location", "location": location}
    return customer_envelope(customer, body, at, context, reply_to)
