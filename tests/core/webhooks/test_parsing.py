"""Webhook signatures (spec reference vectors), the handshake, parsing, and recording events."""

from __future__ import annotations

import contextlib
import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.storage.history import Store
from composer.webhooks.parsing import (
    InboundMessage,
    StatusUpdate,
    WebhookFormatError,
    canonical_body,
    handshake,
    parse,
    parse_bytes,
    sign,
    verify_signature,
)
from composer.webhooks.recorder import WebhookRecorder, import_pasted, parse_pasted
from composer.window.facts import WindowState, load_facts
from tests.paths import DATA

SHAPES: dict[str, Any] = json.loads((DATA / "reference-shapes.json").read_text("utf-8"))
VECTORS = SHAPES["webhook_signature_test_vectors"]
SECRET = VECTORS["app_secret"]
WAMID = "wamid.HBgLMTY1MDU1NTAxMjMVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=["ascii", "escaped-non-ascii"])
def test_reference_vectors_verify(vector: dict[str, str]) -> None:
    raw = vector["raw_body"].encode("utf-8")
    assert sign(raw, SECRET) == vector["header_value"]
    assert verify_signature(raw, vector["header_value"], SECRET)
    assert verify_signature(
        raw, vector["header_value"].upper().replace("SHA256=", "sha256="), SECRET
    )
    assert not verify_signature(raw, vector["header_value"], SECRET + "x")
    assert not verify_signature(raw + b" ", vector["header_value"], SECRET)


def test_non_ascii_must_be_hashed_as_received_not_reserialised() -> None:
    vector = VECTORS["vectors"][1]
    raw = vector["raw_body"].encode("utf-8")
    assert b"\\u00e9" in raw  # the escaped form Meta sends
    reserialised = json.dumps(json.loads(raw), ensure_ascii=False, separators=(",", ":"))
    utf8 = reserialised.encode("utf-8")
    assert sign(utf8, SECRET) == vector["wrong_if_you_hash_reserialised_utf8"]
    assert not verify_signature(utf8, vector["header_value"], SECRET)
    # canonical_body reproduces Meta's escaped form, so the sandbox signs like Meta
    assert canonical_body(json.loads(raw)) == raw


@pytest.mark.parametrize(
    "header", [None, "", "sha256=", "sha1=abc", "dec6a680679a968e7e03", "sha256=zz", "sha256=é"]
)
def test_missing_or_malformed_header_is_refused(header: str | None) -> None:
    raw = VECTORS["vectors"][0]["raw_body"].encode()
    assert not verify_signature(raw, header, SECRET)


def test_empty_secret_never_verifies() -> None:
    raw = b"{}"
    assert not verify_signature(raw, sign(raw, ""), "")


def test_handshake() -> None:
    req = SHAPES["webhook_verification_request"]
    query = req["query"]
    assert handshake(query, "my-verify-token") == req["expected_response"]["body"]
    assert handshake({k: [v] for k, v in query.items()}, "my-verify-token") == "1158201444"
    assert handshake(query, "other") is None
    assert handshake({**query, "hub.mode": "unsubscribe"}, "my-verify-token") is None
    assert handshake({"hub.mode": "subscribe"}, "my-verify-token") is None
    assert handshake(query, "") is None


def test_parse_inbound_shapes() -> None:
    for name in (n for n in SHAPES if n.startswith("webhook_inbound_")):
        events = parse(SHAPES[name])
        assert len(events) == 1, name
        event = events[0]
        assert isinstance(event, InboundMessage)
        assert event.sender == "16505550123"
        assert event.timestamp == datetime.fromtimestamp(1750025136, UTC)
        assert event.contact_name == "Ana Souza"
        assert event.phone_number_id == "106540352242922"
    reply = parse(SHAPES["webhook_inbound_list_reply"])[0]
    assert isinstance(reply, InboundMessage)
    assert reply.type == "interactive" and reply.context_id == WAMID
    assert reply.context_from == "15550783881"


def test_parse_statuses() -> None:
    for status in ("sent", "delivered", "read"):
        event = parse(SHAPES[f"webhook_status_{status}"])[0]
        assert isinstance(event, StatusUpdate)
        assert (event.id, event.status, event.recipient_id) == (WAMID, status, "16505550123")
        assert event.key == f"status:{WAMID}:{status}"
    failed = parse(SHAPES["webhook_status_failed_outside_window_131047"])[0]
    assert isinstance(failed, StatusUpdate) and failed.error_codes == (131047,)


@pytest.mark.parametrize(
    ("mutate", "path"),
    [
        (lambda b: b.update(object="page"), "$.object"),
        (lambda b: b.update(entry={}), "$.entry"),
        (lambda b: b["entry"][0]["changes"][0]["value"]["statuses"][0].pop("id"), ".id"),
        (
            lambda b: b["entry"][0]["changes"][0]["value"]["statuses"][0].update(timestamp="x"),
            ".timestamp",
        ),
        (
            lambda b: b["entry"][0]["changes"][0]["value"]["statuses"][0].update(status="lost"),
            ".status",
        ),
    ],
)
def test_bad_shapes_name_the_field(mutate: Any, path: str) -> None:
    body = copy.deepcopy(SHAPES["webhook_status_sent"])
    mutate(body)
    with pytest.raises(WebhookFormatError, match=path.replace("$", r"\$").replace(".", r"\.")):
        parse(body)


