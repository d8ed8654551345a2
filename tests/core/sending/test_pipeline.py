"""composer.sending.send_payload against a real loopback Graph server and the in-process sandbox:
each attempt reported, the history row, a 131047 applied with the injected clock, the local
header upload, and the failures that must still end in one outcome."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from composer.accounts import Profile, sandbox_profile
from composer.sandbox import CLOSED_CONTACT, Sandbox, StatusDelays
from composer.sending import AttemptReport, SendDeps, local_header_file, send_payload
from composer.storage.history import Store
from tests.core.validation.rule_cases import EXAMPLES
from tests.integration.fake_graph import SUCCESS_WAMID, FakeGraph, Reply, graph_error

TOKEN = "EAAGpipelineTOKEN0123456789"
PNID = "106540352242922"
NOW = datetime(2026, 11, 25, 14, 32, tzinfo=UTC)
TO = "+16505550123"
PAYLOAD: dict[str, Any] = EXAMPLES["reply_buttons_text_header"] | {"to": TO}
QUIET = StatusDelays(sent=None, delivered=None, read=None)


class MemoryTokens:
    """A TokenStore holding tokens in a dict (the keyring has its own tests)."""

    def __init__(self, **tokens: str) -> None:
        self.tokens = dict(tokens)

    def get(self, profile: str) -> str | None:
        return self.tokens.get(profile)

    def set(self, profile: str, token: str) -> None:
        self.tokens[profile] = token

    def delete(self, profile: str) -> None:
        self.tokens.pop(profile, None)


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with FakeGraph() as server:
        yield server


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "history.sqlite3") as s:
        yield s


@pytest.fixture(autouse=True)
def _no_env_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)


def deps(store: Store, sleeps: list[float], sandbox: Sandbox | None = None) -> SendDeps:
    from contextlib import nullcontext

    return SendDeps(
        tokens=lambda: MemoryTokens(shop=TOKEN),
        sandbox=lambda: sandbox or Sandbox(delays=QUIET),
        history=lambda: nullcontext(store),
        clock=lambda: NOW,
        sleep=sleeps.append,
        owns_sandbox=sandbox is None,
    )


def shop(graph: FakeGraph) -> Profile:
    return Profile("shop", PNID, base_url=graph.url)


def test_a_transient_error_is_retried_and_every_attempt_reported(
    graph: FakeGraph, store: Store
) -> None:
    graph.add(Reply(429, graph_error(130429), {"Retry-After": "4"}))
    sleeps: list[float] = []
    seen: list[AttemptReport] = []
    outcome = send_payload(shop(graph), PAYLOAD, deps(store, sleeps), seen.append)
    assert outcome.ok and outcome.wamid == SUCCESS_WAMID and outcome.attempts == 2
    assert sleeps == [4.0]
    assert [(r.attempt.number, r.attempt.ok, r.total) for r in seen] == [
        (1, False, 4),
        (2, True, 4),
    ]
    assert seen[0].status_text().endswith(": retrying in 4 s, attempt 2 of 4")
    assert "130429" in seen[0].status_text()
    assert seen[0].describe().startswith("attempt 1: ") and "retrying in 4 s" in seen[0].describe()
    [row] = store.history()
    assert (row.id, row.outcome, row.wamid, row.profile) == (
        outcome.history_id, "accepted", SUCCESS_WAMID, "shop"
    )  # fmt: skip
    assert row.payload == PAYLOAD
    assert [r.path for r in graph.requests] == [f"/v24.0/{PNID}/messages"] * 2
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in graph.requests)


def test_a_131047_closes_the_window_at_the_injected_time(graph: FakeGraph, store: Store) -> None:
    graph.add(Reply(400, graph_error(131047)))
    outcome = send_payload(shop(graph), PAYLOAD, deps(store, []))
    assert (outcome.ok, outcome.outcome, outcome.window_closed) == (False, "failed", True)
    assert outcome.error is not None and outcome.error.code == 131047
    assert outcome.title == outcome.error.title and "131047" in outcome.text
    assert store.window_closed_at(TO) == NOW
    [row] = store.history()
    assert row.outcome == "failed" and row.error is not None and row.error["code"] == 131047


def test_other_errors_leave_the_window_alone(graph: FakeGraph, store: Store) -> None:
    details = "The parameter interactive['footer']['text'] is invalid."
    graph.add(Reply(400, graph_error(131009, details=details)))
    outcome = send_payload(shop(graph), PAYLOAD, deps(store, []))
    assert not outcome.window_closed and store.window_closed_at(TO) is None
    assert outcome.field_path == "interactive.footer.text"


def test_a_dropped_connection_is_recorded_as_unknown_and_not_retried(
    graph: FakeGraph, store: Store
) -> None:
    graph.add(Reply(drop=True))
    outcome = send_payload(shop(graph), PAYLOAD, deps(store, []))
    assert outcome.outcome == "unknown" and len(graph.requests) == 1
    assert store.history()[0].outcome == "unknown"


def test_no_token_sends_nothing_and_records_nothing(graph: FakeGraph, store: Store) -> None:
    ghost = Profile("ghost", PNID, base_url=graph.url)
    outcome = send_payload(ghost, PAYLOAD, deps(store, []))
    assert outcome.outcome == "not sent" and outcome.refusal is not None
    assert outcome.title == "No access token" and "ghost" in outcome.text
    assert graph.requests == [] and store.history() == []


def test_an_unwritable_history_does_not_hide_the_outcome(graph: FakeGraph, tmp_path: Path) -> None:
    (tmp_path / "not-a-db").mkdir()
    broken = SendDeps(
        tokens=lambda: MemoryTokens(shop=TOKEN),
        sandbox=Sandbox,
        history=lambda: Store(tmp_path / "not-a-db"),
        sleep=[].append,
    )
    outcome = send_payload(shop(graph), PAYLOAD, broken)
    assert outcome.ok and outcome.history_id is None
    assert outcome.history_problem


def test_the_sandbox_answers_in_process(store: Store) -> None:
    sandbox = Sandbox(delays=QUIET)
    try:
        ok = send_payload(sandbox_profile(), PAYLOAD, deps(store, [], sandbox))
        closed = send_payload(
            sandbox_profile(), PAYLOAD | {"to": CLOSED_CONTACT.number}, deps(store, [], sandbox)
        )
    finally:
        sandbox.close()
    assert ok.ok and ok.sandbox and ok.profile == "sandbox" and ok.wamid
    assert closed.window_closed and store.window_closed_at(CLOSED_CONTACT.number) == NOW
    assert [r.outcome for r in store.history()] == ["failed", "accepted"]


def png(tmp_path: Path) -> Path:
    """A tiny real PNG (1x1, written by hand: no image library in the core)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    raw = chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0\x1f\x7a\x55"))
    path = tmp_path / "banner image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + raw + chunk(b"IEND", b""))
    return path


