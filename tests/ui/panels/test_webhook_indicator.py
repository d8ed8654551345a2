"""In-app receiver: sandbox webhooks arrive on the UI thread; indicator; paste-webhook dialog."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pytestqt.qtbot import QtBot

from composer.accounts import sandbox_profile
from composer.graph.client import GraphClient
from composer.sandbox import OPEN_CONTACT, Sandbox, SandboxTransport, StatusDelays
from composer.storage.history import Store
from composer.webhooks.parsing import SIGNATURE_HEADER, canonical_body, sign
from tests.examples import example, reference_shapes
from ui.panels.webhook_indicator import WebhookIndicator
from ui.panels.webhook_receiver import WebhookReceiverControl

SHAPES: dict[str, Any] = reference_shapes()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "db.sqlite3") as opened:
        yield opened


@pytest.fixture
def control(store: Store) -> Iterator[WebhookReceiverControl]:
    made = WebhookReceiverControl(store, port=0)  # tests never take the fixed default port
    yield made
    made.stop()


def test_sandbox_statuses_reach_the_ui_thread_and_history(
    qtbot: QtBot, store: Store, control: WebhookReceiverControl
) -> None:
    indicator = WebhookIndicator(control, store)
    qtbot.addWidget(indicator)
    assert indicator.level() == "off"
    assert control.start()  # no secret: sandbox-only
    assert indicator.level() == "sandbox" and control.url in indicator.label.text()
    threads: list[threading.Thread] = []
    control.event_received.connect(lambda _e: threads.append(threading.current_thread()))
    with Sandbox(delays=StatusDelays(sent=0.5, delivered=0.7, read=0.9)) as sandbox:
        control.attach_sandbox(sandbox)
        client = GraphClient(sandbox_profile(), "sandbox-token", SandboxTransport(sandbox))
        payload = example("reply_buttons_text_header")
        payload["to"] = OPEN_CONTACT.number
        wamid = client.send_message(payload).wamid
        store.record_send(
            profile="sandbox",
            recipient=OPEN_CONTACT.number,
            payload=payload,
            outcome="accepted",
            wamid=wamid,
        )
        qtbot.waitUntil(lambda: control.events_seen == 3, timeout=10_000)
        qtbot.wait(50)  # nothing more may arrive
        client.close()
    assert threads == [threading.main_thread()] * 3
    record = store.find_by_wamid(wamid)
    assert record is not None and record.status == "read"
    assert "3 events" in indicator.label.text() and "sandbox only" in indicator.label.text()
    indicator.toggle.click()
    assert indicator.level() == "off" and not control.running


def test_real_secrets_accept_meta_signed_posts(
    qtbot: QtBot, store: Store, control: WebhookReceiverControl
) -> None:
    indicator = WebhookIndicator(control, store)
    qtbot.addWidget(indicator)
    assert control.start("app-secret", "verify-me")
    assert indicator.level() == "on"
    body = canonical_body(SHAPES["webhook_inbound_text"])
    assert httpx.post(control.url or "", content=body).status_code == 403
    ok = httpx.post(
        control.url or "", content=body, headers={SIGNATURE_HEADER: sign(body, "app-secret")}
    )
    assert ok.status_code == 200
    qtbot.waitUntil(lambda: control.events_seen == 1, timeout=5000)
    inbound = store.last_inbound("16505550123")
    assert inbound is not None and inbound.source == "webhook"


def test_port_in_use_is_reported(qtbot: QtBot, store: Store) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        control = WebhookReceiverControl(store, port=port)
        indicator = WebhookIndicator(control, store)
        qtbot.addWidget(indicator)
        assert not control.start()
        assert indicator.level() == "error" and str(port) in indicator.label.text()


def test_paste_dialog_imports_and_explains_errors(
    qtbot: QtBot, store: Store, control: WebhookReceiverControl
) -> None:
    indicator = WebhookIndicator(control, store)
    qtbot.addWidget(indicator)
    dialog = indicator.open_paste_dialog()
    dialog.text.setPlainText("{not json")
    assert not dialog.import_text()
    assert "not valid JSON" in dialog.message.text()
    assert store.last_inbound("16505550123") is None
    dialog.text.setPlainText(json.dumps(SHAPES["webhook_inbound_reaction"], ensure_ascii=False))
    with qtbot.waitSignal(dialog.imported):
        dialog.import_button.click()
    assert dialog.message.text() == "Imported 1 inbound message, 0 statuses."
    inbound = store.last_inbound("16505550123")
    assert inbound is not None and inbound.source == "pasted"
    dialog.close()


def test_event_count_reads_as_words() -> None:
    from ui.panels.webhook_indicator import events_text

    assert [events_text(n) for n in (0, 1, 2)] == ["no events yet", "1 event", "2 events"]