def test_parse_bytes_rejects_non_json() -> None:
    with pytest.raises(WebhookFormatError, match="not valid JSON"):
        parse_bytes(b"{nope")
    with pytest.raises(WebhookFormatError, match="not valid JSON"):
        parse_bytes(b"\xff\xfe")


def test_other_fields_are_skipped() -> None:
    body = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "1",
                "changes": [{"field": "account_update", "value": {"event": "VERIFIED_ACCOUNT"}}],
            }
        ],
    }
    assert parse(body) == []


def _history_with_send(store: Store) -> None:
    store.record_send(
        profile="sandbox",
        recipient="16505550123",
        payload={"type": "text"},
        outcome="accepted",
        wamid=WAMID,
    )


def test_recorder_applies_and_deduplicates(tmp_path: Path) -> None:
    seen: list[object] = []
    with Store(tmp_path / "db.sqlite3") as store:
        _history_with_send(store)
        recorder = WebhookRecorder(store, seen.append)
        first = recorder.apply(parse(SHAPES["webhook_status_delivered"]))
        again = recorder.apply(parse(SHAPES["webhook_status_delivered"]))
        assert (first.recorded, again.recorded, again.duplicates) == (1, 0, 1)
        assert len(seen) == 1
        assert store.history()[0].status == "delivered"
        recorder.apply(parse(SHAPES["webhook_inbound_text"]))
        inbound = store.last_inbound("16505550123")
        assert inbound is not None and inbound.source == "webhook"
        assert inbound.at == datetime.fromtimestamp(1750025136, UTC)


def test_failed_131047_closes_window_and_keeps_the_mapped_error(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite3") as store:
        _history_with_send(store)
        store.set_last_inbound("16505550123", datetime.fromtimestamp(1750025136, UTC), "manual")
        result = WebhookRecorder(store).apply(
            parse(SHAPES["webhook_status_failed_outside_window_131047"])
        )
        assert result.windows_closed == 1
        record = store.history()[0]
        assert record.status == "failed"
        assert record.error is not None and record.error["code"] == 131047
        assert record.error["next_step"]
        # 1750030073 is about 1 h 23 min after the inbound: the clock says open, the API says no
        now = datetime.fromtimestamp(1750030080, UTC)
        status = load_facts(store, "16505550123").status(now)
        assert status.state is WindowState.CLOSED and status.closed_by_api


def test_import_pasted_body_and_bare_value(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite3") as store:
        _history_with_send(store)
        text = json.dumps(SHAPES["webhook_status_read"])
        assert import_pasted(text, store).statuses == 1
        assert store.history()[0].status == "read"
        value = SHAPES["webhook_inbound_text"]["entry"][0]["changes"][0]["value"]
        result = import_pasted(json.dumps(value), store)
        assert result.inbound == 1
        inbound = store.last_inbound("16505550123")
        assert inbound is not None and inbound.source == "pasted"
    with pytest.raises(WebhookFormatError, match="not valid JSON"):
        parse_pasted("hello")
    with pytest.raises(WebhookFormatError, match="no messages or statuses"):
        parse_pasted('{"object": "whatsapp_business_account", "entry": []}')


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(
    body=st.binary(max_size=256), secret=st.text(min_size=1, max_size=32), flip=st.integers(0, 255)
)
def test_any_signed_body_verifies_and_any_change_fails(body: bytes, secret: str, flip: int) -> None:
    header = sign(body, secret)
    assert verify_signature(body, header, secret)
    if body:
        i = flip % len(body)
        changed = body[:i] + bytes([body[i] ^ 0x01]) + body[i + 1 :]
        assert not verify_signature(changed, header, secret)


FIELDS = ("from", "id", "timestamp", "type", "context", "status", "errors", "recipient_id")
ITEM = st.fixed_dictionaries({}, optional={k: JSON for k in FIELDS})
VALUE = st.fixed_dictionaries(
    {},
    optional={
        "messages": st.lists(ITEM, max_size=3) | JSON,
        "statuses": st.lists(ITEM, max_size=3) | JSON,
        "contacts": JSON,
        "metadata": JSON,
        "errors": JSON,
    },
)


@settings(max_examples=150, deadline=None)
@given(data=JSON, value=VALUE)
def test_parse_never_raises_anything_but_format_errors(data: object, value: object) -> None:
    wrap = {"object": "whatsapp_business_account", "entry": [{"changes": [{"value": value}]}]}
    for body in (data, {"object": "whatsapp_business_account", "entry": data}, wrap):
        with contextlib.suppress(WebhookFormatError):
            parse(body)


def test_username_senders_without_phone_do_not_break_recording(tmp_path: Path) -> None:
    body = copy.deepcopy(SHAPES["webhook_inbound_text"])
    message = body["entry"][0]["changes"][0]["value"]["messages"][0]
    del message["from"]
    message["from_user_id"] = "US.13491208655302741918"
    with Store(tmp_path / "db.sqlite3") as store:
        events = parse(body)
        assert isinstance(events[0], InboundMessage)
        assert events[0].sender is None and events[0].user_id == "US.13491208655302741918"
        assert WebhookRecorder(store).apply(events).recorded == 1
