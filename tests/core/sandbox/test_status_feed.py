"""The sandbox's status webhooks: order, shape, reactions, async 131047, close() cancels."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from composer.sandbox import (
    CLOSED_CONTACT,
    OPEN_CONTACT,
    SANDBOX_PHONE_NUMBER_ID,
    Sandbox,
    SandboxTransport,
    StatusDelays,
)
from composer.sandbox.webhooks_out import recording_listener
from composer.storage.history import Store
from composer.webhooks.parsing import StatusUpdate, parse
from tests.core.sandbox.helpers import AUTH, Clock, ManualScheduler
from tests.examples import example, reference_shapes

FAST = StatusDelays(sent=0.01, delivered=0.03, read=0.06)
MESSAGES = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"


class Collector:
    """A status listener that records bodies and lets the test wait for a count."""

    def __init__(self) -> None:
        self.bodies: list[dict[str, Any]] = []
        self.threads: set[str] = set()
        self._cond = threading.Condition()

    def __call__(self, body: dict[str, Any]) -> None:
        with self._cond:
            self.bodies.append(body)
            self.threads.add(threading.current_thread().name)
            self._cond.notify_all()

    def wait_for(self, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.bodies) >= count, timeout), self.bodies
            return list(self.bodies)

    def statuses(self) -> list[tuple[str, str]]:
        items = [b["entry"][0]["changes"][0]["value"]["statuses"][0] for b in self.bodies]
        return [(i["id"], i["status"]) for i in items]


def _send(sandbox: Sandbox, payload: dict[str, Any]) -> httpx.Response:
    with httpx.Client(base_url="https://graph.example", transport=SandboxTransport(sandbox)) as c:
        return c.post(MESSAGES, json=payload, headers=AUTH)


def test_sent_delivered_read_in_order_and_meta_shaped() -> None:
    collector = Collector()
    with Sandbox(Clock(), delays=FAST) as sandbox:
        sandbox.add_status_listener(collector)
        wamid = _send(sandbox, example("list_single_section", OPEN_CONTACT.number)).json()[
            "messages"
        ][0]["id"]
        collector.wait_for(3)
    assert collector.statuses() == [(wamid, "sent"), (wamid, "delivered"), (wamid, "read")]
    assert collector.threads == {"sandbox-status-webhooks"}
    reference = reference_shapes()
    for body, name in zip(collector.bodies, ("sent", "delivered", "read"), strict=True):
        ref = reference[f"webhook_status_{name}"]
        assert set(body) == set(ref)
        value, ref_value = body["entry"][0]["changes"][0], ref["entry"][0]["changes"][0]
        assert set(value) == set(ref_value) and value["field"] == "messages"
        item = value["value"]["statuses"][0]
        assert set(item) == set(ref_value["value"]["statuses"][0])
        assert item["recipient_id"] == "15550100001" and item["timestamp"].isdigit()
        assert value["value"]["metadata"]["phone_number_id"] == SANDBOX_PHONE_NUMBER_ID
    # the webhook parser of the receiver reads them as the status updates they are
    events = [e for b in collector.bodies for e in parse(b)]
    assert [(e.id, e.status) for e in events if isinstance(e, StatusUpdate)] == [
        (wamid, "sent"),
        (wamid, "delivered"),
        (wamid, "read"),
    ]


def test_two_messages_each_keep_their_order() -> None:
    collector = Collector()
    with Sandbox(Clock(), delays=FAST) as sandbox:
        sandbox.add_status_listener(collector)
        a = _send(sandbox, example("location_request", OPEN_CONTACT.number)).json()
        b = _send(sandbox, example("location_request", "+447700900123")).json()
        collector.wait_for(6)
    for wamid in (a["messages"][0]["id"], b["messages"][0]["id"]):
        assert [s for w, s in collector.statuses() if w == wamid] == ["sent", "delivered", "read"]


def test_reaction_only_gets_sent() -> None:
    collector, timer = Collector(), ManualScheduler()
    with Sandbox(Clock(), delays=FAST, scheduler=timer) as sandbox:
        sandbox.add_status_listener(collector)
        wamid = _send(sandbox, example("location_request", OPEN_CONTACT.number)).json()["messages"][
            0
        ]["id"]
        reaction = example("reaction_add", OPEN_CONTACT.number)
        reaction["reaction"]["message_id"] = wamid
        reacted = _send(sandbox, reaction).json()["messages"][0]["id"]
        assert timer.pending() == 4  # three for the message, one ("sent") for the reaction
        assert timer.advance(3600) == 4  # long after any "delivered" could have been due
        assert timer.pending() == 0
    assert [s for w, s in collector.statuses() if w == reacted] == ["sent"]
    assert [s for w, s in collector.statuses() if w == wamid] == ["sent", "delivered", "read"]


def test_async_window_mode_reports_131047_in_a_failed_status() -> None:
    collector, timer = Collector(), ManualScheduler()
    with Sandbox(Clock(), delays=FAST, window_errors="async", scheduler=timer) as sandbox:
        sandbox.add_status_listener(collector)
        r = _send(sandbox, example("location_request", CLOSED_CONTACT.number))
        assert r.status_code == 200
        wamid = r.json()["messages"][0]["id"]
        assert timer.advance(3600) == 1 and timer.pending() == 0  # one status, and no other
    assert collector.statuses() == [(wamid, "failed")]
    item = collector.bodies[0]["entry"][0]["changes"][0]["value"]["statuses"][0]
    ref = reference_shapes()["webhook_status_failed_outside_window_131047"]["entry"][0]["changes"][
        0
    ]["value"]["statuses"][0]
    assert item["errors"] == ref["errors"]


def test_close_cancels_pending_webhooks() -> None:
    collector, timer = Collector(), ManualScheduler()
    sandbox = Sandbox(
        Clock(), delays=StatusDelays(sent=0.3, delivered=0.4, read=0.5), scheduler=timer
    )
    sandbox.add_status_listener(collector)
    assert _send(sandbox, example("location_request", OPEN_CONTACT.number)).status_code == 200
    assert timer.pending() == 3
    sandbox.close()
    assert timer.closed and timer.pending() == 0
    assert timer.advance(3600) == 0
    assert collector.bodies == []
    sandbox.close()  # twice is fine


def test_close_stops_the_real_timer_thread() -> None:
    """The default scheduler: close() joins its thread, so nothing can run afterwards."""
    collector = Collector()
    sandbox = Sandbox(Clock(), delays=StatusDelays(sent=0.3, delivered=0.4, read=0.5))
    sandbox.add_status_listener(collector)
    before = set(threading.enumerate())
    assert _send(sandbox, example("location_request", OPEN_CONTACT.number)).status_code == 200
    (thread,) = [t for t in threading.enumerate() if t not in before]
    assert thread.name == "sandbox-status-webhooks" and thread.is_alive()
    sandbox.close()
    assert not thread.is_alive()
    assert collector.bodies == []


def test_a_failing_listener_does_not_stop_the_others() -> None:
    collector, timer = Collector(), ManualScheduler()

    def broken(body: dict[str, Any]) -> None:
        raise RuntimeError("receiver down")

    with Sandbox(Clock(), delays=FAST, scheduler=timer) as sandbox:
        sandbox.add_status_listener(broken)
        sandbox.add_status_listener(collector)
        _send(sandbox, example("location_request", OPEN_CONTACT.number))
        assert timer.advance(3600) == 3
        sandbox.remove_status_listener(collector)
        _send(sandbox, example("location_request", "+447700900123"))
        assert timer.advance(3600) == 3  # delivered, to the broken listener only
    assert len(collector.bodies) == 3


def test_callback_data_is_echoed_in_statuses() -> None:
    collector = Collector()
    with Sandbox(Clock(), delays=FAST) as sandbox:
        sandbox.add_status_listener(collector)
        body = example("location_request", OPEN_CONTACT.number)
        body["biz_opaque_callback_data"] = "order-4471"
        _send(sandbox, body)
        collector.wait_for(3)
    items = [b["entry"][0]["changes"][0]["value"]["statuses"][0] for b in collector.bodies]
    assert [i["biz_opaque_callback_data"] for i in items] == ["order-4471"] * 3


def test_customer_writes_sends_an_inbound_webhook() -> None:
    collector = Collector()
    clock = Clock()
    with Sandbox(clock, delays=FAST) as sandbox:
        sandbox.add_status_listener(collector)
        assert sandbox.customer_writes(CLOSED_CONTACT.number) is None  # window only
        assert sandbox.last_inbound(CLOSED_CONTACT.number) == clock.now
        clock.advance(minutes=5)
        body = sandbox.customer_writes("+1 555 010 0003", text="Olá, ça va?")
        assert collector.wait_for(1) == [body]
    assert sandbox.last_inbound(CLOSED_CONTACT.number) == clock.now
    reference = reference_shapes()["webhook_inbound_text"]
    value = collector.bodies[0]["entry"][0]["changes"][0]["value"]
    ref_value = reference["entry"][0]["changes"][0]["value"]
    assert set(value) == set(ref_value)
    assert value["contacts"] == [
        {
            "profile": {"name": "Chloé Martin"},
            "wa_id": "15550100003",
            "user_id": CLOSED_CONTACT.user_id,
        }
    ]
    message = value["messages"][0]
    assert set(message) == set(ref_value["messages"][0])
    assert message["text"] == {"body": "Olá, ça va?"} and message["from"] == "15550100003"
    assert message["from_user_id"] == CLOSED_CONTACT.user_id


def test_recording_listener_fills_the_history_without_http(tmp_path: Path) -> None:
    clock = Clock(datetime.now(UTC))
    timer = ManualScheduler()
    with (
        Store(tmp_path / "h.sqlite3") as store,
        Sandbox(clock, delays=FAST, scheduler=timer) as sandbox,
    ):
        seen: list[object] = []
        sandbox.add_status_listener(recording_listener(store, seen.append))
        body = example("location_request", OPEN_CONTACT.number)
        wamid = _send(sandbox, body).json()["messages"][0]["id"]
        store.record_send(
            profile="sandbox",
            recipient=OPEN_CONTACT.number,
            payload=body,
            outcome="accepted",
            wamid=wamid,
        )
        sandbox.customer_writes(CLOSED_CONTACT.number, text="hi")
        assert timer.advance(3600) == 4 and len(seen) == 4
        record = store.find_by_wamid(wamid)
        assert record is not None and record.status == "read"
        inbound = store.last_inbound(CLOSED_CONTACT.number)
        assert inbound is not None and inbound.source == "sandbox"
        assert abs((inbound.at - clock.now).total_seconds()) < 1  # webhook times are seconds
