"""The envelope of every customer message webhook, and who is who in it (``WebhookContext``).

Shared by the tap replies (``composer.webhooks.replies``) and the customer's own messages
(``composer.webhooks.inbound``: text, reaction, location), so every simulated inbound body
carries the same metadata and the 2026 identity fields (docs/spec/bsuid.md).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec

from composer.demo_contacts import (
    SANDBOX_DISPLAY_PHONE_NUMBER,
    SANDBOX_PHONE_NUMBER_ID,
    SANDBOX_WABA_ID,
    Identity,
    identity_of,
)
from composer.phone import normalize

__all__ = ["DEFAULT_CONTEXT", "WebhookContext", "customer_envelope"]


class WebhookContext(msgspec.Struct, frozen=True):
    """Who is who in the simulated webhook. Defaults describe the built-in sandbox number.

    ``customer_name`` None: the sandbox demo contact's name for its number or BSUID, else
    "Customer". ``customer_user_id`` None: the demo contact's BSUID, else one made up from the
    number (``composer.user_ids.simulated_user_id``). ``customer_message_id`` None: a stable id
    made from the customer, the second and the body (a rehearsal passes a fresh wamid, so two
    equal texts in one second stay two messages).
    """

    waba_id: str = SANDBOX_WABA_ID
    phone_number_id: str = SANDBOX_PHONE_NUMBER_ID
    display_phone_number: str = normalize(SANDBOX_DISPLAY_PHONE_NUMBER)
    customer_name: str | None = None
    business_message_id: str = "wamid.PREVIEW_BUSINESS_MESSAGE"
    customer_user_id: str | None = None
    customer_message_id: str | None = None


DEFAULT_CONTEXT = WebhookContext()


def customer_envelope(
    customer: str,
    body: dict[str, Any],
    at: datetime | None,
    context: WebhookContext,
    reply_to: str | None,
) -> dict[str, Any]:
    """A ``messages`` webhook from ``customer`` (a number or a BSUID) holding ``body`` (its
    ``type`` and content). ``reply_to``: the business message it answers (``context.id``).

    The contact has ``wa_id`` when the number is known and ``user_id`` always; the message
    ``from`` likewise and ``from_user_id`` always."""
    when = at if at is not None else datetime.now(UTC)
    who = identity_of(customer, context.customer_name)
    if context.customer_user_id is not None:
        who = Identity(who.wa_id, context.customer_user_id, who.name)
    timestamp = str(int(when.timestamp()))
    sender: dict[str, Any] = {} if who.wa_id is None else {"from": who.wa_id}
    business = context.display_phone_number
    quoted = {} if reply_to is None else {"context": {"from": business, "id": reply_to}}
    key = who.wa_id or who.user_id
    message: dict[str, Any] = {
        **sender,
        "from_user_id": who.user_id,
        "id": context.customer_message_id or _reply_wamid(key, timestamp, body),
        "timestamp": timestamp,
        **quoted,
        **body,
    }
    value = {
        "messaging_product": "whatsapp",
        "metadata": {
            "display_phone_number": context.display_phone_number,
            "phone_number_id": context.phone_number_id,
        },
        "contacts": [who.contact()],
        "messages": [message],
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": context.waba_id, "changes": [{"value": value, "field": "messages"}]}],
    }


def _reply_wamid(customer: str, timestamp: str, body: dict[str, Any]) -> str:
    """A stable, wamid-looking id for the simulated reply (same tap, same second -> same id)."""
    import hashlib  # here: it loads OpenSSL, several ms of the window's start (composer.user_ids)

    digest = hashlib.sha256(f"{customer}|{timestamp}|{body}".encode()).hexdigest()[:32].upper()
    return f"wamid.PREVIEW{digest}"
