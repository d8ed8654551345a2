"""The account's product catalog for the window, through the same route as a send and with the
same cache pattern as the template library (``composer.sending.templates.load_library``).

``load_catalog`` reads the per-account cache (``composer.catalog.cache``) unless asked to
refresh or none is usable, then reads the catalog connected to the WABA
(``GET /{waba-id}/product_catalogs``) and every page of its products. Both need the token's
catalog_management permission: when Graph refuses it, the answer is an empty catalog whose
``note`` says so (not cached), and the preview falls back to the SKU. It blocks (call it off the
UI thread) and raises only ``GraphError`` otherwise. Facts: docs/spec/catalog.md.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from composer.sending.route import SendDeps
from composer.sending.templates import library_key

if TYPE_CHECKING:
    from pathlib import Path

    from composer.accounts import Profile
    from composer.catalog import Catalog

__all__ = ["NO_CATALOG_NOTE", "REFUSED_NOTE", "fetch_catalog", "load_catalog"]

REFUSED_NOTE: Final = (
    "The account refused to list its catalog (the token lacks the catalog_management "
    "permission), so products show their SKU only. Grant catalog_management to the token to "
    "see their names, prices and pictures."
)
NO_CATALOG_NOTE: Final = (
    "No catalog is connected to this WhatsApp Business Account, so products show their SKU "
    "only (WhatsApp Manager > Catalog connects one)."
)


def load_catalog(
    profile: Profile | None,
    deps: SendDeps,
    *,
    refresh: bool = False,
    on_notice: Callable[[str], None] | None = None,
) -> Catalog:
    """The catalog of ``profile`` (None: the sandbox's demo catalog): the cache first unless
    ``refresh``; otherwise (or with no usable cache) fetched and cached. ``on_notice`` hears
    that a damaged cache was kept aside, or that the new one could not be written."""
    from composer.catalog.cache import cache_path, read_cache, write_cache
    from composer.catalog.products import Catalog
    from composer.graph.errors import GraphPermissionError
    from composer.sending.cached import through_cache

    def read(path: Path) -> tuple[Catalog | None, str | None]:
        cached = read_cache(path, deps.clock)
        return cached.catalog, cached.notice()

    def fetch() -> Catalog:
        try:
            return fetch_catalog(profile, deps)
        except GraphPermissionError:
            return Catalog(note=REFUSED_NOTE)

    path = cache_path(library_key(profile))
    return through_cache(
        path, read, write_cache, fetch, what="catalog", refresh=refresh, on_notice=on_notice,
        keep=lambda catalog: not catalog.note,  # a refusal is never cached: a grant works next
    )  # fmt: skip


def fetch_catalog(profile: Profile | None, deps: SendDeps) -> Catalog:
    """The WABA's connected catalog with every product, as the Graph API lists them."""
    from composer.catalog.products import Catalog
    from composer.sending.waba import waba_client

    with waba_client(profile, deps, "catalogs") as (client, waba_id):
        catalogs = client.list_product_catalogs(waba_id)
        ids = [str(c["id"]) for c in catalogs if isinstance(c.get("id"), str | int)]
        if not ids:
            return Catalog(note=NO_CATALOG_NOTE)
        items = client.list_catalog_products(ids[0])  # one catalog per WABA (docs/spec)
    return Catalog.from_graph(ids[0], items, deps.clock())
