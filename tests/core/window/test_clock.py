"""The 24-hour window with an injected clock: exact boundaries, 131047 closures, formatting."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer import limits
from composer.storage.history import Store
from composer.window.facts import (
    Closure,
    Tone,
    WindowState,
    format_countdown,
    load_facts,
    parse_iso_utc,
    send_block_reason,
    send_warning,
    tone,
    window_status,
)
from composer.window.texts import describe, format_ago, format_moment

T0 = datetime(2026, 11, 24, 14, 32, 0, tzinfo=UTC)
WINDOW = timedelta(seconds=limits.SERVICE_WINDOW_SECONDS)
CLOSING = timedelta(seconds=limits.WINDOW_CLOSING_SECONDS)
TICK = timedelta(microseconds=1)


@dataclass(frozen=True)
class Inbound:
    at: datetime
    source: str = "webhook"


def test_unknown_without_any_record() -> None:
    status = window_status(None, T0)
    assert status.state is WindowState.UNKNOWN
    assert status.to_json("1555") == {
        "recipient": "1555",
        "last_inbound": None,
        "source": None,
        "closes_at": None,
        "state": "unknown",
        "seconds_left": None,
    }


@pytest.mark.parametrize(
    ("offset", "state", "seconds_left"),
    [
        (timedelta(0), WindowState.OPEN, limits.SERVICE_WINDOW_SECONDS),
        (WINDOW - CLOSING - TICK, WindowState.OPEN, limits.WINDOW_CLOSING_SECONDS),
        (WINDOW - CLOSING, WindowState.OPEN, limits.WINDOW_CLOSING_SECONDS),
        (WINDOW - CLOSING + TICK, WindowState.CLOSING, limits.WINDOW_CLOSING_SECONDS - 1),
        (WINDOW - timedelta(seconds=1), WindowState.CLOSING, 1),
        (WINDOW - TICK, WindowState.CLOSING, 0),
        (WINDOW, WindowState.CLOSED, 0),
        (WINDOW + timedelta(hours=5), WindowState.CLOSED, 0),
    ],
)
def test_exact_boundaries(offset: timedelta, state: WindowState, seconds_left: int) -> None:
    status = window_status(Inbound(T0), T0 + offset)
    assert status.state is state
    assert status.seconds_left == seconds_left
    assert status.closes_at == T0 + WINDOW
    assert status.last_inbound == T0 and status.source == "webhook"


def test_131047_closes_an_open_window_until_a_newer_inbound() -> None:
    now = T0 + timedelta(hours=2)
    closure = Closure(T0 + timedelta(hours=1), "webhook")
    status = window_status(Inbound(T0), now, closure)
    assert status.state is WindowState.CLOSED and status.closed_by_api
    assert status.closes_at == closure.at and status.seconds_left == 0
    newer = window_status(Inbound(T0 + timedelta(hours=1, minutes=5)), now, closure)
    assert newer.state is WindowState.OPEN and not newer.closed_by_api


def test_131047_without_inbound_record_is_closed_not_unknown() -> None:
    status = window_status(None, T0, Closure(T0 - timedelta(minutes=3), "send"))
    assert status.state is WindowState.CLOSED and status.closed_by_api


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        window_status(Inbound(datetime(2026, 1, 1)), T0)


def test_store_round_trip_sync_and_async_131047(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite3") as store:
        assert load_facts(store, "+1 555 0100 001").status(T0).state is WindowState.UNKNOWN
        store.set_last_inbound("+1 555 0100 001", T0, "manual")
        facts = load_facts(store, "15550100001")
        assert facts.status(T0 + timedelta(hours=1)).state is WindowState.OPEN
        # asynchronous: a failed status 131047 an hour later
        store.mark_window_closed("15550100001", T0 + timedelta(hours=1), "webhook")
        closed = load_facts(store, "15550100001").status(T0 + timedelta(hours=1, seconds=1))
        assert closed.state is WindowState.CLOSED and closed.closed_by_api
        # the customer writes again: open
        store.set_last_inbound("15550100001", T0 + timedelta(hours=3), "webhook")
        reopened = load_facts(store, "15550100001").status(T0 + timedelta(hours=3))
        assert reopened.state is WindowState.OPEN
        # synchronous: a 400 with 131047 for a number we never heard from
        store.mark_window_closed("15550100002", T0, "send")
        assert load_facts(store, "15550100002").status(T0).state is WindowState.CLOSED


def test_tones() -> None:
    assert tone(window_status(Inbound(T0), T0)) is Tone.OK
    assert tone(window_status(Inbound(T0), T0 + WINDOW - timedelta(minutes=30))) is Tone.AMBER
    assert tone(window_status(Inbound(T0), T0 + WINDOW - timedelta(minutes=9))) is Tone.RED
    assert tone(window_status(Inbound(T0), T0 + WINDOW)) is Tone.CLOSED
    assert tone(window_status(None, T0)) is Tone.NEUTRAL


def test_send_gating() -> None:
    closed = window_status(Inbound(T0), T0 + WINDOW)
    reason = send_block_reason("button", closed)
    assert reason is not None and "template" in reason
    assert send_block_reason("template", closed) is None
    assert send_block_reason("list", window_status(Inbound(T0), T0)) is None
    assert send_block_reason("list", window_status(None, T0)) is None
    api = window_status(Inbound(T0), T0, Closure(T0, "webhook"))
    assert "131047" in (send_block_reason("reaction", api) or "")
    near = window_status(Inbound(T0), T0 + WINDOW - timedelta(minutes=4))
    assert "0:04:00" in (send_warning(near) or "")
    assert send_warning(window_status(Inbound(T0), T0 + WINDOW - timedelta(minutes=6))) is None


def test_formatting() -> None:
    assert format_countdown(13 * 3600 + 42 * 60 + 7) == "13:42:07"
    assert format_countdown(59) == "0:00:59"
    assert format_ago(2 * 3600 + 13 * 60 + 40) == "2 h 13 min"
    assert format_ago(30) == "less than a minute"
    assert format_ago(3 * 86400 + 3600) == "3 d 1 h"
    now = datetime(2026, 11, 25, 0, 50, tzinfo=UTC)
    assert format_moment(now - timedelta(hours=10, minutes=18), now, UTC) == "yesterday 14:32"
    assert format_moment(now, now, UTC) == "00:50"
    assert format_moment(now - timedelta(days=3), now, UTC) == "22 Nov 00:50"


def test_describe_open_and_closed() -> None:
    last = datetime(2026, 11, 24, 14, 32, tzinfo=UTC)
    now = last + timedelta(hours=10, minutes=17, seconds=53)
    text = describe(window_status(Inbound(last), now), now, UTC)
    assert text == "closes in 13:42:07, at 14:32 (last message yesterday 14:32, via webhook)"
    later = last + WINDOW + timedelta(hours=2, minutes=13)
    closed = describe(window_status(Inbound(last, "manual"), later), later, UTC)
    assert closed.startswith("closed 2 h 13 min ago") and "via manual entry" in closed
    assert "unknown" in describe(window_status(None, now), now, UTC)
    pasted = describe(window_status(Inbound(last, "pasted"), now), now, UTC)
    assert pasted.endswith("(last message yesterday 14:32, via pasted webhook JSON)")


def test_describe_uses_the_given_zone() -> None:
    zone = timezone(timedelta(hours=2))
    now = T0 + timedelta(hours=1)
    assert "tomorrow at 16:32 (last message 16:32," in describe(
        window_status(Inbound(T0), now), now, zone
    )


def test_parse_iso_utc() -> None:
    assert parse_iso_utc("2026-11-24T14:32:00Z") == T0
    assert parse_iso_utc("2026-11-24T15:32:00+01:00") == T0
    with pytest.raises(ValueError, match="not an ISO 8601"):
        parse_iso_utc("yesterday")
    with pytest.raises(ValueError, match="no time zone"):
        parse_iso_utc("2026-11-24T14:32:00")
    with pytest.raises(ValueError, match="in the future"):
        parse_iso_utc("2026-11-24T15:32:00Z", now=T0)


ORDER = {WindowState.OPEN: 0, WindowState.CLOSING: 1, WindowState.CLOSED: 2}


@settings(max_examples=200, deadline=None)
@given(ago=st.lists(st.integers(-3600, 3 * limits.SERVICE_WINDOW_SECONDS), min_size=2, max_size=6))
def test_time_only_moves_the_window_towards_closed(ago: list[int]) -> None:
    """As now advances, seconds_left never grows and the state never goes back."""
    nows = sorted(T0 + timedelta(seconds=s) for s in ago)
    statuses = [window_status(Inbound(T0), now) for now in nows]
    for before, after in itertools.pairwise(statuses):
        assert (after.seconds_left or 0) <= (before.seconds_left or 0)
        assert ORDER[after.state] >= ORDER[before.state]
    for now, status in zip(nows, statuses, strict=True):
        left = (T0 + WINDOW - now).total_seconds()
        assert (status.state is WindowState.CLOSED) == (left <= 0)
        assert (status.state is WindowState.CLOSING) == (0 < left < limits.WINDOW_CLOSING_SECONDS)
