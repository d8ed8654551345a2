"""Single-product message (``interactive.type: product``): one catalog item, no header."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind


class SingleProduct(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.PRODUCT

    catalog_id: str = ""
    product_retailer_id: str = ""
