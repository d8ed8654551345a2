"""Import JSON, Copy JSON and Copy as cURL."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from tests.examples import examples as all_examples
from ui.editors.registry import NO_EDITOR_YET
from ui.window.main_window import MainWindow


def _snapshot(window: MainWindow) -> dict[str, object]:
    msg = window.session.current()
    assert msg is not None
    return to_payload(msg)


def test_broken_json_leaves_editors_unchanged(window: MainWindow, examples: dict[str, Any]) -> None:
    assert window.load_payload(examples["reply_buttons_text_header"]) is None
    before = _snapshot(window)
    problem = window.messages.import_json_text('{"messaging_product": "whatsapp", ')
    assert problem is not None and "not valid JSON" in problem
    assert _snapshot(window) == before
    assert window.form.kind() == "button"


def test_wrong_shape_names_the_field(window: MainWindow) -> None:
    before = _snapshot(window)
    interactive = {"type": "button", "body": {"text": 5}, "action": {"buttons": []}}
    bad = {"messaging_product": "whatsapp", "to": "+1555", "type": "interactive"}
    bad["interactive"] = interactive
    problem = window.messages.import_json_text(json.dumps(bad))
    assert problem is not None and "interactive.body" in problem
    assert _snapshot(window) == before


def _kind_of(payload: dict[str, Any]) -> str:
    inner = payload.get("interactive")
    return str(inner["type"]) if isinstance(inner, dict) else str(payload["type"])


WITHOUT_EDITOR = {str(k) for k in NO_EDITOR_YET}
# One example of each kind the editors do not support yet (none once every kind has an editor).
UNSUPPORTED = {
    _kind_of(p): n for n, p in sorted(all_examples().items()) if _kind_of(p) in WITHOUT_EDITOR
}


def test_unsupported_type_is_explained(window: MainWindow, examples: dict[str, Any]) -> None:
    # Every kind the core knows has an editor today (UNSUPPORTED is empty); a kind without one
    # would be refused by name, and so is a message type the composer does not build at all.
    assert UNSUPPORTED == {}
    before = _snapshot(window)
    image = {"messaging_product": "whatsapp", "to": "+15550100001", "type": "image",
             "image": {"link": "https://example.com/a.jpg"}}  # fmt: skip
    problem = window.messages.import_json_text(json.dumps(image))
    assert problem is not None and "image" in problem, problem
    assert _snapshot(window) == before


def test_import_dialog_shows_the_problem_and_stays_open(
    window: MainWindow, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    from ui.panels.dialogs.import_dialog import ImportDialog

    dialog = ImportDialog(window.messages.import_json_text, window)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("[1, 2]")
    dialog.try_import()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.result() == 0
    dialog.text.setPlainText(json.dumps(examples["location_request"]))
    dialog.try_import()
    assert dialog.result() == 1
    assert window.form.kind() == "location_request_message"


def test_copy_json_and_curl_never_hold_the_token(
    window: MainWindow, monkeypatch: object, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    payload = examples["flow_navigate_by_id"]
    assert window.load_payload(payload) is None
    window.json_view.copy_json.click()
    assert json.loads(QGuiApplication.clipboard().text()) == payload
    window.json_view.copy_curl.click()
    curl = QGuiApplication.clipboard().text()
    assert "Authorization: Bearer $WA_TOKEN" in curl
    assert "/messages" in curl
    body = curl.split("--data-binary ", 1)[1]
    import shlex

    assert json.loads(shlex.split(body)[0]) == payload


def test_curl_url_follows_the_profile(
    window: MainWindow, services: object, examples: dict[str, Any]
) -> None:
    from composer.accounts import Profile
    from ui.services import Services

    assert isinstance(services, Services)
    assert window.load_payload(examples["location_request"]) is None
    assert "$WA_PHONE_NUMBER_ID/messages" in window.json_view.curl_text()  # sandbox
    services.profiles().add(Profile("live", "987654321", api_version="v23.0"))
    window.reload_profiles()
    window.profile_combo.setCurrentIndex(window.profile_combo.findData("live"))
    assert "https://graph.facebook.com/v23.0/987654321/messages" in window.json_view.curl_text()


def test_demo_contacts_only_with_the_sandbox(window: MainWindow, services: object) -> None:
    from composer.accounts import Profile
    from composer.demo_contacts import DEMO_CONTACTS
    from ui.services import Services

    assert isinstance(services, Services)
    combo = window.form.recipient.field.combo
    numbers = [c.number for c in DEMO_CONTACTS]
    # ... and one contact addressed by business-scoped user id, as a username user is
    assert [combo.itemData(i) for i in range(combo.count())] == [*numbers, DEMO_CONTACTS[0].user_id]
    services.profiles().add(Profile("live", "987654321"))
    window.reload_profiles()
    window.profile_combo.setCurrentIndex(window.profile_combo.findData("live"))
    assert combo.count() == 0
    assert window.form.recipient.field.number() == "+15550100001"  # the typed number stays


def test_parts_the_editors_cannot_hold_are_refused(
    window: MainWindow, examples: dict[str, Any]
) -> None:
    assert window.load_payload(examples["cta_url_text_header"]) is None
    before = _snapshot(window)
    location = json.loads(json.dumps(examples["location_request"]))
    location["interactive"]["footer"] = {"text": "not allowed on a location request"}
    problem = window.load_payload(location)
    assert problem is not None and "interactive.footer" in problem
    assert _snapshot(window) == before
    assert window.form.kind() == "cta_url"
    assert window.type_combo.currentData() == "cta_url"


def test_import_dialog_offers_a_copied_payload(
    window: MainWindow, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    from ui.panels.dialogs.import_dialog import ImportDialog

    QGuiApplication.clipboard().setText(json.dumps(examples["reaction_remove"]))
    dialog = ImportDialog(window.messages.import_json_text, window)
    qtbot.addWidget(dialog)
    dialog.try_import()
    assert dialog.result() == 1
    assert _snapshot(window) == examples["reaction_remove"]
