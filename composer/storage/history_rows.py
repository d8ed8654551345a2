"""The send history as a list over the whole store: pages, searches, filters, one row at a time.

A mixin of ``Store`` (one file, one connection, one lock). Pages use keyset pagination
(``id < last id seen``, newest first), so page 100 costs what page 1 does; rows carry the
summary stored at record time (``kind``, ``body``) and never the payload, so listing, searching
and filtering parse no JSON but the small status columns. Search and status filter are SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Final

from composer.phone import is_phone_like, normalize
from composer.storage.records import HistoryRow, like_pattern, send_life
from composer.storage.summary import payload_kind, payload_text

__all__ = ["PAGE_ROWS", "STATUS_FILTERS", "HistoryQuery", "HistoryRows", "backfill_summaries"]

PAGE_ROWS: Final = 100

# A filter per tick mark (``ui.panels.ticks.lifecycle``): how each reads in SQL.
STATUS_FILTERS: Final[Mapping[str, str]] = {
    "accepted": "outcome = 'accepted' AND status = 'accepted'",
    "sent": "outcome = 'accepted' AND status = 'sent'",
    "delivered": "outcome = 'accepted' AND status = 'delivered'",
    "read": "outcome = 'accepted' AND status IN ('read', 'played')",
    "failed": "outcome != 'unknown' AND status = 'failed'",
    "unknown": "outcome = 'unknown'",
}
_COLUMNS: Final = (
    "id, at, recipient, kind, body, outcome, wamid, status, status_at, status_times, error"
)


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """Which sends to list: ``text`` found in the number, the wamid or the message text
    (ASCII letters case-insensitively: SQLite's LIKE), ``status`` a key of ``STATUS_FILTERS``."""

    text: str = ""
    status: str | None = None

    def __post_init__(self) -> None:
        if self.status is not None and self.status not in STATUS_FILTERS:
            raise ValueError(f"status filter must be one of {', '.join(STATUS_FILTERS)}")

    def where(self) -> tuple[str, tuple[object, ...]]:
        """The SQL condition (``1`` for everything) and its arguments."""
        parts: list[str] = []
        args: list[object] = []
        if self.status is not None:
            parts.append(f"({STATUS_FILTERS[self.status]})")
        text = self.text.strip()
        if text:
            found = ["body LIKE ? ESCAPE '\\'", "wamid LIKE ? ESCAPE '\\'"]
            args += [like_pattern(text), like_pattern(text)]
            if is_phone_like(text):
                found.append("recipient LIKE ? ESCAPE '\\'")
                args.append(like_pattern(normalize(text)))
            parts.append(f"({' OR '.join(found)})")
        return (" AND ".join(parts) or "1"), tuple(args)


def _row(row: sqlite3.Row) -> HistoryRow:
    return HistoryRow(**send_life(row), kind=row["kind"] or "?", text=row["body"] or "")


class HistoryRows:
    """``Store``'s list queries; ``Store`` supplies ``_read``."""

    def _write(self) -> AbstractContextManager[sqlite3.Connection]:
        raise NotImplementedError

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        raise NotImplementedError

    def history_page(
        self, query: HistoryQuery = HistoryQuery(), *, before: int | None = None,
        limit: int = PAGE_ROWS,
    ) -> list[HistoryRow]:  # fmt: skip
        """Up to ``limit`` matching sends older than id ``before`` (None: the newest), newest
        first."""
        where, args = query.where()
        if before is not None:
            where, args = f"{where} AND id < ?", (*args, before)
        sql = f"SELECT {_COLUMNS} FROM history WHERE {where} ORDER BY id DESC LIMIT ?"
        return [_row(r) for r in self._read(sql, (*args, limit))]

    def history_newer(self, query: HistoryQuery, after: int) -> list[HistoryRow]:
        """Matching sends recorded after id ``after``, newest first (a new send: one row)."""
        where, args = query.where()
        sql = f"SELECT {_COLUMNS} FROM history WHERE {where} AND id > ? ORDER BY id DESC"
        return [_row(r) for r in self._read(sql, (*args, after))]

    def history_row(self, record_id: int) -> HistoryRow | None:
        """One send, read again (after a status webhook moved it)."""
        rows = self._read(f"SELECT {_COLUMNS} FROM history WHERE id = ?", (record_id,))
        return _row(rows[0]) if rows else None

    def history_count(self, query: HistoryQuery = HistoryQuery()) -> int:
        where, args = query.where()
        return int(self._read(f"SELECT COUNT(*) FROM history WHERE {where}", args)[0][0])

    def history_payload(self, record_id: int) -> dict[str, Any] | None:
        """The payload of one send (to open it in the editor or send it again)."""
        rows = self._read("SELECT payload FROM history WHERE id = ?", (record_id,))
        if not rows:
            return None
        payload = json.loads(rows[0][0])
        return payload if isinstance(payload, dict) else None


def backfill_summaries(conn: sqlite3.Connection) -> None:
    """Fill ``kind`` and ``body`` of rows recorded before they existed (run once, on migration)."""
    rows = conn.execute("SELECT id, payload FROM history WHERE kind IS NULL").fetchall()
    updates = []
    for record_id, raw in rows:
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        updates.append((payload_kind(payload), payload_text(payload), record_id))
    conn.executemany("UPDATE history SET kind = ?, body = ? WHERE id = ?", updates)
