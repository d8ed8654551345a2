"""SendBar renders the core's send decision and, while a send runs, each attempt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from composer.graph.errors import error_from_graph
from composer.graph.retry import Attempt
from composer.rules.issue import Issue, Severity
from composer.sending import AttemptReport
from composer.window.facts import window_status
from composer.window.gate import send_decision
from ui.app import make_app
from ui.look import NAMES
from ui.panels.send_bar import SendBar
from ui.resources import token

NOW = datetime(2026, 11, 25, 14, 32, tzinfo=UTC)
ERROR = Issue("button.title_len", "interactive.action.buttons[0]", Severity.ERROR, "Too long.")


class Inbound:
    def __init__(self, at: datetime) -> None:
        self.at, self.source = at, "webhook"


def bar(qtbot: QtBot) -> SendBar:
    widget = SendBar()
    qtbot.addWidget(widget)
    return widget


def test_it_shows_exactly_the_core_decision(qtbot: QtBot) -> None:
    send_bar = bar(qtbot)
    assert not send_bar.can_send() and send_bar.status.text() == "Send is disabled: starting…"
    send_bar.set_starting(False)
    assert send_bar.can_send() and send_bar.status.text() == "Ready to send."
    closed = window_status(Inbound(NOW - timedelta(hours=30)), NOW)
    for issues, status in (([ERROR], None), ([], closed), ([ERROR], closed)):
        send_bar.set_issues(issues)
        send_bar.set_window(status, "button")
        decision = send_decision(issues, status, "button", False)
        assert send_bar.decision() == decision
        assert send_bar.button.isEnabled() is decision.allowed is False
        assert send_bar.status.text() == decision.reason == send_bar.button.toolTip()
        assert send_bar.status.property("level") == decision.level


def test_attempts_show_while_in_flight_and_go_with_it(qtbot: QtBot) -> None:
    send_bar = bar(qtbot)
    send_bar.set_starting(False)
    error = error_from_graph({"error": {"code": 130429, "message": "(#130429) limit"}}, 429)
    retry = AttemptReport(Attempt(1, False, 0.1, error, True, 4.0), 4)
    send_bar.show_attempt(retry)  # no send running: nothing to show
    assert send_bar.status.text() == "Ready to send."
    send_bar.set_in_flight(True)
    assert send_bar.status.text() == "Sending…"
    send_bar.show_attempt(retry)
    assert send_bar.status.text() == retry.status_text()
    assert send_bar.status.text().endswith("retrying in 4 s, attempt 2 of 4")
    assert send_bar.status.property("level") == "busy" and not send_bar.button.isEnabled()
    send_bar.set_in_flight(False)
    send_bar.show_result("ok", "Accepted by WhatsApp: wamid.X")
    assert send_bar.status.text() == "Accepted by WhatsApp: wamid.X"
    assert send_bar.result() == ("ok", "Accepted by WhatsApp: wamid.X")
    assert send_bar.button.toolTip() == "Send (Ctrl+Enter)"


def test_a_closed_window_offers_a_template_instead(qtbot: QtBot) -> None:
    send_bar = bar(qtbot)
    send_bar.show()
    send_bar.set_starting(False)
    closed = window_status(Inbound(NOW - timedelta(hours=30)), NOW)
    open_ = window_status(Inbound(NOW - timedelta(hours=1)), NOW)
    assert not send_bar.template_button.isVisible()
    send_bar.set_window(closed, "button")
    assert send_bar.template_button.isVisible() and not send_bar.button.isEnabled()
    with qtbot.waitSignal(send_bar.template_requested):
        send_bar.template_button.click()
    send_bar.set_kind("template")  # the window tells it the kind once switched
    assert not send_bar.template_button.isVisible() and send_bar.button.isEnabled()
    send_bar.set_window(open_, "button")
    assert not send_bar.template_button.isVisible()


def _send_fill(send_bar: SendBar) -> tuple[str, str]:
    """The button's colour just inside its left edge, half-way down, and at its corner (outside
    its rounded fill: the bar's surface shows there)."""
    image = send_bar.grab(send_bar.button.geometry()).toImage()
    return image.pixelColor(6, image.height() // 2).name(), image.pixelColor(0, 0).name()


def test_the_send_button_is_a_flat_accent_fill_in_every_state(qtbot: QtBot) -> None:
    """Flat, not Fusion's lighter gradient of the same colour (white on it: under 4.5:1)."""
    send_bar = bar(qtbot)
    send_bar.resize(600, 60)
    send_bar.show()
    qtbot.waitExposed(send_bar)
    send_bar.set_starting(False)
    assert send_bar.button.isEnabled()
    assert _send_fill(send_bar) == (token("accent"), token("surface"))
    send_bar.button.setAttribute(Qt.WidgetAttribute.WA_UnderMouse)  # as Qt marks it on Enter
    assert _send_fill(send_bar)[0] == token("accent_hover")
    send_bar.button.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, False)
    send_bar.set_issues([ERROR])
    assert not send_bar.button.isEnabled()
    off = NAMES["sendButton"].off
    assert off is not None and _send_fill(send_bar)[0] == off[0]


def test_the_send_button_draws_its_icon_once_it_is_given(qtbot: QtBot) -> None:
    """The icon comes after the first paint (``add_icon``) and is drawn left of the text, which
    moves right to keep the pair centred."""
    make_app()  # the ``icons:`` search path
    send_bar = bar(qtbot)
    send_bar.resize(600, 60)
    send_bar.show()
    qtbot.waitExposed(send_bar)
    send_bar.set_starting(False)
    before = send_bar.grab(send_bar.button.geometry()).toImage()
    send_bar.add_icon()
    after = send_bar.grab(send_bar.button.geometry()).toImage()
    fill = QColor(token("accent"))

    def ink_columns(image: QImage) -> list[int]:
        return [
            x
            for x in range(image.width())
            if any(image.pixelColor(x, y) != fill for y in range(8, image.height() - 8))
        ]

    assert min(ink_columns(after)) < min(ink_columns(before))  # the icon, left of the text
    assert max(ink_columns(after)) > max(ink_columns(before))  # the text, moved right
