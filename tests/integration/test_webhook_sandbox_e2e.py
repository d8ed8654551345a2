"""End to end: a send to the sandbox, its status webhooks reach the receiver over loopback, and
the history shows sent, delivered, read. Also both 131047 paths closing the window."""

from __future__ import annotations

import copy
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from composer.accounts import sandbox_profile
from composer.graph.client import GraphClient
from composer.graph.errors import GraphError
from composer.sandbox import CLOSED_CONTACT, OPEN_CONTACT, Sandbox, SandboxTransport, StatusDelays
from composer.sandbox.webhooks_out import WebhookPoster
from composer.storage.history import SendRecord, Store
from composer.webhooks.recorder import WebhookRecorder
from composer.webhooks.server import WebhookServer
from composer.window.facts import WindowState, load_facts, note_send_error
from tests.examples import examples

SECRET = "e2e-app-secret"
EXAMPLES: dict[str, Any] = examples()


@dataclass
class Rig:
    store: Store
    sandbox: Sandbox
    client: GraphClient
    poster: WebhookPoster

    def send(self, name: str, to: str) -> str:
        payload = copy.deepcopy(EXAMPLES[name])
        payload["to"] = to
        result = self.client.send_message(payload)
        self.store.record_send(
            profile="sandbox", recipient=to, payload=payload, outcome="accepted", wamid=result.wamid
        )
        return result.wamid


def _rig(tmp_path: Path, window_errors: str) -> Iterator[Rig]:
    with Store(tmp_path / "db.sqlite3") as store:
        server = WebhookServer(WebhookRecorder(store), app_secret=SECRET, verify_token="t")
        with server:
            # Delays leave time to record the send before its first status arrives.
            delays = StatusDelays(sent=0.5, delivered=0.7, read=0.9)
            sandbox = Sandbox(delays=delays, window_errors=window_errors)  # type: ignore[arg-type]
            poster = WebhookPoster(server.url, SECRET)
            sandbox.add_status_listener(poster)
            client = GraphClient(sandbox_profile(), "sandbox-token", SandboxTransport(sandbox))
            try:
                yield Rig(store, sandbox, client, poster)
            finally:
                sandbox.close()
                poster.close()
                client.close()


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    yield from _rig(tmp_path, "sync")


@pytest.fixture
def async_rig(tmp_path: Path) -> Iterator[Rig]:
    yield from _rig(tmp_path, "async")


def _wait_for(store: Store, wamid: str, status: str, seconds: float = 10.0) -> SendRecord:
    deadline = time.monotonic() + seconds
    while True:
        record = store.find_by_wamid(wamid)
        assert record is not None
        if record.status == status or time.monotonic() > deadline:
            return record
        time.sleep(0.05)


def test_send_then_sent_delivered_read_in_history(rig: Rig) -> None:
    wamid = rig.send("reply_buttons_text_header", OPEN_CONTACT.number)
    record = _wait_for(rig.store, wamid, "read")
    assert record.status == "read"
    assert set(record.status_times) == {"sent", "delivered", "read"}
    times = record.status_times
    assert times["sent"] <= times["delivered"] <= times["read"]
    assert rig.store.history()[0].wamid == wamid
    # the receiver records the last status before the poster's POST returns and is counted
    deadline = time.monotonic() + 10
    while rig.poster.delivered + rig.poster.failed < 3 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert rig.poster.delivered == 3 and rig.poster.failed == 0


def test_async_131047_closes_the_window(async_rig: Rig) -> None:
    rig = async_rig
    rig.sandbox.seed_store(rig.store)
    number = CLOSED_CONTACT.number
    wamid = rig.send("list_single_section", number)  # accepted: 200 + wamid
    record = _wait_for(rig.store, wamid, "failed")
    assert record.status == "failed" and record.error is not None
    assert record.error["code"] == 131047
    status = load_facts(rig.store, number).status(datetime.now(UTC))
    assert status.state is WindowState.CLOSED and status.closed_by_api


def test_sync_131047_closes_the_window(rig: Rig) -> None:
    number = CLOSED_CONTACT.number
    payload = copy.deepcopy(EXAMPLES["list_single_section"])
    payload["to"] = number
    with pytest.raises(GraphError) as caught:
        rig.client.send_message(payload)
    assert caught.value.code == 131047
    assert load_facts(rig.store, number).status(datetime.now(UTC)).state is WindowState.UNKNOWN
    assert note_send_error(rig.store, number, caught.value.code, datetime.now(UTC))
    status = load_facts(rig.store, number).status(datetime.now(UTC))
    assert status.state is WindowState.CLOSED and status.closed_by_api
