"""The per-account catalog cache: ``<data dir>/catalogs/<profile>.json`` (``sandbox.json`` for
the built-in sandbox), the products with the time they were read.

Written atomically; a file that cannot be read as a cache is kept aside as
``<name>.corrupt-<UTC time>`` (never overwritten) and the caller is told, then re-fetches: the
same rules as the template cache (``composer.templates.cache``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Final

from composer.catalog.products import Catalog
from composer.clock import utc_now
from composer.storage import paths
from composer.storage.atomic_file import atomic_write_json, keep_aside

__all__ = ["CACHE_DIR", "CachedCatalog", "cache_path", "read_cache", "write_cache"]

CACHE_DIR: Final = "catalogs"
_FORMAT: Final = 1


def cache_path(key: str, directory: Path | None = None) -> Path:
    """The cache file of account ``key`` (a profile name, or ``sandbox``)."""
    folder = directory if directory is not None else paths.data_dir() / CACHE_DIR
    return folder / f"{key}.json"


@dataclass(frozen=True, slots=True)
class CachedCatalog:
    """What reading a cache gave: the catalog (None: no usable cache) and, when the file was
    damaged, where it was kept aside."""

    catalog: Catalog | None
    set_aside: Path | None = None

    def notice(self) -> str | None:
        if self.set_aside is None:
            return None
        return (
            f"The catalog cache was damaged and could not be read. It was kept as "
            f"{self.set_aside}; the products are read again from the account."
        )


def read_cache(path: Path, clock: Callable[[], datetime] = utc_now) -> CachedCatalog:
    """The cached catalog at ``path``; a missing file is no cache, a damaged one is set aside."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return CachedCatalog(None)
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != _FORMAT:
            raise ValueError("not a catalog cache")
        if not isinstance(data.get("data"), list) or not isinstance(data.get("catalog_id"), str):
            raise ValueError("a catalog cache needs 'catalog_id' and 'data'")
        return CachedCatalog(Catalog.from_json(data))
    except (ValueError, TypeError, RecursionError):
        return CachedCatalog(None, keep_aside(path, clock()))


def write_cache(path: Path, catalog: Catalog) -> None:
    """Replace the cache atomically (mode 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write_json(path, {"format": _FORMAT, **catalog.to_json()})
