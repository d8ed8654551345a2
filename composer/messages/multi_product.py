"""Multi-product message (``interactive.type: product_list``): sections of catalog items."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind, Model


class ProductSection(Model):
    title: str | None = None
    product_retailer_ids: tuple[str, ...] = ()


class MultiProduct(Interactive):
    kind: ClassVar[MessageKind] = MessageKind.PRODUCT_LIST

    catalog_id: str = ""
    sections: tuple[ProductSection, ...] = ()
