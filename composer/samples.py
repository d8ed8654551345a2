"""One realistic, valid sample message per interactive type the editors support.

Why: a brand-new user should see a working message (and its preview) instead of an empty form
full of red errors, and "Load example" gives a known-good starting point for any type. The
samples are Graph payloads (plain data, so this module stays light) addressed to the sandbox's
demo contact whose 24-hour window is open; ``sample_message`` reads one through the normal
payload reader, and a test checks that ``check()`` finds no error in any of them.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from composer.messages import Message

# The sandbox's "Ana Souza" (window open); a plain literal keeps the sandbox package unimported.
SAMPLE_RECIPIENT: Final = "+15550100001"
_CATALOG: Final = "194836987003835"
_REACTED_TO: Final = "wamid.HBgLMTU1NTAxMDAwMDEVAgASGBQzRUIwQzc5OEI2QjQ1NzE1RTlBMgA="


def _interactive(body: dict[str, Any]) -> dict[str, Any]:
    return {"type": "interactive", "interactive": body}


_SAMPLES: Final[dict[str, dict[str, Any]]] = {
    "button": _interactive({
        "type": "button",
        "header": {"type": "text", "text": "Appointment reminder"},
        "body": {"text": "Hi Ana! Your appointment is *tomorrow at 9:00*. Do you want to keep it?"},
        "footer": {"text": "Reply using the buttons below"},
        "action": {"buttons": [
            {"type": "reply", "reply": {"id": "appt_keep_4471", "title": "Keep it"}},
            {"type": "reply", "reply": {"id": "appt_move_4471", "title": "Reschedule"}},
            {"type": "reply", "reply": {"id": "appt_cancel_4471", "title": "Cancel"}},
        ]},
    }),
    "list": _interactive({
        "type": "list",
        "header": {"type": "text", "text": "Choose a shipping option"},
        "body": {"text": "Your order #4471 is packed. Which shipping option do you prefer?"},
        "footer": {"text": "Prices include VAT"},
        "action": {"button": "Shipping options", "sections": [
            {"title": "Delivery", "rows": [
                {"id": "ship_express", "title": "Express", "description": "Next day, EUR 9.90"},
                {"id": "ship_standard", "title": "Standard", "description": "2-4 days, EUR 4.90"},
            ]},
            {"title": "Collect", "rows": [
                {"id": "ship_pickup", "title": "Store pickup", "description": "Free, from today"},
            ]},
        ]},
    }),
    "cta_url": _interactive({
        "type": "cta_url",
        "header": {"type": "text", "text": "New workshop dates"},
        "body": {"text": "Tap the button to see the available dates and book a seat."},
        "footer": {"text": "Dates subject to change"},
        "action": {"name": "cta_url", "parameters": {
            "display_text": "See dates",
            "url": "https://www.example.com/workshops?utm_source=whatsapp&id=88213",
        }},
    }),
    "flow": _interactive({
        "type": "flow",
        "header": {"type": "text", "text": "Book a table"},
        "body": {"text": "Reserve a table in under a minute."},
        "footer": {"text": "You can cancel any time"},
        "action": {"name": "flow", "parameters": {
            "flow_message_version": "3",
            "flow_id": "1234567890123456",
            "flow_token": "booking-7f3c2a91",
            "flow_cta": "Book now",
            "mode": "published",
            "flow_action": "navigate",
            "flow_action_payload": {
                "screen": "SELECT_DATE", "data": {"party_size": 2, "branch": "downtown"},
            },
        }},
    }),
    "product": _interactive({
        "type": "product",
        "body": {"text": "This is the jacket you asked about - still in stock in size M."},
        "footer": {"text": "Free returns within 30 days"},
        "action": {"catalog_id": _CATALOG, "product_retailer_id": "JKT-RAIN-M-NAVY"},
    }),
    "product_list": _interactive({
        "type": "product_list",
        "header": {"type": "text", "text": "Rain gear picks"},
        "body": {"text": "Here are our best sellers for the rainy season."},
        "footer": {"text": "Tap a product for details"},
        "action": {"catalog_id": _CATALOG, "sections": [
            {"title": "Jackets", "product_items": [
                {"product_retailer_id": "JKT-RAIN-M-NAVY"},
                {"product_retailer_id": "JKT-RAIN-L-OLIVE"},
            ]},
            {"title": "Boots", "product_items": [{"product_retailer_id": "BOOT-WELLY-41"}]},
        ]},
    }),
    "catalog_message": _interactive({
        "type": "catalog_message",
        "body": {"text": "Thanks for your interest! Browse the catalog and add items to the cart."},
        "footer": {"text": "Best deals on WhatsApp"},
        "action": {"name": "catalog_message", "parameters": {
            "thumbnail_product_retailer_id": "JKT-RAIN-M-NAVY",
        }},
    }),
    "location_request_message": _interactive({
        "type": "location_request_message",
        "body": {"text": "To find the nearest store, please *share your location*."},
        "action": {"name": "send_location"},
    }),
    "reaction": {
        "type": "reaction",
        "reaction": {"message_id": _REACTED_TO, "emoji": "\N{THUMBS UP SIGN}"},
    },
}  # fmt: skip

SAMPLE_KINDS: Final = tuple(_SAMPLES)


def sample_payload(kind: str, to: str = SAMPLE_RECIPIENT) -> dict[str, Any]:
    """A fresh copy of the sample Graph payload of ``kind`` (KeyError for an unknown kind)."""
    content = copy.deepcopy(_SAMPLES[kind])
    return {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, **content}


def sample_message(kind: str, to: str = SAMPLE_RECIPIENT) -> Message:
    """The sample of ``kind`` as a ``Message`` (read by the normal payload reader)."""
    from composer.payload.writer import from_payload

    return from_payload(sample_payload(kind, to))
