"""BSUID <-> phone number links in the history database: a window, a marketing word or a send
recorded under one id is found under the other (docs/spec/bsuid.md)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.storage.history import SCHEMA_VERSION, Store
from composer.storage.records import MIGRATIONS

T0 = datetime(2026, 11, 25, 14, 0, tzinfo=UTC)
NUMBER, USER_ID = "16505550123", "US.13491208655302741918"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "h.sqlite3")


def test_a_window_under_the_user_id_only(store: Store) -> None:
    store.set_last_inbound(USER_ID, T0, "webhook")
    record = store.last_inbound(f"  {USER_ID} ")
    assert record is not None and record.at == T0 and record.recipient == USER_ID
    assert store.last_inbound(NUMBER) is None  # not linked: a different key
    assert store.last_inbound("US.134") is None


def test_linked_ids_share_the_newest_window(store: Store) -> None:
    store.set_last_inbound("+1 650 555 0123", T0, "webhook")
    store.set_last_inbound(USER_ID, T0 + timedelta(hours=1), "manual")
    assert store.link_user_id(USER_ID, "+16505550123") is True
    assert store.link_user_id(USER_ID, NUMBER) is False  # nothing new
    assert store.linked_ids(NUMBER) == (NUMBER, USER_ID)
    assert store.linked_ids(USER_ID) == (USER_ID, NUMBER)
    for key in (NUMBER, USER_ID):
        record = store.last_inbound(key)
        assert record is not None and record.at == T0 + timedelta(hours=1), key
        assert record.source == "manual" and record.recipient == key


def test_a_131047_under_one_id_closes_the_window_under_the_other(store: Store) -> None:
    store.link_user_id(USER_ID, NUMBER)
    store.set_last_inbound(NUMBER, T0, "webhook")
    store.mark_window_closed(USER_ID, T0 + timedelta(minutes=5), "webhook")
    record = store.last_inbound(NUMBER)
    assert record is not None and record.closed_at == T0 + timedelta(minutes=5)
    assert store.window_closed_at(NUMBER) == T0 + timedelta(minutes=5)
    # the customer writes again (under the BSUID): the older closing mark no longer counts
    store.set_last_inbound(USER_ID, T0 + timedelta(minutes=9), "webhook")
    again = store.last_inbound(NUMBER)
    assert again is not None and again.closed_at is None and again.at == T0 + timedelta(minutes=9)


def test_marketing_words_and_history_follow_the_link(store: Store) -> None:
    store.set_marketing_preference(USER_ID, "stop", T0, name="Ana Souza")
    assert store.marketing_preference(NUMBER) is None
    store.link_user_id(USER_ID, NUMBER)
    said = store.marketing_preference(NUMBER)
    assert said is not None and said.stopped and said.name == "Ana Souza"
    payload = {"messaging_product": "whatsapp", "recipient": USER_ID, "type": "text"}
    store.record_send(profile="p", recipient=USER_ID, payload=payload, outcome="accepted",
                      wamid="wamid.A")  # fmt: skip
    (sent,) = store.history(recipient=NUMBER)
    assert sent.recipient == USER_ID and sent.payload == payload


def test_writes_refuse_malformed_ids(store: Store) -> None:
    with pytest.raises(ValueError, match="letters and digits"):
        store.set_last_inbound("US.1650-555", T0, "manual")
    with pytest.raises(ValueError, match="business-scoped"):
        store.link_user_id("16505550123", NUMBER)
    with pytest.raises(ValueError, match="not a phone number"):
        store.link_user_id(USER_ID, "US.1")


def test_a_version_3_database_gains_the_links_table(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:3]:
        conn.executescript(step)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO inbound (recipient, at, source) VALUES (?, ?, 'manual')",
                 (NUMBER, T0.isoformat(timespec="microseconds")))  # fmt: skip
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 4
        store.link_user_id(USER_ID, NUMBER)
        record = store.last_inbound(USER_ID)
        assert record is not None and record.at == T0
