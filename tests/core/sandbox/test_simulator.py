"""The sandbox in-process, through httpx and SandboxTransport: every answer it can give."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from composer.sandbox import (
    CLOSED_CONTACT,
    CLOSING_CONTACT,
    DEMO_CONTACTS,
    NOT_ON_WHATSAPP_CONTACT,
    OPEN_CONTACT,
    SANDBOX_PHONE_NUMBER_ID,
    RateRules,
    Sandbox,
    SandboxTransport,
    StatusDelays,
)
from composer.storage.history import Store
from tests.core.sandbox.helpers import AUTH, T0, Clock
from tests.examples import example, examples, reference_shapes

QUIET = StatusDelays(None, None, None)  # no status webhooks: these tests look at responses
MESSAGES = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def sandbox(clock: Clock) -> Iterator[Sandbox]:
    with Sandbox(clock, delays=QUIET) as s:
        yield s


def client_for(sandbox: Sandbox) -> httpx.Client:
    return httpx.Client(base_url="https://graph.facebook.com", transport=SandboxTransport(sandbox))


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[httpx.Client]:
    with client_for(sandbox) as c:
        yield c


def send(client: httpx.Client, payload: object) -> httpx.Response:
    return client.post(MESSAGES, json=payload, headers=AUTH)


def error_of(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}, body
    err: dict[str, Any] = body["error"]
    # Graph prefixes "(#code)" except for token and unknown-object errors (as the real one does)
    assert err["message"].startswith(f"(#{err['code']}) ") or err["code"] in (190, 100)
    assert err["type"] in ("OAuthException", "GraphMethodException")
    assert isinstance(err["fbtrace_id"], str) and len(err["fbtrace_id"]) >= 20
    return err


def buttons(to: str) -> dict[str, Any]:
    return example("reply_buttons_text_header", to)


# --- success --------------------------------------------------------------------------------------
def test_success_is_meta_shaped_with_unique_wamids(client: httpx.Client, clock: Clock) -> None:
    reference = reference_shapes()["send_success_response"]
    wamids = set()
    for i in range(30):
        clock.advance(seconds=7)  # stay under the pair rate
        r = send(client, buttons(OPEN_CONTACT.number))
        assert r.status_code == 200, r.text
        body = r.json()
        assert set(body) == set(reference)
        assert body["contacts"] == [{"input": "+15550100001", "wa_id": "15550100001"}]
        wamid = body["messages"][0]["id"]
        assert wamid.startswith("wamid.") and len(wamid) > 30
        wamids.add(wamid)
        assert i + 1 == len(wamids)
    assert r.headers["content-type"].startswith("application/json")


def test_input_is_echoed_and_wa_id_normalised(client: httpx.Client) -> None:
    r = send(client, buttons("+1 (555) 010-0001"))
    assert r.json()["contacts"] == [{"input": "+1 (555) 010-0001", "wa_id": "15550100001"}]


def test_every_valid_example_is_accepted(client: httpx.Client, clock: Clock) -> None:
    sent = send(client, buttons(OPEN_CONTACT.number)).json()["messages"][0]["id"]
    for name, payload in examples().items():
        payload = dict(payload, to=OPEN_CONTACT.number)
        if payload["type"] == "reaction":
            payload["reaction"] = dict(payload["reaction"], message_id=sent)
        clock.advance(seconds=7)
        r = send(client, payload)
        assert r.status_code == 200, (name, r.text)


# --- authentication and routing -----------------------------------------------------------------
@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer "}, {"Authorization": "Basic x"}]
)
def test_missing_token_is_401_code_190(client: httpx.Client, headers: dict[str, str]) -> None:
    r = client.post(MESSAGES, json=buttons(OPEN_CONTACT.number), headers=headers)
    assert r.status_code == 401
    assert error_of(r)["code"] == 190
    assert "www-authenticate" in r.headers


def test_any_bearer_token_is_accepted(client: httpx.Client) -> None:
    r = client.post(
        MESSAGES, json=buttons(OPEN_CONTACT.number), headers={"Authorization": "Bearer x"}
    )
    assert r.status_code == 200


def test_phone_number_info_with_and_without_version(client: httpx.Client) -> None:
    for path in (f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}", f"/{SANDBOX_PHONE_NUMBER_ID}"):
        r = client.get(path, headers=AUTH)
        assert r.status_code == 200
        assert r.json() == {
            "verified_name": "WA Composer Sandbox",
            "display_phone_number": "+1 555 0100 000",
            "quality_rating": "GREEN",
            "id": SANDBOX_PHONE_NUMBER_ID,
        }
    r = client.get(f"/{SANDBOX_PHONE_NUMBER_ID}", params={"fields": "throughput"}, headers=AUTH)
    assert r.json() == {"throughput": {"level": "STANDARD"}, "id": SANDBOX_PHONE_NUMBER_ID}


def test_unknown_phone_number_id_or_path(client: httpx.Client) -> None:
    for method, path in (("GET", "/v24.0/999"), ("POST", "/v24.0/999/messages"), ("GET", "/")):
        r = client.request(method, path, headers=AUTH, json={})
        assert r.status_code == 400
        err = error_of(r)
        assert err["code"] == 100 and err["error_subcode"] == 33


# --- the window and the recipients ------------------------------------------------------------
def test_closed_window_is_131047_synchronously(client: httpx.Client) -> None:
    r = send(client, buttons(CLOSED_CONTACT.number))
    assert r.status_code == 400
    err = error_of(r)
    assert err["code"] == 131047 and err["message"] == "(#131047) Re-engagement message"
    assert "24 hours" in err["error_data"]["details"]


def test_closing_contact_closes_ten_minutes_later(client: httpx.Client, clock: Clock) -> None:
    assert send(client, buttons(CLOSING_CONTACT.number)).status_code == 200
    clock.advance(minutes=9, seconds=59)
    assert send(client, buttons(CLOSING_CONTACT.number)).status_code == 200
    clock.advance(seconds=1)  # exactly 24 h after the last inbound message
    assert error_of(send(client, buttons(CLOSING_CONTACT.number)))["code"] == 131047


def test_not_on_whatsapp_is_131026(client: httpx.Client) -> None:
    r = send(client, buttons(NOT_ON_WHATSAPP_CONTACT.number))
    assert r.status_code == 400
    assert error_of(r)["code"] == 131026


def test_other_numbers_open_a_window_at_their_first_message(
    client: httpx.Client, sandbox: Sandbox, clock: Clock
) -> None:
    assert sandbox.last_inbound("+447700900123") is None
    assert send(client, buttons("+447700900123")).status_code == 200
    assert sandbox.last_inbound("447700900123") == T0
    clock.advance(hours=24)
    assert error_of(send(client, buttons("+447700900123")))["code"] == 131047
    sandbox.customer_writes("+44 7700 900123")
    assert send(client, buttons("+447700900123")).status_code == 200


def test_demo_contacts_and_seed_store(sandbox: Sandbox, tmp_path: Path) -> None:
    assert [c.number for c in DEMO_CONTACTS] == [
        "+15550100001",
        "+15550100002",
        "+15550100003",
        "+15550100009",
    ]
    assert [c.name for c in DEMO_CONTACTS[:3]] == ["Ana Souza", "Ben Okafor", "Chloé Martin"]
    assert sandbox.last_inbound("+15550100001") == T0 - timedelta(hours=2)
    assert sandbox.last_inbound("+15550100002") == T0 - timedelta(hours=23, minutes=50)
    assert sandbox.last_inbound("+15550100003") == T0 - timedelta(hours=30)
    assert sandbox.last_inbound("+15550100009") is None
    with Store(tmp_path / "s.sqlite3") as store:
        sandbox.seed_store(store)
        for contact in DEMO_CONTACTS[:3]:
            rec = store.last_inbound(contact.number)
            assert rec is not None and rec.source == "sandbox"
            assert rec.at == sandbox.last_inbound(contact.number)
        assert store.last_inbound(NOT_ON_WHATSAPP_CONTACT.number) is None


# --- rates ----------------------------------------------------------------------------------------
def test_throughput_130429_is_configurable(clock: Clock) -> None:
    rules = RateRules(throughput_per_second=5)
    with Sandbox(clock, delays=QUIET, rates=rules) as sandbox, client_for(sandbox) as client:
        for i in range(5):
            assert send(client, buttons(f"+4477009000{i:02d}")).status_code == 200
        err = error_of(send(client, buttons("+447700900099")))
        assert err["code"] == 130429 and err["error_subcode"] == 2494055
        assert err["error_data"]["details"] == "Cloud API message throughput has been reached."
        clock.advance(seconds=1)
        assert send(client, buttons("+447700900099")).status_code == 200


def test_default_throughput_is_80_per_second(client: httpx.Client) -> None:
    codes = [send(client, buttons(f"+4477009{i:05d}")).status_code for i in range(81)]
    assert codes[:80] == [200] * 80
    assert codes[80] == 400


def test_pair_rate_burst_of_45_then_one_per_6_seconds(client: httpx.Client, clock: Clock) -> None:
    results = [send(client, buttons(OPEN_CONTACT.number)).status_code for _ in range(45)]
    assert results == [200] * 45
    err = error_of(send(client, buttons(OPEN_CONTACT.number)))
    assert err["code"] == 131056
    assert send(client, buttons(CLOSING_CONTACT.number)).status_code == 200  # other user: fine
    clock.advance(seconds=5.9)
    assert error_of(send(client, buttons(OPEN_CONTACT.number)))["code"] == 131056
    clock.advance(seconds=0.1)
    assert send(client, buttons(OPEN_CONTACT.number)).status_code == 200
    assert error_of(send(client, buttons(OPEN_CONTACT.number)))["code"] == 131056


def test_pair_rate_is_configurable(clock: Clock) -> None:
    rules = RateRules(pair_interval_seconds=1, pair_burst=2)
    with Sandbox(clock, delays=QUIET, rates=rules) as sandbox, client_for(sandbox) as client:
        assert [send(client, buttons(OPEN_CONTACT.number)).status_code for _ in range(3)] == [
            200,
            200,
            400,
        ]
        clock.advance(seconds=1)
        assert send(client, buttons(OPEN_CONTACT.number)).status_code == 200


# --- reactions ------------------------------------------------------------------------------------
def test_reaction_needs_a_wamid_this_sandbox_sent(client: httpx.Client, clock: Clock) -> None:
    reaction = example("reaction_add", OPEN_CONTACT.number)
    err = error_of(send(client, reaction))
    assert err["code"] == 131009 and "reaction['message_id']" in err["error_data"]["details"]
    wamid = send(client, buttons(OPEN_CONTACT.number)).json()["messages"][0]["id"]
    reaction["reaction"]["message_id"] = wamid
    assert send(client, reaction).status_code == 200


def test_reaction_rules_of_spec_5(client: httpx.Client, sandbox: Sandbox, clock: Clock) -> None:
    wamid = send(client, buttons(OPEN_CONTACT.number)).json()["messages"][0]["id"]
    reaction = example("reaction_add", CLOSING_CONTACT.number)
    reaction["reaction"]["message_id"] = wamid  # a message of another chat
    assert "not a message in this chat" in error_of(send(client, reaction))["error_data"]["details"]
    reaction["to"] = OPEN_CONTACT.number
    reacted = send(client, reaction).json()["messages"][0]["id"]
    reaction["reaction"]["message_id"] = reacted  # a reaction to a reaction
    assert "itself a reaction" in error_of(send(client, reaction))["error_data"]["details"]
    clock.advance(days=30, seconds=1)
    sandbox.customer_writes(OPEN_CONTACT.number)  # keep the window open
    reaction["reaction"]["message_id"] = wamid
    err = error_of(send(client, reaction))
    assert err["code"] == 131009 and "30 days" in err["error_data"]["details"]


# --- bodies the API cannot read -------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "details"),
    [
        (b"{not json", "not valid JSON"),
        (b'{"to": NaN}', "not valid JSON"),  # Python's json accepts NaN; Graph does not
        (b"[" * 10_000 + b"]" * 10_000, "nested too deeply"),  # was a RecursionError, no answer
    ],
)
def test_body_that_is_not_json_is_code_100(client: httpx.Client, body: bytes, details: str) -> None:
    r = client.post(MESSAGES, content=body, headers=AUTH)
    assert r.status_code == 400 and error_of(r)["code"] == 100
    assert details in error_of(r)["error_data"]["details"]


def test_concurrent_senders_share_the_pair_rate_exactly(sandbox: Sandbox) -> None:
    codes: list[int] = []
    wamids: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        with client_for(sandbox) as client:
            for _ in range(10):
                r = send(client, buttons(OPEN_CONTACT.number))
                with lock:
                    codes.append(r.json()["error"]["code"] if r.status_code != 200 else 200)
                    if r.status_code == 200:
                        wamids.append(r.json()["messages"][0]["id"])

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert codes.count(200) == 45 and codes.count(131056) == 35
    assert len(set(wamids)) == 45


def test_the_sandbox_forgets_ids_after_30_days_of_simulated_time() -> None:
    """A sandbox left running does not keep every message and media id forever (issue 15)."""
    clock = Clock()
    with Sandbox(clock, delays=StatusDelays(None, None, None)) as sandbox:
        transport = SandboxTransport(sandbox)
        with httpx.Client(base_url="https://graph.facebook.com", transport=transport) as c:
            first = send(c, example("location_request", OPEN_CONTACT.number))
            wamid = first.json()["messages"][0]["id"]
            assert sandbox.sent_message(wamid)
            clock.advance(days=29)
            assert sandbox.sent_message(wamid)
            clock.advance(days=2)
            assert not sandbox.sent_message(wamid)
            sandbox.customer_writes(OPEN_CONTACT.number)  # the window is open again
            later = send(c, example("location_request", OPEN_CONTACT.number))
            assert sandbox.sent_message(later.json()["messages"][0]["id"])


def test_the_id_memory_keeps_at_most_its_cap_and_drops_the_oldest() -> None:
    from composer.sandbox.expiring import ExpiringIds

    ids: ExpiringIds[int] = ExpiringIds(max_entries=3)
    for i in range(5):
        ids.put(f"id{i}", i, T0)
    assert len(ids) == 3
    assert ids.get("id0") is None and ids.get("id1") is None
    assert [ids.get(f"id{i}") for i in (2, 3, 4)] == [2, 3, 4]
