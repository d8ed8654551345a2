"""Send history, last-inbound times and webhook de-duplication in one SQLite file.

Why SQLite in WAL mode: the UI sends from worker threads, the webhook receiver writes from its
server thread and the CLI may write from another process, all at once. WAL lets readers and one
writer overlap, every change is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``), so a crash
(even SIGKILL) leaves either the whole change or none of it. ``synchronous=NORMAL`` keeps every
committed transaction across a process crash; only a power cut may lose the last few.

Inside one process a single connection is shared under a lock: SQLite serialises writers anyway
and one connection keeps ``close()`` simple. The access token is never stored: history keeps the
payload (the JSON body), which never contains it.

Recipients are keyed by their wa_id form (digits only, ``composer.phone.normalize``).
All times are timezone-aware UTC datetimes; they are stored as fixed-width ISO 8601 text so that
text order is time order.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Final

from composer.clock import utc_now
from composer.storage import paths
from composer.storage.history_rows import HistoryRows, backfill_summaries
from composer.storage.preferences import MarketingPreferences
from composer.storage.records import (
    EARLY_STATUS_KEEP_SECONDS,
    INBOUND_SOURCES,
    MIGRATIONS,
    OUTCOMES,
    SCHEMA_VERSION,
    STATUS_RANK,
    STATUSES,
    SUMMARY_SCHEMA,
    InboundRecord,
    SendRecord,
    StoreError,
    dt,
    normalize_recipient,
    send_life,
    to_json,
    ts,
)
from composer.storage.summary import payload_kind, payload_text

__all__ = ["DB_FILENAME", "SCHEMA_VERSION", "InboundRecord", "SendRecord", "Store", "StoreError"]

DB_FILENAME: Final = "composer.sqlite3"


class Store(HistoryRows, MarketingPreferences):
    """The app's local database. Safe to share between threads; ``close()`` when done.
    The history as a paged list: ``composer.storage.history_rows``; marketing preferences:
    ``composer.storage.preferences``; BSUID links: ``composer.storage.identities`` (reads by
    recipient take the customer's linked ids too)."""

    def __init__(self, path: Path | None = None, *, busy_timeout: float = 10.0) -> None:
        """``busy_timeout``: seconds to wait for another process's write before giving up."""
        self.path = path if path is not None else paths.data_dir() / DB_FILENAME
        self._lock = threading.RLock()
        try:
            # The history holds customer numbers and messages: owner-only, like the -wal and
            # -shm files SQLite creates with the database's own permissions.
            os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
            self._conn = sqlite3.connect(
                self.path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the history database {self.path}: {exc}") from exc
        try:
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=NORMAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except BaseException as exc:
            self._conn.close()
            if isinstance(exc, sqlite3.Error):
                raise self._error(exc) from exc
            raise

    # --- plumbing ----------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; the lock makes the shared connection safe across threads.

        SQLite failures (locked for too long, disk full, corrupt file) become ``StoreError``
        with the file named; the transaction is rolled back, so nothing half-done remains.
        """
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as exc:
                raise self._error(exc) from exc
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException as exc:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlite3.Error):
                    raise self._error(exc) from exc
                raise

    def _read(self, sql: str, args: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return list(self._conn.execute(sql, args).fetchall())
            except sqlite3.Error as exc:
                raise self._error(exc) from exc

    def _error(self, exc: sqlite3.Error) -> StoreError:
        return StoreError(f"the history database {self.path} cannot be used: {exc}")

    def _migrate(self) -> None:
        with self._write() as conn:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} was written by a newer WA Composer (schema {version}, "
                    f"this one knows {SCHEMA_VERSION}); update the app"
                )
            for step in range(version, SCHEMA_VERSION):
                for statement in MIGRATIONS[step].split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {step + 1}")
            if version < SUMMARY_SCHEMA <= SCHEMA_VERSION:
                backfill_summaries(conn)

    def schema_version(self) -> int:
        return int(self._read("PRAGMA user_version")[0][0])

    def journal_mode(self) -> str:
        return str(self._read("PRAGMA journal_mode")[0][0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- history -----------------------------------------------------------------------------
    def record_send(
        self,
        *,
        profile: str,
        recipient: str,
        payload: dict[str, Any],
        outcome: str,
        wamid: str | None,
        error: dict[str, Any] | None = None,
        at: datetime | None = None,
    ) -> int:
        """Record one send attempt; returns its history id. The lifecycle starts at ``outcome``."""
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}")
        when = ts(at or utc_now())
        with self._write() as conn:
            cur = conn.execute(
                "INSERT INTO history (at, profile, recipient, payload, outcome, wamid, status,"
                " status_at, error, kind, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    when,
                    profile,
                    normalize_recipient(recipient),
                    to_json(payload),
                    outcome,
                    wamid,
                    outcome,
                    when,
                    to_json(error) if error is not None else None,
                    payload_kind(payload),
                    payload_text(payload),
                ),
            )
            if wamid:
                self._apply_early_statuses(conn, wamid)
            return int(cur.lastrowid or 0)

    def _apply_early_statuses(self, conn: sqlite3.Connection, wamid: str) -> None:
        rows = conn.execute(
            "SELECT status, at, error FROM early_statuses WHERE wamid = ?", (wamid,)
        ).fetchall()
        # Webhook timestamps have one-second resolution: ties go in lifecycle order.
        rows.sort(key=lambda r: (str(r[1]), STATUS_RANK.get(str(r[0]), len(STATUS_RANK))))
        for status, at, error in rows:
            self._apply_status(
                conn, wamid, str(status), str(at), json.loads(error) if error else None
            )
        conn.execute("DELETE FROM early_statuses WHERE wamid = ?", (wamid,))

    def update_status(
        self, wamid: str, status: str, at: datetime, error: dict[str, Any] | None = None
    ) -> bool:
        """Apply a delivery status; True when the record changed.

        Statuses never move backwards (a late "sent" after "read" is ignored), except to
        "failed", which is final. A status for a wamid not in the history yet (the webhook
        overtook the send's response) is kept and applied by ``record_send``; it returns False.
        """
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
        with self._write() as conn:
            return self._apply_status(conn, wamid, status, ts(at), error)

    def _apply_status(
        self,
        conn: sqlite3.Connection,
        wamid: str,
        status: str,
        when: str,
        error: dict[str, Any] | None,
    ) -> bool:
        row = conn.execute(
            "SELECT id, status, status_times FROM history WHERE wamid = ? ORDER BY id DESC LIMIT 1",
            (wamid,),
        ).fetchone()
        if row is None:
            now = utc_now()
            conn.execute(
                "DELETE FROM early_statuses WHERE received_at < ?",
                (ts(now - timedelta(seconds=EARLY_STATUS_KEEP_SECONDS)),),
            )
            conn.execute(
                "INSERT OR REPLACE INTO early_statuses (wamid, status, at, error, received_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (wamid, status, when, to_json(error) if error else None, ts(now)),
            )
            return False
        record_id, current, times_json = int(row[0]), str(row[1]), str(row[2])
        if current == "failed" or current == status:
            return False
        if status != "failed" and (
            current not in STATUS_RANK or STATUS_RANK[status] <= STATUS_RANK[current]
        ):
            return False
        times = json.loads(times_json)
        times[status] = when
        conn.execute(
            "UPDATE history SET status = ?, status_at = ?, status_times = ?,"
            " error = COALESCE(?, error) WHERE id = ?",
            (status, when, to_json(times), to_json(error) if error else None, record_id),
        )
        return True

    def history(self, limit: int = 200, recipient: str | None = None) -> list[SendRecord]:
        """Newest first; only sends to ``recipient`` (its number or linked BSUIDs) when given."""
        if recipient is None:
            rows = self._read("SELECT * FROM history ORDER BY id DESC LIMIT ?", (limit,))
        else:
            marks, keys, _ = self._aliases(recipient)
            rows = self._read(
                f"SELECT * FROM history WHERE recipient IN ({marks}) ORDER BY id DESC LIMIT ?",
                (*keys, limit),
            )
        return [self._record(row) for row in rows]

    def find_by_wamid(self, wamid: str) -> SendRecord | None:
        rows = self._read(
            "SELECT * FROM history WHERE wamid = ? ORDER BY id DESC LIMIT 1", (wamid,)
        )
        return self._record(rows[0]) if rows else None

    @staticmethod
    def _record(row: sqlite3.Row) -> SendRecord:
        return SendRecord(
            **send_life(row), profile=row["profile"], payload=json.loads(row["payload"])
        )

    # --- the customer-service window ---------------------------------------------------------
    def set_last_inbound(self, recipient: str, at: datetime, source: str) -> None:
        """Record that the customer wrote at ``at``; an older time than the stored one is ignored.

        A newer inbound time clears a 131047 closing mark that was set before it.
        """
        if source not in INBOUND_SOURCES:
            raise ValueError(f"source must be one of {', '.join(INBOUND_SOURCES)}, not {source!r}")
        key, when = normalize_recipient(recipient), ts(at)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO inbound (recipient, at, source) VALUES (?, ?, ?) "
                "ON CONFLICT (recipient) DO UPDATE SET at = excluded.at, source = excluded.source,"
                " closed_at = CASE WHEN closed_at <= excluded.at THEN NULL ELSE closed_at END,"
                " closed_source = CASE WHEN closed_at <= excluded.at THEN NULL"
                " ELSE closed_source END "
                "WHERE inbound.at IS NULL OR inbound.at < excluded.at",
                (key, when, source),
            )

    def mark_window_closed(self, recipient: str, at: datetime, source: str) -> None:
        """The API answered 131047 at ``at``: the window is closed whatever the clock said."""
        key, when = normalize_recipient(recipient), ts(at)
        with self._write() as conn:
            conn.execute(
                "INSERT INTO inbound (recipient, closed_at, closed_source) VALUES (?, ?, ?) "
                "ON CONFLICT (recipient) DO UPDATE SET closed_at = excluded.closed_at,"
                " closed_source = excluded.closed_source "
                "WHERE (inbound.closed_at IS NULL OR inbound.closed_at < excluded.closed_at)"
                " AND (inbound.at IS NULL OR inbound.at < excluded.closed_at)",
                (key, when, source),
            )

    def last_inbound(self, recipient: str) -> InboundRecord | None:
        """The newest inbound time known for ``recipient`` (None when never recorded), under its
        number or a linked BSUID: the newest time wins, and a 131047 mark counts only when it is
        newer than that time (as ``set_last_inbound`` clears older marks).

        Reads take any text: a half-typed "+" has no window, it is not an error (writes refuse it).
        """
        marks, keys, first = self._aliases(recipient)
        if not keys:
            return None
        rows = self._read(f"SELECT * FROM inbound WHERE recipient IN ({marks})", keys)
        known = [r for r in rows if r["at"] is not None]
        if not known:
            return None
        row = max(known, key=lambda r: str(r["at"]))
        at = dt(row["at"])
        assert at is not None
        marks_after = [
            r for r in rows if r["closed_at"] is not None and str(r["closed_at"]) > ts(at)
        ]
        closing = max(marks_after, key=lambda r: str(r["closed_at"]), default=None)
        return InboundRecord(
            recipient=first,
            at=at,
            source=row["source"],
            closed_at=dt(closing["closed_at"]) if closing is not None else None,
            closed_source=closing["closed_source"] if closing is not None else None,
        )

    def window_closed_at(self, recipient: str) -> datetime | None:
        """When a 131047 last closed the window (even with no inbound time known), under the
        number or a linked BSUID, else None."""
        marks, keys, _ = self._aliases(recipient)
        if not keys:
            return None
        rows = self._read(
            f"SELECT MAX(closed_at) AS closed_at FROM inbound WHERE recipient IN ({marks})", keys
        )
        return dt(rows[0]["closed_at"]) if rows else None

    # --- webhook de-duplication --------------------------------------------------------------
    def remember_event(self, key: str, at: datetime | None = None) -> bool:
        """True the first time ``key`` is seen, False for a replay (Meta retries deliveries)."""
        with self._write() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO events (key, seen_at) VALUES (?, ?)",
                (key, ts(at or utc_now())),
            )
            return cur.rowcount == 1
