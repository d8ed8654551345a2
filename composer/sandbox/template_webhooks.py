"""The WABA webhooks the sandbox sends when a demo template or a customer's marketing preference
changes: ``message_template_status_update``, ``message_template_quality_update`` and
``user_preferences``, in the shapes of Meta's reference pages (docs/spec/templates.md §7)."""

from __future__ import annotations

from typing import Any, Final

from composer import demo_contacts as contacts
from composer.demo_contacts import Identity
from composer.phone import normalize

__all__ = ["quality_webhook", "status_webhook", "user_preferences_webhook"]

_PAUSE_INFO: Final = {
    "title": "FIRST_PAUSE",
    "description": "Your WhatsApp message template has been paused because of low quality.",
}
_UNPAUSE_INFO: Final = {
    "title": "UNPAUSE",
    "description": "Your WhatsApp message template has been unpaused.",
}
PREFERENCE_DETAILS: Final = {
    "stop": "User requested to stop marketing messages",
    "resume": "User requested to resume marketing messages",
}


def _template_id(record: dict[str, Any]) -> int:
    """Webhooks carry the id as an integer (GET gives a numeric string)."""
    raw = str(record.get("id", "0"))
    return int(raw) if raw.isdigit() else 0


def _language(record: dict[str, Any]) -> str:
    """Meta's webhook examples write the language with a hyphen (``en-US``)."""
    return str(record.get("language", "")).replace("_", "-")


def _envelope(value: dict[str, Any], field: str, at: int | None) -> dict[str, Any]:
    entry: dict[str, Any] = {"id": contacts.SANDBOX_WABA_ID}
    if at is not None:
        entry["time"] = at
    entry["changes"] = [{"value": value, "field": field}]
    return {"object": "whatsapp_business_account", "entry": [entry]}


def status_webhook(
    record: dict[str, Any], event: str, at: int, *, previous: str | None = None
) -> dict[str, Any]:
    """``message_template_status_update`` for ``record`` moving to ``event``."""
    reason = "NONE"
    if event == "REJECTED":
        reason = str(record.get("rejected_reason") or "INVALID_FORMAT")
    value: dict[str, Any] = {
        "event": event,
        "message_template_id": _template_id(record),
        "message_template_name": record.get("name"),
        "message_template_language": _language(record),
        "reason": reason,
        "message_template_category": record.get("category"),
    }
    if event == "DISABLED":
        value["disable_info"] = {"disable_date": at}
    elif event == "PAUSED":
        value["other_info"] = _PAUSE_INFO
    elif previous == "PAUSED" and event == "APPROVED":
        value["other_info"] = _UNPAUSE_INFO
    return _envelope(value, "message_template_status_update", at)


def quality_webhook(record: dict[str, Any], previous: str, new: str, at: int) -> dict[str, Any]:
    """``message_template_quality_update``: GREEN, YELLOW, RED or UNKNOWN."""
    value = {
        "previous_quality_score": previous,
        "new_quality_score": new,
        "message_template_id": _template_id(record),
        "message_template_name": record.get("name"),
        "message_template_language": _language(record),
    }
    return _envelope(value, "message_template_quality_update", at)


def user_preferences_webhook(customer: Identity, value: str, at: int) -> dict[str, Any]:
    """``user_preferences``: the customer stopped (or resumed) marketing messages; ``wa_id``
    when the number is known, ``user_id`` always (docs/spec/bsuid.md)."""
    ids: dict[str, Any] = {} if customer.wa_id is None else {"wa_id": customer.wa_id}
    body = {
        "messaging_product": "whatsapp",
        "metadata": {
            "display_phone_number": normalize(contacts.SANDBOX_DISPLAY_PHONE_NUMBER),
            "phone_number_id": contacts.SANDBOX_PHONE_NUMBER_ID,
        },
        "contacts": [customer.contact()],
        "user_preferences": [
            {
                **ids,
                "user_id": customer.user_id,
                "detail": PREFERENCE_DETAILS[value],
                "category": "marketing_messages",
                "value": value,
                "timestamp": at,
            }
        ],
    }
    return _envelope(body, "user_preferences", None)
