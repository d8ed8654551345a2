"""The sandbox's demo catalog: a dozen products with names, prices and pictures it ships
(``data/catalog.json``, ``data/products/*.png``), served as the Graph API serves a catalog.

* ``GET /{v}/{waba-id}/product_catalogs``: the one catalog connected to the demo account.
* ``GET /{v}/{catalog-id}/products``: its products, page by page (``fields``, ``limit``,
  ``after``); ``image_url`` is a ``file://`` link to the shipped picture (offline, in-process).

``DemoCatalog(readable=False)`` answers both with Graph's permission error (code 200), as for
a token without catalog_management, so the app's fallback can be tried. Facts and sources:
docs/spec/catalog.md.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from composer.catalog import Catalog
from composer.demo_contacts import SANDBOX_WABA_ID
from composer.sandbox.meta_errors import graph_error
from composer.sandbox.paging import graph_page
from composer.sandbox.wire import SandboxRequest, SandboxResponse, reply_for

__all__ = ["DEFAULT_PAGE_SIZE", "REFUSED_MESSAGE", "DemoCatalog", "demo_catalog_data"]

DEFAULT_PAGE_SIZE: Final = 25
REFUSED_MESSAGE: Final = (
    "(#200) The sandbox was started without catalog access: the token lacks the "
    "catalog_management permission"
)


@cache
def _data_text() -> str:
    return resources.files("composer.sandbox").joinpath("data/catalog.json").read_text("utf-8")


def demo_catalog_data() -> dict[str, Any]:
    """A fresh copy of ``data/catalog.json`` (``catalog`` and ``products``)."""
    data: dict[str, Any] = json.loads(_data_text())
    return data


def _image_url(name: str) -> str:
    folder = Path(str(resources.files("composer.sandbox") / "data" / "products"))
    return (folder / name).as_uri()


class DemoCatalog:
    """The demo catalog as Graph records; immutable, so no lock is needed."""

    def __init__(self, *, readable: bool = True) -> None:
        data = demo_catalog_data()
        self.catalog_id = str(data["catalog"]["id"])
        self.name = str(data["catalog"]["name"])
        self.readable = readable
        self._records = [
            {k: v for k, v in p.items() if k != "image"} | {"image_url": _image_url(p["image"])}
            for p in data["products"]
        ]

    def records(self) -> list[dict[str, Any]]:
        return [dict(r) for r in self._records]

    def catalog(self) -> Catalog:
        """The demo catalog as the app reads it (what the gallery and tests draw with)."""
        return Catalog.from_graph(self.catalog_id, self.records(), None)

    def serves(self, parts: list[str]) -> bool:
        """Whether a GET of these path segments is one of the catalog's edges."""
        return parts in ([SANDBOX_WABA_ID, "product_catalogs"], [self.catalog_id, "products"])

    def answer(self, parts: list[str], request: SandboxRequest) -> SandboxResponse:
        if not self.readable:
            return reply_for(graph_error(200, None, status=403, message=REFUSED_MESSAGE))
        host = request.headers.get("host", "localhost")
        if parts[1] == "product_catalogs":
            catalogs = [{"id": self.catalog_id, "name": self.name}]
            status, body = graph_page(catalogs, request.query, host, request.path, 25)
        else:
            status, body = graph_page(
                self._records, request.query, host, request.path, DEFAULT_PAGE_SIZE
            )
        return SandboxResponse(status, body)
