"""What the history database holds: its schema (with migrations), its records and the
conversions between Python values and the stored text. ``composer.storage.history`` does the I/O.

Times are stored as fixed-width ISO 8601 UTC text so that text order is time order; recipients
by their key (``composer.user_ids.recipient_key``): a phone number in its wa_id form (digits
only), a business-scoped user id as written.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any, Final, Protocol

import msgspec

from composer.user_ids import bsuid_problem, is_bsuid, looks_like_bsuid, recipient_key

OUTCOMES: Final = ("accepted", "failed", "unknown")
INBOUND_SOURCES: Final = ("webhook", "manual", "pasted", "sandbox")
# Delivery lifecycle order. A status may only move forward; "failed" may come at any time
# (a 131047 arrives after a 200) and is final. "read" may arrive without "delivered".
STATUS_RANK: Final = {"accepted": 0, "sent": 1, "delivered": 2, "read": 3, "played": 4}
STATUSES: Final = ("sent", "delivered", "read", "played", "failed")

# Each entry migrates the schema from version i to i + 1 (PRAGMA user_version).
MIGRATIONS: Final[tuple[str, ...]] = (
    """
    CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        profile TEXT NOT NULL,
        recipient TEXT NOT NULL,
        payload TEXT NOT NULL,
        outcome TEXT NOT NULL,
        wamid TEXT,
        status TEXT NOT NULL,
        status_at TEXT,
        status_times TEXT NOT NULL DEFAULT '{}',
        error TEXT
    );
    CREATE INDEX history_wamid ON history (wamid);
    CREATE INDEX history_recipient ON history (recipient);
    CREATE TABLE inbound (
        recipient TEXT PRIMARY KEY,
        at TEXT,
        source TEXT,
        closed_at TEXT,
        closed_source TEXT
    );
    CREATE TABLE events (
        key TEXT PRIMARY KEY,
        seen_at TEXT NOT NULL
    );
    """,
    # Statuses whose send is not recorded yet: a webhook may overtake the HTTP response that
    # carries the wamid. They wait here and are applied when the send is recorded.
    """
    CREATE TABLE early_statuses (
        wamid TEXT NOT NULL,
        status TEXT NOT NULL,
        at TEXT NOT NULL,
        error TEXT,
        received_at TEXT NOT NULL,
        PRIMARY KEY (wamid, status)
    );
    """,
    # Marketing stop/resume per customer (``user_preferences`` webhooks): the newest one wins.
    """
    CREATE TABLE marketing (
        recipient TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        at TEXT NOT NULL,
        detail TEXT,
        name TEXT,
        source TEXT NOT NULL
    );
    """,
    # Business-scoped user id <-> phone number, from webhooks that carry both: a window or a
    # preference recorded under one is found under the other (composer.storage.identities).
    """
    CREATE TABLE user_ids (
        user_id TEXT PRIMARY KEY,
        wa_id TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE INDEX user_ids_wa_id ON user_ids (wa_id);
    """,
    # What the history list shows and searches, kept beside the payload so that the list never
    # parses payloads (``composer.storage.summary``; older rows are filled in on migration), and
    # an index for the status filter.
    """
    ALTER TABLE history ADD COLUMN kind TEXT;
    ALTER TABLE history ADD COLUMN body TEXT;
    CREATE INDEX history_status ON history (status);
    """,
)
SUMMARY_SCHEMA: Final = 5
"""The schema version that brought ``kind`` and ``body``: migrating past it fills them in."""
SCHEMA_VERSION: Final = len(MIGRATIONS)
# How long a status for an unknown wamid is kept waiting for its send (then it belongs to
# a message some other tool sent on the same number, and is dropped).
EARLY_STATUS_KEEP_SECONDS: Final = 3600


class StoreError(Exception):
    """The database cannot be used (newer schema, unreadable file); the message says why."""


class SendLife(msgspec.Struct, frozen=True):
    """What every view of a send has: when, to whom, and its life so far (``ticks.lifecycle``)."""

    id: int
    at: datetime
    recipient: str
    outcome: str
    wamid: str | None
    status: str
    error: dict[str, Any] | None
    status_at: datetime | None = None
    status_times: dict[str, datetime] = msgspec.field(default_factory=dict)


class SendRecord(SendLife, frozen=True, kw_only=True):
    """One send attempt with its payload, as it was recorded."""

    profile: str
    payload: dict[str, Any]


class HistoryRow(SendLife, frozen=True, kw_only=True):
    """One send as the history list shows it: no payload (``Store.history_payload(id)`` reads
    it), the kind and text summary stored at record time instead."""

    kind: str
    text: str


class Columns(Protocol):
    """A stored row by column name: ``sqlite3.Row``, or a dict."""

    def __getitem__(self, key: str) -> Any: ...


def send_life(row: Columns) -> dict[str, Any]:
    """The ``SendLife`` fields of a stored history row."""
    at = dt(row["at"])
    assert at is not None
    times = json.loads(row["status_times"])
    return {
        "id": int(row["id"]), "at": at, "recipient": row["recipient"],
        "outcome": row["outcome"], "wamid": row["wamid"], "status": row["status"],
        "error": json.loads(row["error"]) if row["error"] else None,
        "status_at": dt(row["status_at"]),
        "status_times": {k: datetime.fromisoformat(v) for k, v in times.items()},
    }  # fmt: skip


def like_pattern(text: str) -> str:
    """A LIKE pattern (with ``ESCAPE '\\'``) that finds ``text`` anywhere, ``%`` and ``_``
    included as themselves."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class InboundRecord(msgspec.Struct, frozen=True):
    """When the customer last wrote, where we learnt it, and any later 131047 closing mark.

    ``closed_at`` is set when the API said the window is closed (a 131047) after ``at``; a newer
    inbound message clears it, because the customer writing reopens the window.
    """

    recipient: str
    at: datetime
    source: str
    closed_at: datetime | None = None
    closed_source: str | None = None


MARKETING_VALUES: Final = ("stop", "resume")


class MarketingPreference(msgspec.Struct, frozen=True):
    """The customer's last word on marketing messages: ``stop`` or ``resume``, and when."""

    recipient: str
    value: str
    at: datetime
    detail: str | None = None
    name: str | None = None
    source: str = "webhook"

    @property
    def stopped(self) -> bool:
        return self.value == "stop"


def normalize_recipient(number: str) -> str:
    """The stored key of a recipient; ValueError for text that is neither a number nor a BSUID."""
    key = recipient_key(number)
    if looks_like_bsuid(key) and not is_bsuid(key):
        raise ValueError(f"recipient {number[:40]!r}: {bsuid_problem(key)}")
    if not key:
        raise ValueError(
            f"recipient {number!r} has no digits: expected a phone number or a business-scoped "
            "user id"
        )
    return key


def ts(at: datetime) -> str:
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("times must be timezone-aware (UTC)")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def dt(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def to_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
