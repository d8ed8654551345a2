"""The history as a list over the whole store: keyset pages, stored summaries, search, filters."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from composer.storage.history import Store
from composer.storage.history_rows import PAGE_ROWS, STATUS_FILTERS, HistoryQuery
from composer.storage.records import MIGRATIONS, SCHEMA_VERSION, SUMMARY_SCHEMA
from composer.storage.summary import payload_kind, payload_text

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def buttons(body: str, to: str = "+15550100001") -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp", "to": to, "type": "interactive",
        "interactive": {"type": "button", "body": {"text": body}, "action": {"buttons": []}},
    }  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "db.sqlite3") as s:
        yield s


def record(store: Store, n: int, **kw: Any) -> int:
    args: dict[str, Any] = {
        "profile": "sandbox", "recipient": "+15550100001", "payload": buttons(f"Message {n}"),
        "outcome": "accepted", "wamid": f"wamid.{n}", "at": T0 + timedelta(seconds=n),
    }  # fmt: skip
    return store.record_send(**(args | kw))


def test_pages_walk_the_whole_store_newest_first(store: Store) -> None:
    ids = [record(store, n) for n in range(2 * PAGE_ROWS + 50)]
    seen: list[int] = []
    before = None
    while True:
        page = store.history_page(before=before)
        if not page:
            break
        assert len(page) <= PAGE_ROWS
        seen += [r.id for r in page]
        before = page[-1].id
    assert seen == sorted(ids, reverse=True)  # every send, once, the oldest included


def test_a_row_carries_the_summary_stored_at_record_time(store: Store) -> None:
    record(store, 1, payload=buttons("  Is 14:00\n tomorrow fine?  "))
    row = store.history_page()[0]
    assert (row.kind, row.text) == ("button", "Is 14:00 tomorrow fine?")
    assert row.recipient == "15550100001" and row.wamid == "wamid.1"
    assert store.history_payload(row.id) == buttons("  Is 14:00\n tomorrow fine?  ")
    assert store.history_row(row.id) == row
    assert store.history_row(row.id + 1) is None and store.history_payload(row.id + 1) is None


@pytest.mark.parametrize(
    ("payload", "kind", "text"),
    [
        ({"type": "text", "text": {"body": "Hello\tthere"}}, "text", "Hello there"),
        ({"type": "reaction", "reaction": {"message_id": "m", "emoji": "👍"}}, "reaction", "👍"),
        (
            {"type": "template", "template": {"name": "reminder", "language": {"code": "en"}}},
            "template",
            "reminder (en)",
        ),
        (
            {"type": "interactive", "interactive": {"type": "product", "header": {"text": "H"}}},
            "product",
            "H",
        ),
        ({"type": "interactive", "interactive": "junk"}, "interactive", ""),
        ({}, "?", ""),
    ],
)
def test_summaries_of_each_shape(payload: dict[str, Any], kind: str, text: str) -> None:
    assert (payload_kind(payload), payload_text(payload)) == (kind, text)


def test_newer_rows_and_one_row_again(store: Store) -> None:
    first = record(store, 1)
    newest = store.history_page()[0].id
    assert store.history_newer(HistoryQuery(), newest) == []
    second, third = record(store, 2), record(store, 3)
    assert [r.id for r in store.history_newer(HistoryQuery(), newest)] == [third, second]
    store.update_status("wamid.1", "delivered", T0)
    again = store.history_row(first)
    assert again is not None and again.status == "delivered" and "delivered" in again.status_times


def test_search_finds_numbers_wamids_and_text(store: Store) -> None:
    record(store, 1, recipient="+15550100002", payload=buttons("Your table is ready"))
    record(store, 2, payload=buttons("100% off, under_score"))
    record(store, 3, wamid="wamid.HBgLMTY1MDU1NTAxMjMVAgARGBI")

    def found(text: str) -> list[str | None]:
        return [r.wamid for r in store.history_page(HistoryQuery(text))]

    assert found("0100002") == ["wamid.1"]  # part of the number
    assert found("+1 555-010-0002") == ["wamid.1"]  # as the list shows it
    assert found("HBgLMTY1") == ["wamid.HBgLMTY1MDU1NTAxMjMVAgARGBI"]
    assert found("TABLE") == ["wamid.1"]  # ASCII letters in any case
    assert found("100%") == ["wamid.2"] and found("r_s") == ["wamid.2"]  # literal % and _
    assert found("%") == ["wamid.2"] and found("_") == ["wamid.2"]
    assert found("nowhere") == []
    assert len(found("  ")) == 3  # blank: everything
    assert store.history_count(HistoryQuery("wamid.")) == 3


def test_status_filters_follow_the_tick_marks(store: Store) -> None:
    record(store, 1)  # accepted
    for n, step in ((2, "sent"), (3, "delivered"), (4, "read"), (5, "played"), (6, "failed")):
        record(store, n)
        store.update_status(f"wamid.{n}", step, T0)
    record(store, 7, outcome="failed", wamid=None, error={"code": 131026})
    record(store, 8, outcome="unknown", wamid=None)

    def numbers(status: str, text: str = "") -> list[int]:
        rows = store.history_page(HistoryQuery(text, status))
        return sorted(int(r.text.split()[-1]) for r in rows)

    assert numbers("accepted") == [1]
    assert numbers("sent") == [2]
    assert numbers("delivered") == [3]
    assert numbers("read") == [4, 5]
    assert numbers("failed") == [6, 7]
    assert numbers("unknown") == [8]
    assert numbers("read", "Message 5") == [5]  # search and filter together
    assert set(STATUS_FILTERS) == {"accepted", "sent", "delivered", "read", "failed", "unknown"}
    with pytest.raises(ValueError, match="status filter"):
        HistoryQuery(status="lost")


def test_the_status_filter_uses_an_index(store: Store) -> None:
    where, args = HistoryQuery(status="failed").where()
    plan = store._read(f"EXPLAIN QUERY PLAN SELECT id FROM history WHERE {where}", args)
    assert any("history_status" in str(row[3]) for row in plan), [tuple(r) for r in plan]


def test_an_older_database_gets_its_summaries_on_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[: SUMMARY_SCHEMA - 1]:
        conn.executescript(step)
    conn.execute(
        "INSERT INTO history (at, profile, recipient, payload, outcome, wamid, status)"
        " VALUES (?, 'sandbox', '15550100001', ?, 'accepted', 'wamid.old', 'accepted')",
        (T0.isoformat(timespec="microseconds"), '{"type":"text","text":{"body":"Old one"}}'),
    )
    conn.execute(
        "INSERT INTO history (at, profile, recipient, payload, outcome, wamid, status)"
        " VALUES (?, 'sandbox', '15550100001', 'not json', 'accepted', 'wamid.bad', 'accepted')",
        (T0.isoformat(timespec="microseconds"),),
    )
    conn.execute(f"PRAGMA user_version = {SUMMARY_SCHEMA - 1}")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        rows = {r.wamid: (r.kind, r.text) for r in store.history_page()}
        assert rows == {"wamid.old": ("text", "Old one"), "wamid.bad": ("?", "")}
        assert [r.wamid for r in store.history_page(HistoryQuery("old one"))] == ["wamid.old"]
