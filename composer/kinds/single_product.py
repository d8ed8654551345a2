"""Single product (``interactive.type: product``): one catalog item."""

from __future__ import annotations

from typing import Any

from composer.codec.base import Reader, join
from composer.kinds.kind_spec import (
    SAMPLE_CATALOG_ID,
    Absent,
    Fields,
    JsonObject,
    KindSpec,
    interactive_sample,
)
from composer.messages import MessageKind, SingleProduct
from composer.rules.parts import NO_HEADER, PartsPolicy
from composer.rules.products import check_single_product


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("catalog_id", "product_retailer_id"), "a product action")
    return {
        "catalog_id": r.text(a, "catalog_id", join(path, "catalog_id"), "Catalog id"),
        "product_retailer_id": r.text(
            a, "product_retailer_id", join(path, "product_retailer_id"), "Product id"
        ),
    }


def write(content: SingleProduct) -> dict[str, Any]:
    return {"catalog_id": content.catalog_id, "product_retailer_id": content.product_retailer_id}


SAMPLE = interactive_sample({
    "type": "product",
    "body": {"text": "This is the jacket you asked about - still in stock in size M."},
    "footer": {"text": "Free returns within 30 days"},
    "action": {"catalog_id": SAMPLE_CATALOG_ID, "product_retailer_id": "JKT-RAIN-M-NAVY"},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.PRODUCT,
    model=SingleProduct,
    read=read,
    write=write,
    check=check_single_product,
    parts=PartsPolicy("single-product messages", NO_HEADER, body_required=False),
    limits=Absent("ids only: no length or count limit beyond body and footer"),
    sample=SAMPLE,
    replies=Absent("a tap opens the product in WhatsApp; the cart order webhook is not built yet"),
)
