"""A catalog's products as the Graph API lists them (``GET /{catalog-id}/products``).

Immutable, like the template library: a refresh gives a new ``Catalog``. A catalog that could
not be read (the token lacks catalog_management) is an empty one with a ``note`` saying why, so
the preview falls back to the SKU and says so instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

__all__ = ["Catalog", "Product", "display_price"]

_PLAIN_AMOUNT = re.compile(r"^\d+([.,]\d+)?$")


def display_price(price: str, currency: str) -> str:
    """The price as the customer sees it. Graph gives ``price`` already formatted with its
    currency ("€89.00"); a bare amount ("89.00") gets the ISO code after it."""
    price, currency = price.strip(), currency.strip()
    if price and currency and _PLAIN_AMOUNT.match(price):
        return f"{price} {currency}"
    return price


@dataclass(frozen=True, slots=True)
class Product:
    """One catalog item: ``retailer_id`` is the SKU a message's ``product_retailer_id`` names."""

    retailer_id: str
    name: str
    price: str = ""
    currency: str = ""
    image_url: str = ""
    description: str = ""
    availability: str = ""

    @property
    def shown_price(self) -> str:
        return display_price(self.price, self.currency)

    @classmethod
    def from_graph(cls, item: object) -> Product | None:
        """A ``data[]`` item; None when it has no retailer id (nothing can name it)."""
        if not isinstance(item, dict):
            return None
        rid = _text(item, "retailer_id")
        if not rid:
            return None
        return cls(
            rid, _text(item, "name"), _text(item, "price"), _text(item, "currency"),
            _text(item, "image_url"), _text(item, "description"), _text(item, "availability"),
        )  # fmt: skip

    def to_graph(self) -> dict[str, str]:
        return {
            "retailer_id": self.retailer_id, "name": self.name, "price": self.price,
            "currency": self.currency, "image_url": self.image_url,
            "description": self.description, "availability": self.availability,
        }  # fmt: skip


@dataclass(frozen=True, slots=True)
class Catalog:
    """``products`` in the order Graph listed them; ``note``: why there are none (a refusal)."""

    catalog_id: str = ""
    products: tuple[Product, ...] = ()
    fetched_at: datetime | None = None
    note: str = ""

    @classmethod
    def from_graph(
        cls, catalog_id: str, items: Iterable[object], fetched_at: datetime | None
    ) -> Catalog:
        found: dict[str, Product] = {}
        for item in items:
            product = Product.from_graph(item)
            if product is not None and product.retailer_id not in found:
                found[product.retailer_id] = product
        return cls(catalog_id, tuple(found.values()), fetched_at)

    def __iter__(self) -> Iterator[Product]:
        return iter(self.products)

    def __len__(self) -> int:
        return len(self.products)

    def get(self, retailer_id: str) -> Product | None:
        return next((p for p in self.products if p.retailer_id == retailer_id), None)

    def search(self, text: str = "") -> tuple[Product, ...]:
        """Products whose name or SKU contains ``text`` (case-blind, every word)."""
        words = text.lower().split()
        return tuple(
            p
            for p in self.products
            if all(w in p.name.lower() or w in p.retailer_id.lower() for w in words)
        )

    def to_json(self) -> dict[str, Any]:
        when = None if self.fetched_at is None else self.fetched_at.isoformat()
        items = [p.to_graph() for p in self.products]
        return {"catalog_id": self.catalog_id, "fetched_at": when, "data": items}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalog:
        when = data.get("fetched_at")
        fetched = datetime.fromisoformat(when) if isinstance(when, str) else None
        return cls.from_graph(str(data.get("catalog_id") or ""), data.get("data") or (), fetched)


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""
