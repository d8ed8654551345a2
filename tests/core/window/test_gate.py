"""send_decision: the one rule for whether Send is enabled, and the sentence when it is not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from composer.rules.issue import Issue, Severity
from composer.window.facts import Closure, WindowState, WindowStatus, window_status
from composer.window.gate import READY, send_decision

NOW = datetime(2026, 11, 25, 14, 32, tzinfo=UTC)
ERROR = Issue("button.title_len", "interactive.action.buttons[0]", Severity.ERROR, "Too long.")
WARNING = Issue("header.media.local_file", "interactive.header", Severity.WARNING, "Uploaded.")


class Inbound:
    def __init__(self, at: datetime, source: str = "webhook") -> None:
        self.at, self.source = at, source


OPEN = window_status(Inbound(NOW - timedelta(hours=1)), NOW)
EXPIRED = window_status(Inbound(NOW - timedelta(hours=25)), NOW)
BY_API = window_status(Inbound(NOW - timedelta(hours=1)), NOW, Closure(NOW, "send"))


def test_issue_is_error_only_for_errors() -> None:
    assert ERROR.is_error and not WARNING.is_error


def test_ready_when_nothing_stops_it() -> None:
    assert send_decision([WARNING], OPEN, "button", False) == READY
    assert send_decision([], None, "button", False).allowed  # unknown window: the API decides


def test_in_flight_wins_over_everything() -> None:
    decision = send_decision([ERROR], EXPIRED, "button", True, starting=True)
    assert (decision.allowed, decision.reason, decision.level) == (False, "Sending…", "busy")


def test_errors_are_counted_warnings_are_not() -> None:
    decision = send_decision([ERROR, WARNING, ERROR], OPEN, "button", False)
    assert not decision.allowed and decision.level == "error"
    assert decision.reason == "Send is disabled: fix 2 error(s) listed under Issues."


def test_starting_blocks_until_the_editor_is_usable() -> None:
    decision = send_decision([], OPEN, "button", False, starting=True)
    assert decision == (False, "Send is disabled: starting…", "warning")


@pytest.mark.parametrize(
    ("status", "words"),
    [(EXPIRED, "More than 24 h since the customer"), (BY_API, "WhatsApp answered 131047")],
)
def test_a_closed_window_blocks_everything_but_a_template(status: WindowStatus, words: str) -> None:
    assert status.state is WindowState.CLOSED
    decision = send_decision([], status, "button", False)
    assert not decision.allowed and decision.level == "warning"
    assert decision.reason is not None and decision.reason.startswith("Send is disabled: " + words)
    assert "template" in decision.reason
    assert send_decision([], status, "template", False).allowed


def test_a_closed_window_offers_a_template_as_the_way_out() -> None:
    from composer.window.gate import template_way_out

    assert template_way_out(EXPIRED, "button") and template_way_out(BY_API, "list")
    assert not template_way_out(EXPIRED, "template")  # already a template
    assert not template_way_out(OPEN, "button")  # nothing blocks it
    assert not template_way_out(None, "button")  # unknown: the API decides
