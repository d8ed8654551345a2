"""The webhook receiver over real loopback HTTP: handshake, signatures, limits, replays, a burst."""

from __future__ import annotations

import copy
import json
import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from composer.storage.history import Store
from composer.webhooks.parsing import SIGNATURE_HEADER, WebhookEvent, canonical_body, sign
from composer.webhooks.recorder import WebhookRecorder
from composer.webhooks.server import WebhookServer
from tests.paths import DATA

SHAPES: dict[str, Any] = json.loads((DATA / "reference-shapes.json").read_text("utf-8"))
SECRET = "loopback-test-secret"
TOKEN = "loopback-verify-token"
WAMID = "wamid.HBgLMTY1MDU1NTAxMjMVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"


class Receiver:
    def __init__(self, store: Store, server: WebhookServer, events: list[WebhookEvent]) -> None:
        self.store, self.server, self.events = store, server, events


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Receiver]:
    events: list[WebhookEvent] = []
    lock = threading.Lock()

    def on_event(event: WebhookEvent) -> None:
        with lock:
            events.append(event)

    with Store(tmp_path / "db.sqlite3") as store:
        server = WebhookServer(
            WebhookRecorder(store, on_event),
            app_secret=SECRET,
            verify_token=TOKEN,
            max_body_bytes=64 * 1024,
        )
        with server:
            yield Receiver(store, server, events)


def _post(url: str, body: bytes, signature: str | None, client: httpx.Client | None = None):  # type: ignore[no-untyped-def]
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers[SIGNATURE_HEADER] = signature
    if client is not None:
        return client.post(url, content=body, headers=headers)
    return httpx.post(url, content=body, headers=headers)


def _record_send(store: Store) -> None:
    store.record_send(
        profile="sandbox", recipient="16505550123", payload={}, outcome="accepted", wamid=WAMID
    )


def test_handshake(receiver: Receiver) -> None:
    query = {"hub.mode": "subscribe", "hub.challenge": "1158201444", "hub.verify_token": TOKEN}
    ok = httpx.get(receiver.server.url, params=query)
    assert (ok.status_code, ok.text) == (200, "1158201444")
    bad = httpx.get(receiver.server.url, params={**query, "hub.verify_token": "nope"})
    assert bad.status_code == 403 and "1158201444" not in bad.text
    assert httpx.get(receiver.server.url).status_code == 403


def test_signed_post_is_recorded_once_even_when_replayed(receiver: Receiver) -> None:
    _record_send(receiver.store)
    body = canonical_body(SHAPES["webhook_status_delivered"])
    first = _post(receiver.server.url, body, sign(body, SECRET))
    replay = _post(receiver.server.url, body, sign(body, SECRET))
    assert first.status_code == 200 and first.json() == {"recorded": 1, "duplicates": 0}
    assert replay.status_code == 200 and replay.json() == {"recorded": 0, "duplicates": 1}
    assert len(receiver.events) == 1
    assert receiver.store.history()[0].status == "delivered"


@pytest.mark.parametrize("signature", [None, "sha256=" + "0" * 64, "garbage"])
def test_bad_or_missing_signature_is_403_and_records_nothing(
    receiver: Receiver, signature: str | None
) -> None:
    _record_send(receiver.store)
    body = canonical_body(SHAPES["webhook_status_read"])
    response = _post(receiver.server.url, body, signature)
    assert response.status_code == 403
    assert receiver.events == []
    assert receiver.store.history()[0].status == "accepted"
    # nothing was remembered either: the genuine delivery still counts as new
    genuine = _post(receiver.server.url, body, sign(body, SECRET))
    assert genuine.json() == {"recorded": 1, "duplicates": 0}
    assert receiver.server.stats().rejected_posts == 1


def test_signature_over_other_bytes_is_refused(receiver: Receiver) -> None:
    body = canonical_body(SHAPES["webhook_inbound_text"])
    tampered = body.replace(b"1750025136", b"1750025137")
    assert _post(receiver.server.url, tampered, sign(body, SECRET)).status_code == 403
    assert receiver.store.last_inbound("16505550123") is None


def test_too_large_body_is_413(receiver: Receiver) -> None:
    body = b'{"object":"whatsapp_business_account","entry":[],"pad":"' + b"x" * 70_000 + b'"}'
    response = _post(receiver.server.url, body, sign(body, SECRET))
    assert response.status_code == 413
    assert receiver.server.stats().last_rejection == "body too large"


