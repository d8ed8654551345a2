"""The window's history: a send shows up as one new row; Open in editor; Resend asks first and
sends only through the window's Send; a webhook status moves one row."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from composer.samples import sample_message
from composer.webhooks.parsing import StatusUpdate
from tests.ui.conftest import open_window
from ui.panels.history_model import DETAIL_COLUMN, STATUS_COLUMN
from ui.services import Services
from ui.window.main_window import MainWindow


def sent_once(qtbot: QtBot, window: MainWindow, kind: str = "button") -> Any:
    assert window.load_payload(to_payload(sample_message(kind))) is None
    with qtbot.waitSignal(window.sent, timeout=10_000) as sent:
        window.send()
    assert sent.args[0].ok
    return sent.args[0]


def count_sends(window: MainWindow) -> int:
    return window.services.store().history_count()


def test_resend_opens_the_send_and_asks_before_sending(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    first = sent_once(qtbot, window)
    window.tabs.setCurrentWidget(window.history)
    assert window.history.row_count() == 1
    own = to_payload(sample_message("reaction"))
    own["reaction"]["emoji"] = "🎉"  # the user's own unsaved reaction
    window.load_payload(own)
    questions: list[str] = []
    services.confirm = lambda q: bool(questions.append(q))  # answers No to everything
    window.history.select(0)
    window.history.resend_button.click()
    assert questions and "replace the current message" in questions[0]  # unsaved reaction
    assert window.form.kind() == "reaction" and count_sends(window) == 1
    questions.clear()
    services.confirm = lambda q: questions.append(q) is None and "again" not in q
    window.history.resend_button.click()  # yes, replace; no, do not send again
    assert window.form.kind() == "button"
    assert len(questions) == 2 and "again" in questions[1] and "+1 555-010-0001" in questions[1]
    assert "Reply buttons" in questions[1]
    assert not window.is_sending() and count_sends(window) == 1  # asked, refused: nothing sent
    questions.clear()
    services.confirm = lambda q: questions.append(q) is None  # yes to everything
    with qtbot.waitSignal(window.sent, timeout=10_000) as again:
        window.history.resend_button.click()
    assert again.args[0].ok and again.args[0].wamid != first.wamid
    assert count_sends(window) == 2
    assert window.history.row_count() == 2
    assert window.history.row(0)[DETAIL_COLUMN] == again.args[0].wamid
    window.tasks.wait()


def test_open_in_editor_loads_the_past_send(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    sent_once(qtbot, window, "list")
    window.tabs.setCurrentWidget(window.history)
    window.load_payload(to_payload(sample_message("button")))
    services.confirm = lambda q: True
    window.history.select(0)
    window.history.open_button.click()
    assert window.form.kind() == "list"
    assert not window.is_sending() and count_sends(window) == 1  # opening never sends
    window.tasks.wait()


def test_a_status_webhook_moves_one_row(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services)
    outcome = sent_once(qtbot, window)
    sent_once(qtbot, window)
    window.tabs.setCurrentWidget(window.history)
    model = window.history.model
    changed: list[int] = []
    model.dataChanged.connect(lambda a, b, *_: changed.append(a.row()))
    at = datetime.now(UTC)
    window.services.store().update_status(outcome.wamid, "delivered", at)
    reads = model.reads
    window.webhooks.event_received.emit(StatusUpdate(outcome.wamid, "delivered", at, None))
    assert changed == [1] and model.reads == reads + 1
    assert window.history.row(1)[STATUS_COLUMN] == "Delivered"
    window.tasks.wait()
