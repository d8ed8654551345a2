"""Catalog message (``interactive.type: catalog_message``): a button that opens the catalog."""

from __future__ import annotations

from typing import Any

from composer.codec.base import Reader, join
from composer.codec.parts import named_action, read_parameters
from composer.kinds.kind_spec import Absent, Fields, JsonObject, KindSpec, interactive_sample
from composer.messages import CatalogMessage, MessageKind
from composer.rules.parts import NO_HEADER, PartsPolicy
from composer.rules.products import check_catalog


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    p = read_parameters(r, a, path, ("thumbnail_product_retailer_id",)) or {}
    tpath = join(path, "parameters.thumbnail_product_retailer_id")
    return {
        "action_name": r.text(a, "name", join(path, "name"), "Action name"),
        "thumbnail_product_retailer_id": r.opt_text(
            p, "thumbnail_product_retailer_id", tpath, "Thumbnail product id"
        ),
    }


def write(content: CatalogMessage) -> dict[str, Any]:
    thumb = content.thumbnail_product_retailer_id
    return named_action(
        content.action_name, None if thumb is None else {"thumbnail_product_retailer_id": thumb}
    )


SAMPLE = interactive_sample({
    "type": "catalog_message",
    "body": {"text": "Thanks for your interest! Browse the catalog and add items to the cart."},
    "footer": {"text": "Best deals on WhatsApp"},
    "action": {"name": "catalog_message", "parameters": {
        "thumbnail_product_retailer_id": "JKT-RAIN-M-NAVY",
    }},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.CATALOG,
    model=CatalogMessage,
    read=read,
    write=write,
    check=check_catalog,
    parts=PartsPolicy("catalog messages", NO_HEADER),
    limits=Absent("a product id only: no length or count limit beyond body and footer"),
    sample=SAMPLE,
    replies=Absent("a tap opens the catalog in WhatsApp; the order webhook is not built yet"),
)
