"""Opening the history when its file is damaged: keep the damaged file, start a new one, say so.

Why: a corrupt ``composer.sqlite3`` made every send end with "the history could not be written"
and the window start with an empty history and no word. The damaged file (with its -wal/-shm
companions) is moved aside as ``composer.sqlite3.corrupt-<UTC time>`` in the same folder, never
deleted or overwritten, and the caller tells the user where it went. A file that is only busy
or unreadable (locked, permissions) is left alone: that ``StoreError`` goes to the caller.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from composer.clock import Clock, utc_now
from composer.storage import paths
from composer.storage.atomic_file import keep_aside
from composer.storage.history import DB_FILENAME, Store, StoreError


@dataclass(frozen=True)
class OpenedHistory:
    store: Store
    set_aside: Path | None = None
    """Where a damaged history was moved, when it was; else None."""

    def notice(self) -> str | None:
        """The sentence to show the user, or None when nothing happened."""
        if self.set_aside is None:
            return None
        return (
            f"The send history was damaged and could not be read. It was kept as "
            f"{self.set_aside} and a new, empty history was started."
        )


def _is_damaged(exc: StoreError) -> bool:
    cause = exc.__cause__
    # OperationalError (locked, read-only, cannot open) is a DatabaseError too: not damage.
    return isinstance(cause, sqlite3.DatabaseError) and not isinstance(
        cause, sqlite3.OperationalError
    )


def open_history(path: Path | None = None, clock: Clock = utc_now) -> OpenedHistory:
    """The history store at ``path``; a damaged file is set aside first (StoreError otherwise)."""
    target = path if path is not None else paths.data_dir() / DB_FILENAME
    try:
        return OpenedHistory(Store(target))
    except StoreError as exc:
        if not _is_damaged(exc):
            raise
    backup = keep_aside(target, clock(), companions=("-wal", "-shm"))
    return OpenedHistory(Store(target), backup)
