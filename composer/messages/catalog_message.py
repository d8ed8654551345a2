"""Catalog message (``interactive.type: catalog_message``): opens the business's catalog."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind


class CatalogMessage(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.CATALOG

    thumbnail_product_retailer_id: str | None = None
    action_name: str = "catalog_message"
