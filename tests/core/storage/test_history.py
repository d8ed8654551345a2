"""The SQLite store: lifecycle, window marks, replay de-dup, WAL, threads, crash safety."""

from __future__ import annotations

import os
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.storage.history import SCHEMA_VERSION, Store, StoreError

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
PAYLOAD = {"messaging_product": "whatsapp", "to": "+15550100001", "type": "text"}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "db.sqlite3")
    yield s
    s.close()


def test_default_path_honours_wa_composer_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path))
    with Store() as s:
        assert s.path == tmp_path / "data" / "composer.sqlite3"
    assert s.path.exists()


def test_wal_mode_and_schema_version(store: Store) -> None:
    assert store.journal_mode() == "wal"
    assert store.schema_version() == SCHEMA_VERSION >= 1


def test_database_files_are_owner_only(tmp_path: Path) -> None:
    with Store(tmp_path / "h.sqlite3") as store:
        _send(store)
        for name in ("h.sqlite3", "h.sqlite3-wal"):
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600, name


def test_newer_schema_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer WA Composer"):
        Store(path)


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    path.write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(StoreError, match=r"db\.sqlite3"):
        Store(path)


def test_a_database_locked_by_another_writer_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    with Store(path, busy_timeout=0.2) as store:
        other = sqlite3.connect(path, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(StoreError, match="locked"):
                store.remember_event("k")
            other.execute("ROLLBACK")
        finally:
            other.close()
        assert store.remember_event("k")  # usable again once the other writer is gone


def test_record_and_history_newest_first(store: Store) -> None:
    first = store.record_send(
        profile="sandbox",
        recipient="+1 555-010-0001",
        payload=PAYLOAD,
        outcome="accepted",
        wamid="wamid.A",
        at=T0,
    )
    second = store.record_send(
        profile="work",
        recipient="+15550100003",
        payload={"x": "é"},
        outcome="failed",
        wamid=None,
        error={"code": 131047, "title": "Re-engagement message"},
        at=T0,
    )
    rows = store.history()
    assert [r.id for r in rows] == [second, first]
    assert rows[1].recipient == "15550100001"
    assert rows[1].payload == PAYLOAD and rows[1].status == "accepted" and rows[1].at == T0
    assert rows[0].error == {"code": 131047, "title": "Re-engagement message"}
    assert rows[0].status == "failed" and rows[0].payload == {"x": "é"}
    assert store.history(limit=1)[0].id == second
    assert [r.id for r in store.history(recipient="15550100001")] == [first]
    assert store.history(recipient="+1 555 999") == []


def test_bad_outcome_naive_time_and_empty_recipient_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="outcome"):
        store.record_send(profile="p", recipient="1", payload={}, outcome="ok", wamid=None)
    with pytest.raises(ValueError, match="timezone"):
        store.set_last_inbound("+1555", datetime(2026, 1, 1), "manual")
    with pytest.raises(ValueError, match="recipient"):
        store.set_last_inbound("abc", T0, "manual")
    with pytest.raises(ValueError, match="source"):
        store.set_last_inbound("+1555", T0, "carrier pigeon")


def _send(store: Store, wamid: str = "wamid.X") -> None:
    store.record_send(
        profile="p", recipient="+15550100001", payload=PAYLOAD, outcome="accepted", wamid=wamid
    )


def test_lifecycle_moves_forward_only(store: Store) -> None:
    _send(store)
    assert store.update_status("wamid.X", "sent", T0)
    assert store.update_status(
        "wamid.X", "read", T0 + timedelta(seconds=2)
    )  # read without delivered
    assert not store.update_status("wamid.X", "delivered", T0 + timedelta(seconds=3))
    assert not store.update_status("wamid.X", "sent", T0 + timedelta(seconds=4))
    assert not store.update_status("wamid.X", "read", T0 + timedelta(seconds=5))  # replay
    rec = store.find_by_wamid("wamid.X")
    assert rec is not None and rec.status == "read"
    assert rec.status_at == T0 + timedelta(seconds=2)
    assert set(rec.status_times) == {"sent", "read"}


def test_failed_is_allowed_late_and_is_final(store: Store) -> None:
    _send(store)
    store.update_status("wamid.X", "delivered", T0)
    err = {"code": 131047, "title": "Re-engagement message"}
    assert store.update_status("wamid.X", "failed", T0 + timedelta(seconds=1), error=err)
    assert not store.update_status("wamid.X", "read", T0 + timedelta(seconds=2))
    rec = store.history()[0]
    assert rec.status == "failed" and rec.error == err and rec.outcome == "accepted"


def test_unknown_wamid_and_unknown_status(store: Store) -> None:
    assert not store.update_status("wamid.nope", "sent", T0)
    _send(store)
    with pytest.raises(ValueError, match="status"):
        store.update_status("wamid.X", "seen", T0)


