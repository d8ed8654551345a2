"""The account's product catalog: the products a product message names, with the name, price and
picture the preview draws and the editors' picker searches (docs/spec/catalog.md)."""

from __future__ import annotations

from composer.catalog.products import Catalog, Product, display_price

__all__ = ["Catalog", "Product", "display_price"]
