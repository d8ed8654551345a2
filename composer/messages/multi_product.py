"""Multi-product message (``interactive.type: product_list``): sections of catalog items."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind, Model


class ProductSection(Model, frozen=True, kw_only=True):
    title: str | None = None
    product_retailer_ids: tuple[str, ...] = ()


class MultiProduct(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.PRODUCT_LIST

    catalog_id: str = ""
    sections: tuple[ProductSection, ...] = ()
