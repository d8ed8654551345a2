"""Business-scoped user id <-> phone number links, kept in the history database (``user_ids``).

Since 2026 a webhook may name a customer by their phone number, their BSUID or both
(docs/spec/bsuid.md). A window recorded under one id must be found under the other, so every
webhook that carries both links them here, and the reads of windows, marketing preferences and
history ask for the customer's ids (``_aliases``) rather than the one key typed. A mixin of
``Store`` (one file, one connection, one lock), like ``composer.storage.preferences``.
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from datetime import datetime

from composer.clock import utc_now
from composer.storage.records import normalize_recipient, ts
from composer.user_ids import is_bsuid, recipient_key

__all__ = ["UserIdLinks"]


class UserIdLinks:
    """``Store``'s link methods; ``Store`` supplies ``_write`` and ``_read``."""

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def link_user_id(self, user_id: str, wa_id: str, at: datetime | None = None) -> bool:
        """Record that BSUID ``user_id`` is the customer with phone number ``wa_id``; True when
        new or changed. A BSUID belongs to one number (a new number gets a new BSUID)."""
        if not is_bsuid(user_id):
            raise ValueError(f"user_id {user_id[:40]!r} is not a business-scoped user id")
        number = normalize_recipient(wa_id)
        if is_bsuid(number):
            raise ValueError(f"wa_id {wa_id[:40]!r} is not a phone number")
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO user_ids (user_id, wa_id, at) VALUES (?, ?, ?) ON CONFLICT (user_id)"
                " DO UPDATE SET wa_id = excluded.wa_id, at = excluded.at"
                " WHERE user_ids.wa_id <> excluded.wa_id",
                (user_id.strip(), number, ts(at or utc_now())),
            )
            return cur.rowcount == 1

    def linked_ids(self, recipient: str) -> tuple[str, ...]:
        """Every key of this customer: ``recipient``'s own first, then its number or BSUIDs."""
        key = recipient_key(recipient)
        if not key:
            return ()
        if is_bsuid(key):
            rows = self._read("SELECT wa_id FROM user_ids WHERE user_id = ?", (key,))
            others = [str(r["wa_id"]) for r in rows]
        else:
            rows = self._read(
                "SELECT user_id FROM user_ids WHERE wa_id = ? ORDER BY at DESC", (key,)
            )
            others = [str(r["user_id"]) for r in rows]
        return (key, *(o for o in others if o != key))

    def _aliases(self, recipient: str) -> tuple[str, tuple[str, ...], str]:
        """(the SQL placeholders, the keys, the first key) for ``WHERE recipient IN (...)``."""
        keys = self.linked_ids(recipient)
        return ", ".join("?" * len(keys)), keys, keys[0] if keys else ""