def test_statuses_that_overtake_the_send_are_applied_when_it_is_recorded(store: Store) -> None:
    # The webhook for a message can arrive before the HTTP response with its wamid is handled.
    err = {"code": 131047, "title": "Re-engagement message"}
    assert not store.update_status("wamid.EARLY", "read", T0 + timedelta(seconds=1))
    assert not store.update_status("wamid.EARLY", "delivered", T0)
    assert not store.update_status("wamid.EARLY", "sent", T0)
    assert store.find_by_wamid("wamid.EARLY") is None
    _send(store, "wamid.EARLY")
    rec = store.find_by_wamid("wamid.EARLY")
    assert rec is not None and rec.status == "read"
    assert rec.status_times == {"sent": T0, "delivered": T0, "read": T0 + timedelta(seconds=1)}
    # They are applied once: a second send reusing nothing gets no stale status.
    _send(store, "wamid.OTHER")
    other = store.find_by_wamid("wamid.OTHER")
    assert other is not None and other.status == "accepted"
    # A failure that overtakes the send is kept with its error.
    store.update_status("wamid.FAIL", "failed", T0, error=err)
    _send(store, "wamid.FAIL")
    failed = store.find_by_wamid("wamid.FAIL")
    assert failed is not None and failed.status == "failed" and failed.error == err


def test_last_inbound_keeps_newest_and_normalises(store: Store) -> None:
    assert store.last_inbound("+15550100001") is None
    store.set_last_inbound("+1 (555) 010-0001", T0, "webhook")
    store.set_last_inbound("15550100001", T0 - timedelta(hours=1), "manual")  # older: ignored
    rec = store.last_inbound("+15550100001")
    assert rec is not None and rec.at == T0 and rec.source == "webhook"
    store.set_last_inbound("+15550100001", T0 + timedelta(minutes=1), "pasted")
    rec = store.last_inbound("15550100001")
    assert rec is not None and rec.source == "pasted" and rec.at == T0 + timedelta(minutes=1)


def test_window_closed_mark_and_reopen(store: Store) -> None:
    store.mark_window_closed("+15550100003", T0, "send")  # no inbound known yet
    assert store.last_inbound("+15550100003") is None
    assert store.window_closed_at("+15550100003") == T0
    store.set_last_inbound("+15550100003", T0 - timedelta(hours=30), "sandbox")
    rec = store.last_inbound("+15550100003")
    assert rec is not None and rec.closed_at == T0 and rec.closed_source == "send"
    # a 131047 older than the newest inbound message does not close the window again
    store.set_last_inbound("+15550100003", T0 + timedelta(hours=1), "webhook")
    store.mark_window_closed("+15550100003", T0 + timedelta(minutes=30), "webhook")
    rec = store.last_inbound("+15550100003")
    assert rec is not None and rec.closed_at is None and rec.at == T0 + timedelta(hours=1)


def test_remember_event_deduplicates_replays(store: Store, tmp_path: Path) -> None:
    assert store.remember_event("wamid.A:sent")
    assert not store.remember_event("wamid.A:sent")
    assert store.remember_event("wamid.A:delivered")
    with Store(tmp_path / "db.sqlite3") as again:  # survives reopening
        assert not again.remember_event("wamid.A:sent")


def test_concurrent_writers_from_threads(store: Store, tmp_path: Path) -> None:
    per_thread, threads = 50, 6
    results: list[bool] = []
    lock = threading.Lock()

    def work(n: int) -> None:
        for i in range(per_thread):
            _send(store, wamid=f"wamid.{n}.{i}")
            store.update_status(f"wamid.{n}.{i}", "sent", T0)
            first = store.remember_event(f"event.{i}")  # every thread races on the same keys
            with lock:
                results.append(first)

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=60)
    rows = store.history(limit=10_000)
    assert len(rows) == per_thread * threads
    assert all(r.status == "sent" for r in rows)
    assert results.count(True) == per_thread
    # a second connection (another process in real life) sees the same rows
    with Store(tmp_path / "db.sqlite3") as other:
        assert len(other.history(limit=10_000)) == per_thread * threads


_WRITER = """
import sys
from pathlib import Path
from composer.storage.history import Store
store = Store(Path(sys.argv[1]))
i = 0
while True:
    store.record_send(profile="p", recipient="+15550100001", payload={"n": i, "pad": "x" * 500},
                      outcome="accepted", wamid=f"wamid.{i}")
    print(i, flush=True)
    i += 1
"""


def test_committed_rows_survive_sigkill(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    env = dict(os.environ)
    proc = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True, env=env
    )
    assert proc.stdout is not None
    committed = -1
    try:
        for line in proc.stdout:
            committed = int(line)
            if committed >= 200:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        proc.stdout.close()
    assert committed >= 200
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(path) as store:
        rows = store.history(limit=100_000)
        numbers = {r.payload["n"] for r in rows}
        assert set(range(committed + 1)) <= numbers  # every acknowledged commit is there
        assert numbers == set(range(len(numbers)))  # and nothing half-written


@pytest.mark.parametrize("typed", ["+", "", " ", "+(", "abc"])
def test_reading_the_window_of_a_half_typed_number_is_unknown_not_an_error(
    tmp_path: Path, typed: str
) -> None:
    """Typing "+" into To raised "recipient '+' has no digits" from the countdown (issue 14)."""
    with Store(tmp_path / "db.sqlite3") as store:
        assert store.last_inbound(typed) is None
        assert store.window_closed_at(typed) is None
        with pytest.raises(ValueError, match="has no digits"):
            store.set_last_inbound(typed, datetime(2026, 12, 1, tzinfo=UTC), "manual")
