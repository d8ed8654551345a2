"""The per-account template cache: ``<data dir>/templates/<profile>.json`` (``sandbox.json``
for the built-in sandbox), Meta's records with the time they were read.

Written atomically; a file that cannot be read as a cache is kept aside as
``<name>.corrupt-<UTC time>`` (never overwritten) and the caller is told, then re-fetches.
``TemplateCaches`` makes the cached libraries follow the template webhooks (a template paused
or disabled, its quality or category changed) so that a send is checked against the news
without a refresh.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from composer.clock import utc_now
from composer.demo_contacts import SANDBOX_WABA_ID
from composer.storage import paths
from composer.storage.atomic_file import atomic_write_json, keep_aside
from composer.templates.library import TemplateLibrary

__all__ = [
    "CACHE_DIR",
    "SANDBOX_KEY",
    "CachedLibrary",
    "TemplateCaches",
    "cache_path",
    "read_cache",
    "write_cache",
]

CACHE_DIR: Final = "templates"
SANDBOX_KEY: Final = "sandbox"
_FORMAT: Final = 1


def cache_path(key: str, directory: Path | None = None) -> Path:
    """The cache file of account ``key`` (a profile name, or ``sandbox``)."""
    folder = directory if directory is not None else paths.data_dir() / CACHE_DIR
    return folder / f"{key}.json"


@dataclass(frozen=True, slots=True)
class CachedLibrary:
    """What reading a cache gave: the library (None: no usable cache) and, when the file was
    damaged, where it was kept aside."""

    library: TemplateLibrary | None
    set_aside: Path | None = None

    def notice(self) -> str | None:
        if self.set_aside is None:
            return None
        return (
            f"The template cache was damaged and could not be read. It was kept as "
            f"{self.set_aside}; the templates are read again from the account."
        )


def read_cache(path: Path, clock: Callable[[], datetime] = utc_now) -> CachedLibrary:
    """The cached library at ``path``; a missing file is no cache, a damaged one is set aside."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return CachedLibrary(None)
    try:
        return CachedLibrary(_parse(raw))
    except (ValueError, TypeError, RecursionError):
        return CachedLibrary(None, keep_aside(path, clock()))


def _parse(raw: bytes) -> TemplateLibrary:
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        raise ValueError("not a template cache")
    if not isinstance(data.get("data"), list) or not isinstance(data.get("fetched_at"), str):
        raise ValueError("a template cache needs 'data' and 'fetched_at'")
    return TemplateLibrary.from_json(data)


def write_cache(path: Path, library: TemplateLibrary) -> None:
    """Replace the cache atomically (mode 0600)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    atomic_write_json(path, {"format": _FORMAT, **library.to_json()})


def _profiles_for(waba_id: str) -> list[str]:
    """The cache keys of an account: the sandbox's, or every profile with that WABA id."""
    keys = [SANDBOX_KEY] if waba_id == SANDBOX_WABA_ID else []
    from composer.accounts import ProfileError, ProfileStore

    with contextlib.suppress(ProfileError):
        keys += [p.name for p in ProfileStore().list() if p.waba_id == waba_id]
    return keys


class TemplateCaches:
    """The cache files a template webhook updates (``directory`` None: the data dir's)."""

    def __init__(
        self,
        directory: Path | None = None,
        accounts: Callable[[str], Sequence[str]] = _profiles_for,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self._directory = directory
        self._accounts = accounts
        self._clock = clock

    def path(self, key: str) -> Path:
        return cache_path(key, self._directory)

    def apply(self, waba_id: str, name: str, language: str | None, **change: Any) -> int:
        """Apply a status/quality/category change (``TemplateLibrary.updated``'s keywords) to
        every cache of the account that knows the template; returns the files rewritten.
        Webhooks write the language ``en-US``; the library ``en_US``."""
        lang = language.replace("-", "_") if language else None
        written = 0
        for key in self._accounts(waba_id):
            path = self.path(key)
            cached = read_cache(path, self._clock).library
            if cached is None or not any(d.name == name for d in cached):
                continue
            updated = cached.updated(name, lang, **change)
            if updated != cached:
                write_cache(path, updated)
                written += 1
        return written
