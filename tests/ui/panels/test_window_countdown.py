"""The window countdown widget with a real store, real Qt widgets and an injected clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from composer import limits
from composer.storage.history import Store
from composer.window.facts import Tone, WindowState, WindowStatus, load_facts, send_block_reason
from ui.panels.window_countdown import TONE_COLOURS, WindowCountdown, shared_ticker

T0 = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
NUMBER = "15550100001"


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "db.sqlite3") as opened:
        yield opened


def _widget(qtbot: QtBot, store: Store, clock: Clock) -> WindowCountdown:
    widget = WindowCountdown(store=store, clock=clock, tz=UTC)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_closed_window_reports_closed_with_reason_and_gates_send(
    qtbot: QtBot, store: Store
) -> None:
    store.set_last_inbound(NUMBER, T0 - timedelta(hours=26, minutes=13), "webhook")
    clock = Clock()
    widget = _widget(qtbot, store, clock)
    with qtbot.waitSignal(widget.state_changed) as blocker:
        widget.set_recipient("+1 555 0100 001")
    status = blocker.args[0]
    assert isinstance(status, WindowStatus) and status.state is WindowState.CLOSED
    assert widget.headline.text() == "closed 2 h 13 min ago"
    assert "template" in widget.detail.text() and "via webhook" in widget.detail.text()
    assert widget.detail.text().startswith("Last message ")  # where from, then why and way out
    assert widget.headline.property("tone") == "closed"
    assert not widget.entry_row.isVisible()
    reason = send_block_reason("button", widget.status())
    assert reason is not None and "template" in reason


def test_countdown_turns_amber_then_red_then_closed(qtbot: QtBot, store: Store) -> None:
    store.set_last_inbound(NUMBER, T0, "sandbox")
    clock = Clock(T0 + timedelta(hours=10, minutes=17, seconds=53))
    widget = _widget(qtbot, store, clock)
    states: list[WindowState] = []
    widget.state_changed.connect(lambda s: states.append(s.state))
    widget.set_recipient(NUMBER)
    assert widget.headline.text() == "closes in 13:42:07, tomorrow at 12:00"
    assert widget.detail.text() == "last message 12:00, via sandbox"
    assert shared_ticker().is_running()
    clock.now = T0 + timedelta(seconds=limits.SERVICE_WINDOW_SECONDS - 1800)
    shared_ticker().tick()
    assert widget.headline.property("tone") == "amber"
    ink = widget.headline.palette().color(QPalette.ColorRole.WindowText)
    assert ink.name() == TONE_COLOURS[Tone.AMBER]
    clock.now = T0 + timedelta(seconds=limits.SERVICE_WINDOW_SECONDS - 300)
    shared_ticker().tick()
    assert widget.headline.property("tone") == "red"
    assert widget.headline.text().startswith("closes in 0:05:00")
    clock.now = T0 + timedelta(seconds=limits.SERVICE_WINDOW_SECONDS)
    shared_ticker().tick()
    assert widget.headline.text() == "closed less than a minute ago"
    assert states == [
        WindowState.OPEN,
        WindowState.CLOSING,
        WindowState.CLOSING,
        WindowState.CLOSED,
    ]


def test_async_131047_refresh_closes_an_open_window(qtbot: QtBot, store: Store) -> None:
    store.set_last_inbound(NUMBER, T0 - timedelta(hours=1), "webhook")
    widget = _widget(qtbot, store, Clock())
    widget.set_recipient(NUMBER)
    assert widget.status().state is WindowState.OPEN
    store.mark_window_closed(NUMBER, T0, "webhook")
    with qtbot.waitSignal(widget.state_changed):
        widget.refresh()
    assert widget.status().state is WindowState.CLOSED
    assert widget.detail.text().count("131047") == 1 and "via webhook" in widget.detail.text()


def test_unknown_offers_entry_and_ticker_stays_off(qtbot: QtBot, store: Store) -> None:
    clock = Clock()
    widget = _widget(qtbot, store, clock)
    widget.set_recipient(NUMBER)
    assert widget.status().state is WindowState.UNKNOWN
    assert widget.entry_row.isVisible() and "connect webhooks" in widget.detail.text()
    assert widget.connect_button.isVisible()
    assert not shared_ticker().is_running()
    with qtbot.waitSignal(widget.connect_webhooks_requested):
        widget.connect_button.click()
    # the customer wrote 3 hours ago: enter it inline
    widget.when.setDateTime(widget.to_edit(T0 - timedelta(hours=3)))
    with qtbot.waitSignal(widget.last_inbound_entered) as entered:
        widget.save.click()
    assert entered.args == [NUMBER, T0 - timedelta(hours=3)]
    record = store.last_inbound(NUMBER)
    assert record is not None and record.source == "manual"
    assert widget.status().state is WindowState.OPEN
    assert not widget.entry_row.isVisible()
    assert shared_ticker().is_running()


@pytest.mark.parametrize("typed", ["+", " + ", "(", "+-"])
def test_a_number_without_digits_yet_is_nobody_not_an_error(
    qtbot: QtBot, store: Store, typed: str
) -> None:
    widget = _widget(qtbot, store, Clock())
    widget.set_recipient(typed)  # the first keystrokes of "+1 555 ..." (raised ValueError before)
    assert widget.recipient() == ""
    assert widget.headline.text() == ""
    widget.set_recipient("+1")
    assert widget.recipient() != ""


def test_future_entry_is_refused(qtbot: QtBot, store: Store) -> None:
    clock = Clock()
    widget = _widget(qtbot, store, clock)
    widget.set_recipient(NUMBER)
    clock.now = T0 - timedelta(hours=2)  # the clock moved back: the shown time is now future
    widget.save.click()
    assert widget.entry_error.isVisible() and "future" in widget.entry_error.text()
    assert store.last_inbound(NUMBER) is None


def test_one_timer_for_all_and_stopped_when_hidden(qtbot: QtBot, store: Store) -> None:
    store.set_last_inbound(NUMBER, T0 - timedelta(hours=1), "webhook")
    ticker = shared_ticker()
    first, second = _widget(qtbot, store, Clock()), _widget(qtbot, store, Clock())
    first.set_recipient(NUMBER)
    second.set_recipient(NUMBER)
    assert ticker.subscriber_count() == 2 and ticker.is_running()
    first.hide()
    assert ticker.subscriber_count() == 1 and ticker.is_running()
    second.hide()
    assert ticker.subscriber_count() == 0 and not ticker.is_running()
    second.show()
    assert ticker.is_running()
    second.set_recipient("")
    assert not ticker.is_running()


def test_real_timer_ticks_once_a_second(qtbot: QtBot, store: Store) -> None:
    now = datetime.now(UTC)
    store.set_last_inbound(NUMBER, now - timedelta(hours=1), "webhook")
    widget = WindowCountdown(lambda n: load_facts(store, n), tz=UTC)
    qtbot.addWidget(widget)
    widget.show()
    widget.set_recipient(NUMBER)
    before = widget.headline.text()
    qtbot.waitUntil(lambda: widget.headline.text() != before, timeout=3000)
    widget.hide()
    assert not shared_ticker().is_running()


def test_no_recipient_shows_nothing(qtbot: QtBot, store: Store) -> None:
    widget = _widget(qtbot, store, Clock())
    with qtbot.waitSignal(widget.state_changed) as blocker:
        widget.set_recipient("  ")
    assert blocker.args[0].state is WindowState.UNKNOWN
    assert widget.headline.text() == "" and widget.detail.text() == ""
    assert not widget.entry_row.isVisible()
