"""The 24-hour window in the composer window: closed -> Send disabled for interactive types with
the reason shown; open -> Send enabled; a 131047 learnt later closes it after a refresh."""

from __future__ import annotations

import copy
from datetime import UTC, datetime

from pytestqt.qtbot import QtBot

from composer.sandbox import CLOSED_CONTACT, OPEN_CONTACT
from composer.window import WindowState
from tests.ui.conftest import examples
from ui.main_window import MainWindow
from ui.panels.window_countdown import WindowCountdown


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
