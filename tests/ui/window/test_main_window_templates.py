"""The way out of a closed 24-hour window, in the real window offscreen: the closed-window contact
-> "Send a template instead" -> pick appointment_reminder -> fill its variables -> send through
the in-process sandbox -> a row in the history. Also: the issues list carries the checks against
the template's definition, and the preview draws the template from the library."""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from composer.sandbox import CLOSED_CONTACT, OPEN_CONTACT, Sandbox, StatusDelays
from composer.storage.drafts import DraftStore
from composer.validation.check import check
from composer.window.facts import WindowState
from tests.examples import examples
from tests.ui.conftest import open_window
from ui.editors.fields import TextField
from ui.editors.template import TemplateEditor
from ui.services import Services
from ui.window.main_window import MainWindow


def _load(window: MainWindow, name: str, to: str) -> None:
    payload = copy.deepcopy(examples()[name])
    payload["to"] = to
    assert window.load_payload(payload) is None


def _template_editor(window: MainWindow, qtbot: QtBot) -> TemplateEditor:
    editor = window.form.editor()
    assert isinstance(editor, TemplateEditor)
    qtbot.waitUntil(lambda: editor.library() is not None, timeout=5000)
    return editor


def _pick(editor: TemplateEditor, name: str) -> None:
    item = editor.picker._item((name, "en_US"))
    assert item is not None
    editor.picker.table.setCurrentItem(item)


def test_closed_window_then_template_then_send_then_history(
    window: MainWindow, qtbot: QtBot
) -> None:
    _load(window, "reply_buttons_text_header", CLOSED_CONTACT.number)
    bar = window.send_bar
    assert window.countdown.status().state is WindowState.CLOSED
    assert not bar.button.isEnabled()
    assert bar.template_button.isVisible() and bar.template_button.text() == (
        "Send a template instead"
    )
    qtbot.mouseClick(bar.template_button, Qt.MouseButton.LeftButton)
    assert window.form.kind() == "template"
    assert window.type_combo.currentData() == "template"
    assert window.form.recipient.field.number() == CLOSED_CONTACT.number  # kept
    assert not bar.template_button.isVisible()  # a template is what may go now
    editor = _template_editor(window, qtbot)
    _pick(editor, "appointment_reminder")
    rules = {i.rule for i in window.session.issues()}
    assert "template.param_empty" in rules and not bar.button.isEnabled()
    for slot, value in zip(editor.form.slots, ("Chloe", "Friday 6 March at 9:00"), strict=False):
        assert isinstance(slot.widget, TextField)
        qtbot.keyClicks(slot.widget.editor, value)
    assert window.session.issues() == []
    assert bar.button.isEnabled(), bar.status.text()
    body = " ".join(window.preview.preview_screen().texts("body"))
    assert "Hi Chloe, this is a reminder of your appointment on Friday 6 March at 9:00." in body
    with qtbot.waitSignal(window.sent, timeout=10_000) as sent:
        qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    outcome = sent.args[0]
    assert outcome.ok, outcome.text
    window.tabs.setCurrentWidget(window.history)
    assert window.history.row_count() >= 1
    assert any("template" in cell.lower() for cell in window.history.row(0)), window.history.row(0)
    record = window.services.store().find_by_wamid(outcome.wamid)
    assert record is not None and record.recipient.endswith("15550100003")
    assert window.countdown.status().state is WindowState.CLOSED  # only the customer reopens it


def test_the_issues_list_has_the_checks_against_the_definition(
    window: MainWindow, qtbot: QtBot
) -> None:
    payload = copy.deepcopy(examples()["template_appointment_reminder"])
    payload["to"] = OPEN_CONTACT.number
    payload["template"]["components"][0]["parameters"].pop()  # one of the two body values
    assert window.load_payload(payload) is None
    editor = _template_editor(window, qtbot)
    msg = window.session.current()
    assert msg is not None and editor.library() is not None
    assert window.session.issues() == check(msg, editor.library())
    assert "template.param_count" not in {i.rule for i in check(msg)}  # structure alone is fine
    assert "template.param_empty" in {i.rule for i in window.session.issues()}  # form: 2 fields
    assert window.session.issues() and not window.send_bar.button.isEnabled()


def test_paused_template_loaded_from_a_draft_is_refused_with_the_reason(
    window: MainWindow, qtbot: QtBot
) -> None:
    payload = copy.deepcopy(examples()["template_appointment_reminder"])
    payload["template"] = {
        "name": "spring_sale",
        "language": {"code": "en_US", "policy": "deterministic"},
        "components": [{"type": "body", "parameters": [{"type": "text", "text": "20"}]}],
    }
    assert window.load_payload(payload) is None
    _template_editor(window, qtbot)
    qtbot.waitUntil(
        lambda: "template.paused" in {i.rule for i in window.session.issues()}, timeout=5000
    )
    (paused,) = [i for i in window.session.issues() if i.rule == "template.paused"]
    assert "'spring_sale' (en_US) cannot be sent: it is paused" in paused.message
    assert paused.path in window.issues_panel.paths()
    assert not window.send_bar.button.isEnabled()


def test_a_template_paused_by_webhook_is_refused_without_a_refresh(
    qtbot: QtBot, home: Path
) -> None:
    delays = StatusDelays(sent=0.2, delivered=None, read=None)
    services = Services(
        drafts=DraftStore(home / "drafts"), sandbox_factory=lambda: Sandbox(delays=delays)
    )
    window = open_window(qtbot, services)
    try:
        assert window.webhooks.running and window.webhooks.has_sandbox
        assert window.load_payload(examples()["template_appointment_reminder"]) is None
        editor = _template_editor(window, qtbot)
        assert window.session.issues() == [] and window.send_bar.button.isEnabled()
        services.sandbox().set_template_status("appointment_reminder", "PAUSED")

        def paused() -> bool:
            return "template.paused" in {i.rule for i in window.session.issues()}

        qtbot.waitUntil(paused, timeout=10_000)
        item = editor.picker._item(("appointment_reminder", "en_US"))
        assert item is not None and item.text(3) == "PAUSED"
        assert not window.send_bar.button.isEnabled()
    finally:
        window.close()
        window.tasks.wait()
        services.close()


def test_marketing_to_a_customer_who_stopped_it_is_refused_before_sending(
    window: MainWindow, qtbot: QtBot
) -> None:
    from datetime import UTC, datetime

    store = window.services.store()
    store.set_marketing_preference(OPEN_CONTACT.number, "stop", datetime.now(UTC))
    payload = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": OPEN_CONTACT.number,
        "type": "template",
        "template": {
            "name": "welcome_offer",
            "language": {"code": "en_US", "policy": "deterministic"},
            "components": [
                {"type": "header", "parameters": [
                    {"type": "image", "image": {"link": "https://example.com/welcome.jpg"}}]},
                {"type": "body", "parameters": [{"type": "text", "text": "Ana"}]},
            ],
        },
    }  # fmt: skip
    assert window.load_payload(payload) is None
    _template_editor(window, qtbot)
    with qtbot.waitSignal(window.sent, timeout=10_000) as sent:
        qtbot.mouseClick(window.send_bar.button, Qt.MouseButton.LeftButton)
    outcome = sent.args[0]
    assert not outcome.ok and outcome.refusal is not None, outcome
    assert "asked to stop marketing messages" in " ".join(outcome.refusal)
    assert outcome.wamid is None  # nothing went out: refused before any request
    assert "asked to stop marketing messages" in window.send_bar.status.text()
