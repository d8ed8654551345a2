"""Address message (``interactive.type: address_message``): asks for a delivery address.

Available in India and Singapore only (``parameters.country`` "IN" or "SG"). ``values``
(prefill), ``saved_addresses`` and ``validation_errors`` are kept as plain JSON: their field set
is country-specific and only relayed. ``typed_json`` carries any of the three as typed when it is
not valid JSON of its shape, so that ``check()`` reports it (``address.json``); it is never
written to the payload.
"""

from __future__ import annotations

import json
from typing import Any, ClassVar, Final

from composer.messages.parts import Interactive, MessageKind

ADDRESS_COUNTRIES: Final = ("IN", "SG")
"""The ``parameters.country`` values WhatsApp accepts, in the order an editor offers them."""

ADDRESS_FIELDS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "IN": (
        ("name", "Name"),
        ("phone_number", "Phone Number"),
        ("in_pin_code", "Pin Code"),
        ("house_number", "Flat/House Number"),
        ("floor_number", "Floor Number"),
        ("tower_number", "Tower Number"),
        ("building_name", "Building/Apartment Name"),
        ("address", "Address"),
        ("landmark_area", "Landmark/Area"),
        ("city", "City"),
        ("state", "State"),
    ),
    "SG": (
        ("name", "Name"),
        ("phone_number", "Phone Number"),
        ("sg_post_code", "Post Code"),
        ("address", "Address"),
        ("unit_number", "Unit number"),
        ("city", "City"),
    ),
}
"""The form WhatsApp shows per country: (field key, WhatsApp's display label), in form order."""

# The JSON shape of each free-form parameter: an object, or a list of objects.
_SHAPES: Final = {"values": dict, "validation_errors": dict, "saved_addresses": list}


class AddressMessage(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.ADDRESS

    country: str = ""
    values: dict[str, Any] | None = None
    saved_addresses: tuple[dict[str, Any], ...] | None = None
    validation_errors: dict[str, Any] | None = None
    typed_json: dict[str, str] | None = None
    action_name: str = "address_message"


def address_fields(country: str) -> tuple[tuple[str, str], ...]:
    """The form fields of ``country`` (India's for a country WhatsApp does not offer)."""
    return ADDRESS_FIELDS.get(country, ADDRESS_FIELDS["IN"])


def address_json_from_text(key: str, text: str) -> tuple[Any, str | None]:
    """``values`` / ``validation_errors`` (objects) or ``saved_addresses`` (a list of objects)
    typed as JSON: ``(value, None)``, ``(None, None)`` when blank, ``(None, problem)``."""
    text = text.strip()
    if not text:
        return None, None
    try:
        value = json.loads(text)
    except ValueError as exc:
        return None, f"{key} is not valid JSON ({exc.args[0]})."
    shape = _SHAPES.get(key, dict)
    if shape is dict and not isinstance(value, dict):
        return None, f'{key} must be a JSON object, like {{"city": "Mumbai"}}.'
    if shape is list and not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
        return None, f'{key} must be a JSON list of objects, like [{{"id": "home"}}].'
    return (tuple(value) if shape is list else value), None
