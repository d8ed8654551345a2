"""The 24-hour window in the composer window: closed -> Send disabled for interactive types with
the reason shown; open -> Send enabled; a 131047 learnt later closes it after a refresh."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from composer.sandbox import CLOSED_CONTACT, OPEN_CONTACT, Sandbox, StatusDelays
from composer.storage.drafts import DraftStore
from composer.window.facts import WindowState
from tests.examples import examples
from tests.ui.conftest import open_window
from ui.panels.window_countdown import WindowCountdown
from ui.services import Services
from ui.window.main_window import MainWindow


def _load(window: MainWindow, name: str, to: str) -> None:
    payload = copy.deepcopy(examples()[name])
    payload["to"] = to
    assert window.load_payload(payload) is None


def test_closed_window_disables_send_with_the_reason(window: MainWindow, qtbot: QtBot) -> None:
    countdown = window.countdown
    assert isinstance(countdown, WindowCountdown) and countdown.isVisible()
    for name in ("reply_buttons_text_header", "list_single_section", "cta_url_text_header"):
        _load(window, name, CLOSED_CONTACT.number)
        assert countdown.status().state is WindowState.CLOSED
        assert countdown.headline.text().startswith("closed ")
        assert not window.send_bar.button.isEnabled(), name
        reason = window.send_bar.status.text()
        assert "template" in reason and "24 h" in reason, reason

    _load(window, "reply_buttons_text_header", OPEN_CONTACT.number)
    assert countdown.status().state is WindowState.OPEN
    assert countdown.headline.text().startswith("closes in ")
    assert window.send_bar.button.isEnabled()


def test_a_later_131047_closes_an_open_window(window: MainWindow, qtbot: QtBot) -> None:
    _load(window, "list_single_section", OPEN_CONTACT.number)
    assert window.send_bar.button.isEnabled()
    window.services.store().mark_window_closed(OPEN_CONTACT.number, datetime.now(UTC), "webhook")
    window.countdown.refresh()
    assert window.countdown.status().closed_by_api
    assert not window.send_bar.button.isEnabled()
    assert "131047" in window.send_bar.status.text()


@pytest.fixture
def live_services(home: Path) -> Iterator[Services]:
    """The in-process sandbox with short status delays: its webhooks reach the window."""
    delays = StatusDelays(sent=0.5, delivered=0.7, read=0.9)
    svc = Services(
        drafts=DraftStore(home / "drafts"), sandbox_factory=lambda: Sandbox(delays=delays)
    )
    yield svc
    svc.close()


def _send(window: MainWindow, qtbot: QtBot) -> Any:
    assert window.send_bar.button.isEnabled(), window.send_bar.status.text()
    with qtbot.waitSignal(window.sent, timeout=10_000) as sent:
        window.send_bar.button.click()
    return sent.args[0]


def test_sandbox_statuses_reach_the_window_history(qtbot: QtBot, live_services: Services) -> None:
    window = open_window(qtbot, live_services)
    try:
        assert window.webhooks.running and window.webhooks.has_sandbox
        _load(window, "reply_buttons_text_header", OPEN_CONTACT.number)
        outcome = _send(window, qtbot)
        assert outcome.ok, outcome.text

        def read() -> bool:  # recorded by the server thread, then signalled to the UI thread
            record = live_services.store().find_by_wamid(outcome.wamid)
            return (
                record is not None and record.status == "read" and window.webhooks.events_seen == 3
            )

        qtbot.waitUntil(read, timeout=10_000)
        record = live_services.store().find_by_wamid(outcome.wamid)
        assert record is not None and set(record.status_times) == {"sent", "delivered", "read"}
        assert window.webhooks.events_seen == 3
    finally:
        window.close()
        window.tasks.wait()
    assert not window.webhooks.running  # closing the window stops the receiver


def test_synchronous_131047_closes_the_window(qtbot: QtBot, live_services: Services) -> None:
    window = open_window(qtbot, live_services)
    try:
        number = "+1 555 0100 077"  # unknown to the app; the customer wrote 30 h ago
        live_services.sandbox().customer_writes(number, datetime.now(UTC) - timedelta(hours=30))
        _load(window, "list_single_section", number)
        assert window.countdown.status().state is WindowState.UNKNOWN
        outcome = _send(window, qtbot)
        assert not outcome.ok and "131047" in outcome.text
        status = window.countdown.status()
        assert status.state is WindowState.CLOSED and status.closed_by_api
        assert not window.send_bar.button.isEnabled()
    finally:
        window.close()
        window.tasks.wait()


def test_warns_when_the_window_closes_within_minutes(window: MainWindow, qtbot: QtBot) -> None:
    number = "15550100066"
    at = datetime.now(UTC) - timedelta(hours=24) + timedelta(minutes=4)
    window.services.store().set_last_inbound(number, at, "manual")
    _load(window, "list_single_section", number)
    assert window.send_bar.button.isEnabled()
    text = window.send_bar.status.text()
    assert "closes in 0:0" in text and "131047" in text, text
    assert window.countdown.headline.property("tone") == "red"


def test_typing_a_number_from_its_plus_never_raises(window: MainWindow, qtbot: QtBot) -> None:
    """Each keystroke of "+1 555 0100 003" goes through the countdown (a lone "+" raised)."""
    line = window.form.recipient.field.combo.lineEdit()
    assert line is not None
    line.clear()
    line.setFocus()
    for key in "+1 555 0100 003":
        qtbot.keyClicks(line, key)
        qtbot.wait(20)  # past the debounce: the countdown reads the number as typed so far
    qtbot.waitUntil(lambda: window.countdown.status().state is WindowState.CLOSED, timeout=3000)


def _load_to_user_id(window: MainWindow, name: str, user_id: str) -> None:
    payload = copy.deepcopy(examples()[name])
    del payload["to"]
    payload["recipient"] = user_id
    assert window.load_payload(payload) is None


def test_a_recipient_by_user_id_has_its_number_s_window(window: MainWindow, qtbot: QtBot) -> None:
    """The sandbox links each demo number to its BSUID: the window is found under either."""
    _load_to_user_id(window, "list_single_section", CLOSED_CONTACT.user_id)
    assert window.form.recipient.field.number() == CLOSED_CONTACT.user_id
    assert window.countdown.status().state is WindowState.CLOSED
    assert not window.send_bar.button.isEnabled()
    _load_to_user_id(window, "list_single_section", OPEN_CONTACT.user_id)
    assert window.countdown.status().state is WindowState.OPEN
    assert window.send_bar.button.isEnabled()
    assert not [i for i in window.session.issues() if i.is_error]


def test_typed_user_id_is_sent_as_recipient(qtbot: QtBot, live_services: Services) -> None:
    window = open_window(qtbot, live_services)
    try:
        _load(window, "reply_buttons_text_header", OPEN_CONTACT.number)
        line = window.form.recipient.field.combo.lineEdit()
        assert line is not None
        line.clear()
        qtbot.keyClicks(line, OPEN_CONTACT.user_id)
        qtbot.waitUntil(lambda: window.countdown.status().state is WindowState.OPEN, timeout=3000)
        assert f'"recipient": "{OPEN_CONTACT.user_id}"' in window.json_view.json_text()
        outcome = _send(window, qtbot)
        assert outcome.ok, outcome.text
        record = live_services.store().find_by_wamid(outcome.wamid)
        assert record is not None and record.recipient == OPEN_CONTACT.user_id
        assert record.payload["recipient"] == OPEN_CONTACT.user_id and "to" not in record.payload
    finally:
        window.close()
        window.tasks.wait()


def test_a_malformed_user_id_is_an_issue_on_the_to_field(window: MainWindow, qtbot: QtBot) -> None:
    _load(window, "list_single_section", "US.1349-1208")
    assert not window.send_bar.button.isEnabled()
    issues = [i for i in window.session.issues() if i.is_error]
    assert [(i.rule, i.path) for i in issues] == [("envelope.recipient_format", "to")]
    assert window.issues_panel.paths() == ["to"]  # a click focuses the To field