def with_local_image(path: Path) -> dict[str, Any]:
    payload = json.loads(json.dumps(PAYLOAD))
    payload["interactive"]["header"] = {"type": "image", "image": {"link": path.as_uri()}}
    return payload


def test_a_local_header_file_is_uploaded_first(
    graph: FakeGraph, store: Store, tmp_path: Path
) -> None:
    picture = png(tmp_path)
    payload = with_local_image(picture)
    assert local_header_file(payload) == ("image", picture)
    graph.add(Reply(200, {"id": "media-77"}))
    outcome = send_payload(shop(graph), payload, deps(store, []))
    assert outcome.ok
    upload, message = graph.requests
    assert upload.path == f"/v24.0/{PNID}/media" and picture.read_bytes() in upload.body
    assert message.json()["interactive"]["header"] == {"type": "image", "image": {"id": "media-77"}}
    assert store.history()[0].payload == message.json()
    assert payload["interactive"]["header"]["image"] == {"link": picture.as_uri()}  # input kept


def test_a_template_header_file_is_uploaded_first(
    graph: FakeGraph, store: Store, tmp_path: Path
) -> None:
    picture = png(tmp_path)
    header = {
        "type": "header",
        "parameters": [{"type": "image", "image": {"link": picture.as_uri()}}],
    }
    body = {"type": "body", "parameters": [{"type": "text", "text": "Ana"}]}
    template = {
        "name": "welcome_offer",
        "language": {"code": "en_US"},
        "components": [header, body],
    }
    payload = {"messaging_product": "whatsapp", "to": PAYLOAD["to"], "type": "template",
               "template": template}  # fmt: skip
    assert local_header_file(payload) == ("image", picture)
    graph.add(Reply(200, {"id": "media-78"}))
    outcome = send_payload(shop(graph), payload, deps(store, []))
    assert outcome.ok
    upload, message = graph.requests
    assert upload.path == f"/v24.0/{PNID}/media" and picture.read_bytes() in upload.body
    sent = message.json()["template"]["components"]
    assert sent[0]["parameters"] == [{"type": "image", "image": {"id": "media-78"}}]
    assert sent[1] == body
    assert header["parameters"][0]["image"] == {"link": picture.as_uri()}  # input kept


def test_an_unreadable_local_file_fails_before_any_message(
    graph: FakeGraph, store: Store, tmp_path: Path
) -> None:
    payload = with_local_image(tmp_path / "gone.png")
    outcome = send_payload(shop(graph), payload, deps(store, []))
    assert outcome.outcome == "failed" and outcome.error is not None
    assert outcome.error.title == "File not readable" and graph.requests == []
    assert store.history()[0].payload == payload
