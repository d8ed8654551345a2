"""Multi-product (``interactive.type: product_list``): sections of catalog items."""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, join
from composer.kinds.kind_spec import (
    SAMPLE_CATALOG_ID,
    Absent,
    Fields,
    JsonObject,
    KindSpec,
    interactive_sample,
)
from composer.messages import MessageKind, MultiProduct, ProductSection
from composer.rules.parts import TEXT_HEADER, PartsPolicy
from composer.rules.products import check_multi_product


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("catalog_id", "sections"), "a product-list action")
    sections = []
    item_keys = ("product_retailer_id",)
    for s, ipath in r.objects(a, "sections", path, "section", ("title", "product_items")):
        ids = tuple(
            r.text(p, "product_retailer_id", join(jpath, "product_retailer_id"), "Product id")
            for p, jpath in r.objects(s, "product_items", ipath, "product item", item_keys)
        )
        title = r.opt_text(s, "title", join(ipath, "title"), "Section title")
        sections.append(ProductSection(title=title, product_retailer_ids=ids))
    catalog_id = r.text(a, "catalog_id", join(path, "catalog_id"), "Catalog id")
    return {"catalog_id": catalog_id, "sections": tuple(sections)}


def write(content: MultiProduct) -> dict[str, Any]:
    sections = []
    for ps in content.sections:
        section: dict[str, Any] = {} if ps.title is None else {"title": ps.title}
        section["product_items"] = [{"product_retailer_id": pid} for pid in ps.product_retailer_ids]
        sections.append(section)
    return {"catalog_id": content.catalog_id, "sections": sections}


SAMPLE = interactive_sample({
    "type": "product_list",
    "header": {"type": "text", "text": "Rain gear picks"},
    "body": {"text": "Here are our best sellers for the rainy season."},
    "footer": {"text": "Tap a product for details"},
    "action": {"catalog_id": SAMPLE_CATALOG_ID, "sections": [
        {"title": "Jackets", "product_items": [
            {"product_retailer_id": "JKT-RAIN-M-NAVY"},
            {"product_retailer_id": "JKT-RAIN-L-OLIVE"},
        ]},
        {"title": "Boots", "product_items": [{"product_retailer_id": "BOOT-WELLY-41"}]},
    ]},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.PRODUCT_LIST,
    model=MultiProduct,
    read=read,
    write=write,
    check=check_multi_product,
    parts=PartsPolicy("multi-product messages", TEXT_HEADER, header_required=True),
    limits=(
        limits.PRODUCT_SECTIONS,
        limits.PRODUCT_ITEMS_TOTAL,
        limits.PRODUCT_SECTION_ITEMS,
        limits.PRODUCT_SECTION_TITLE,
    ),
    sample=SAMPLE,
    replies=Absent("a tap opens the product list in WhatsApp; the order webhook is not built yet"),
)
