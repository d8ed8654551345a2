"""Catalog rules: single product (both ids), multi-product (text header, 1-10 sections, at least
one product per section, 30 products IN TOTAL) and the catalog message's thumbnail."""

from __future__ import annotations

from composer import limits
from composer.messages import CatalogMessage, MultiProduct, SingleProduct
from composer.rules.base import Out

__all__ = ["check_catalog", "check_multi_product", "check_single_product"]

_ACTION = "interactive.action"


def check_single_product(content: SingleProduct, out: Out) -> None:
    for field, value in (
        ("catalog_id", content.catalog_id),
        ("product_retailer_id", content.product_retailer_id),
    ):
        if not value.strip():
            out.error(
                "product.fields",
                f"{_ACTION}.{field}",
                f"A single-product message needs {field}; it is missing or empty.",
            )


def check_multi_product(content: MultiProduct, out: Out) -> None:
    if not content.catalog_id.strip():
        out.error(
            "product_list.catalog_id",
            _ACTION + ".catalog_id",
            "A multi-product message needs catalog_id; it is missing or empty.",
        )
    sections = content.sections
    out.count(len(sections), limits.PRODUCT_SECTIONS, _ACTION + ".sections", "The message")
    several = len(sections) > 1
    total = 0
    for s, section in enumerate(sections):
        spath = f"{_ACTION}.sections[{s}]"
        ids = section.product_retailer_ids
        total += len(ids)
        if not ids:
            out.count(0, limits.PRODUCT_SECTION_ITEMS, spath + ".product_items", f"Section {s + 1}")
        if section.title:
            out.length(section.title, limits.PRODUCT_SECTION_TITLE, spath + ".title")
        elif several:
            out.error(
                "product_list.section_title_required",
                spath + ".title",
                "Every section needs a title when the message has more than one section.",
            )
        for p, pid in enumerate(ids):
            if not pid.strip():
                out.error(
                    "product_list.item_id",
                    f"{spath}.product_items[{p}].product_retailer_id",
                    f"Product {p + 1} of section {s + 1} has no product_retailer_id.",
                )
    if total > limits.PRODUCT_ITEMS_TOTAL.maximum:
        out.count(
            total,
            limits.PRODUCT_ITEMS_TOTAL,
            _ACTION + ".sections",
            "The message (all sections together)",
        )


def check_catalog(content: CatalogMessage, out: Out) -> None:
    if content.action_name != "catalog_message":
        out.error(
            "catalog.action_name",
            _ACTION + ".name",
            f'The action name is "{content.action_name}"; it must be "catalog_message".',
        )
    thumb = content.thumbnail_product_retailer_id
    if thumb is None or not thumb.strip():
        out.warn(
            "catalog.thumbnail",
            _ACTION + ".parameters.thumbnail_product_retailer_id",
            "No thumbnail product is set; WhatsApp may pick the first item or reject the "
            "message. Set thumbnail_product_retailer_id.",
        )
