"""Cache first, then the account: the one pattern the template library and the catalog share.

The cached copy is used unless ``refresh`` or none is usable; a damaged cache has been kept aside
by ``read`` (its notice is passed on); a fresh copy is written back unless ``keep`` says not (a
refused catalog), and a cache that cannot be written is a notice, never an error.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

__all__ = ["through_cache"]


def through_cache(
    path: Path,
    read: Callable[[Path], tuple[T | None, str | None]],
    write: Callable[[Path, T], None],
    fetch: Callable[[], T],
    *,
    what: str,
    refresh: bool = False,
    on_notice: Callable[[str], None] | None = None,
    keep: Callable[[T], bool] = lambda _value: True,
) -> T:
    """The cached value at ``path`` (``read`` gives it and a notice), else ``fetch()`` stored."""
    if not refresh:
        cached, notice = read(path)
        if notice is not None and on_notice is not None:
            on_notice(notice)
        if cached is not None:
            return cached
    fresh = fetch()
    if keep(fresh):
        try:
            write(path, fresh)
        except OSError as exc:
            if on_notice is not None:
                on_notice(f"The {what} cache {path} could not be written ({exc.strerror or exc}).")
    return fresh
