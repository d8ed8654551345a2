"""Address message (``interactive.type: address_message``): asks for a delivery address (India
and Singapore only); the submitted form comes back as an ``nfm_reply``."""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, index, join
from composer.codec.parts import named_action, read_parameters
from composer.kinds.kind_spec import Fields, JsonObject, KindSpec, interactive_sample
from composer.messages import AddressMessage, MessageKind
from composer.rules.actions import check_address
from composer.rules.parts import NO_HEADER, PartsPolicy


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    keys = ("country", "values", "saved_addresses", "validation_errors")
    p = read_parameters(r, a, path, keys) or {}
    ppath = join(path, "parameters")
    fields: Fields = {
        "action_name": r.text(a, "name", join(path, "name"), "Action name"),
        "country": r.text(p, "country", join(ppath, "country"), "Country"),
    }
    for key in ("values", "validation_errors"):
        if key in p:
            kpath = join(ppath, key)
            fields[key] = r.free_json(r.obj(p[key], kpath, key), kpath)
    saved = r.array(p, "saved_addresses", join(ppath, "saved_addresses"), "saved_addresses")
    if saved is not None:
        spath = join(ppath, "saved_addresses")
        objs = [r.obj(s, index(spath, i), "A saved address") for i, s in enumerate(saved)]
        fields["saved_addresses"] = tuple(
            r.free_json(o, index(spath, i)) for i, o in enumerate(objs) if o is not None
        )
    return fields


def write(content: AddressMessage) -> dict[str, Any]:
    params: dict[str, Any] = {"country": content.country}
    if content.values is not None:
        params["values"] = content.values
    if content.saved_addresses is not None:
        params["saved_addresses"] = list(content.saved_addresses)
    if content.validation_errors is not None:
        params["validation_errors"] = content.validation_errors
    return named_action(content.action_name, params)


SAMPLE = interactive_sample({
    "type": "address_message",
    "body": {"text": "Thanks for your order! Tell us where we should deliver it."},
    "action": {"name": "address_message", "parameters": {
        "country": "IN",
        "values": {"name": "Ana Souza", "city": "Mumbai"},
        "saved_addresses": [{"id": "home", "value": {
            "name": "Ana Souza",
            "phone_number": "+919812345678",
            "in_pin_code": "400063",
            "address": "Wing A, Cello Triumph, IB Patel Rd",
            "landmark_area": "Goregaon",
            "city": "Mumbai",
        }}],
    }},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.ADDRESS,
    model=AddressMessage,
    read=read,
    write=write,
    check=check_address,
    parts=PartsPolicy("address messages", NO_HEADER, footer=False),
    limits=(limits.ADDRESS_PIN_CODE, limits.ADDRESS_POST_CODE),
    sample=SAMPLE,
    replies=("address_reply_webhook",),
)