def test_malformed_json_is_400(receiver: Receiver) -> None:
    body = b'{"object": "whatsapp_business_account", "entry": ['
    response = _post(receiver.server.url, body, sign(body, SECRET))
    assert response.status_code == 400 and "JSON" in response.text
    shape = canonical_body({"object": "whatsapp_business_account", "entry": [{"changes": 3}]})
    bad_shape = _post(receiver.server.url, shape, sign(shape, SECRET))
    assert bad_shape.status_code == 400 and "changes" in bad_shape.text


def test_non_ascii_body_signed_in_escaped_form(receiver: Receiver) -> None:
    body = copy.deepcopy(SHAPES["webhook_inbound_text"])
    body["entry"][0]["changes"][0]["value"]["contacts"][0]["profile"]["name"] = "Chloé 👍"
    raw = canonical_body(body)
    assert b"\\u00e9" in raw
    response = _post(receiver.server.url, raw, sign(raw, SECRET))
    assert response.status_code == 200
    assert receiver.events[0].contact_name == "Chloé 👍"  # type: ignore[union-attr]


def test_failed_131047_status_closes_the_window(receiver: Receiver) -> None:
    _record_send(receiver.store)
    body = canonical_body(SHAPES["webhook_status_failed_outside_window_131047"])
    assert _post(receiver.server.url, body, sign(body, SECRET)).status_code == 200
    record = receiver.store.history()[0]
    assert record.status == "failed" and record.error is not None
    assert record.error["code"] == 131047
    assert receiver.store.window_closed_at("16505550123") == datetime.fromtimestamp(1750030073, UTC)


def _inbound_body(i: int) -> bytes:
    body = copy.deepcopy(SHAPES["webhook_inbound_text"])
    message = body["entry"][0]["changes"][0]["value"]["messages"][0]
    message["id"] = f"wamid.burst-{i:04d}"
    message["from"] = f"1555020{i:04d}"
    message["timestamp"] = str(1750025136 + i)
    return canonical_body(body)


def test_burst_of_1000_signed_posts_loses_none(receiver: Receiver) -> None:
    total, workers = 1000, 4
    url = receiver.server.url

    def run(worker: int) -> list[int]:
        codes = []
        with httpx.Client(timeout=30) as client:  # keep-alive: one connection per worker
            for i in range(worker, total, workers):
                body = _inbound_body(i)
                codes.append(_post(url, body, sign(body, SECRET), client).status_code)
        return codes

    with ThreadPoolExecutor(max_workers=workers) as pool:
        codes = [c for chunk in pool.map(run, range(workers)) for c in chunk]
    assert codes == [200] * total
    assert len(receiver.events) == total
    assert receiver.server.recorder.total.recorded == total
    assert receiver.server.stats().accepted_posts == total
    for i in (0, 1, 499, 998, 999):
        inbound = receiver.store.last_inbound(f"1555020{i:04d}")
        assert inbound is not None
        assert inbound.at == datetime.fromtimestamp(1750025136 + i, UTC)
    missing = [i for i in range(total) if receiver.store.last_inbound(f"1555020{i:04d}") is None]
    assert missing == []


class _OnceLockedStore(Store):
    """A real store whose first status write fails as a long-held lock would ("database is
    locked"). Provoking the real lock takes the store's 10 s busy timeout, hence this one fault."""

    failed = False

    def update_status(self, *args: Any, **kwargs: Any) -> bool:
        if not self.failed:
            self.failed = True
            raise sqlite3.OperationalError("database is locked")
        return super().update_status(*args, **kwargs)


def test_store_failure_answers_500_and_the_retry_is_recorded(tmp_path: Path) -> None:
    with _OnceLockedStore(tmp_path / "db.sqlite3") as store:
        _record_send(store)
        server = WebhookServer(WebhookRecorder(store), app_secret=SECRET, verify_token=TOKEN)
        with server:
            body = canonical_body(SHAPES["webhook_status_delivered"])
            first = _post(server.url, body, sign(body, SECRET))
            assert first.status_code == 500 and store.history()[0].status == "accepted"
            retry = _post(server.url, body, sign(body, SECRET))  # Meta retries
            assert retry.status_code == 200 and retry.json()["recorded"] == 1
            assert store.history()[0].status == "delivered"
