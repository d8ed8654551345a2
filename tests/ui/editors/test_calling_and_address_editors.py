"""The address, call-permission and voice-call editors in the real window: what they hold, their
counters from composer.limits, issue marks on their own fields, and the tab order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from composer import limits
from composer.kinds.voice_call import VoiceCall
from composer.messages import AddressMessage, CallPermissionRequest
from composer.payload import to_payload
from tests.examples import example
from ui.editors.address_message import AddressMessageEditor
from ui.editors.call_permission import CallPermissionEditor
from ui.editors.voice_call import VoiceCallEditor
from ui.window.main_window import MainWindow

PARAMS = "interactive.action.parameters"


def _pick(window: MainWindow, kind: str) -> Any:
    window.type_combo.setCurrentIndex(window.type_combo.findData(kind))
    assert window.form.kind() == kind
    return window.form.editor()


def _chain(window: MainWindow) -> list[QWidget]:
    page = window.form.scroll_area.widget()
    chain: list[QWidget] = page.tab_chain()  # type: ignore[attr-defined]
    return chain


def _tab_walks(window: MainWindow, qtbot: QtBot, widgets: list[QWidget]) -> None:
    chain = _chain(window)
    at = chain.index(widgets[0])
    assert chain[at : at + len(widgets)] == widgets  # one after the other, nothing between
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=15_000)
    widgets[0].setFocus()
    qtbot.waitUntil(widgets[0].hasFocus, timeout=2000)
    for widget in widgets[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget


def test_voice_call_editor_loads_the_sample_and_leaves_out_what_is_empty(
    window: MainWindow, qtbot: QtBot
) -> None:
    editor = _pick(window, "voice_call")
    assert isinstance(editor, VoiceCallEditor)
    window.messages.load_example("voice_call")
    assert editor.display_text.limit is limits.VOICE_CALL_DISPLAY_TEXT
    assert editor.payload.limit is limits.VOICE_CALL_PAYLOAD
    assert editor.display_text.counter.text() == "12/20"  # "Call support"
    editor.display_text.set_text("")
    editor.payload.set_text("")
    editor.ttl_box.setValue(editor.ttl_box.minimum())  # WhatsApp's default
    content = editor.content()
    assert isinstance(content, VoiceCall)
    assert (content.display_text, content.ttl_minutes, content.payload) == (None, None, None)
    assert "10080" in editor.ttl_box.specialValueText()
    assert limits.VOICE_CALL_DEFAULT_LABEL in editor.display_text.editor.placeholderText()


def test_voice_call_ttl_out_of_range_marks_the_lifetime_row(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.load_payload(example("voice_call_button")) is None
    editor = window.form.editor()
    assert isinstance(editor, VoiceCallEditor)
    editor.ttl_box.setValue(0)
    issues = [i for i in window.session.issues() if i.rule == "voice_call.ttl_minutes"]
    assert [i.path for i in issues] == [PARAMS + ".ttl_minutes"]
    assert window.form.field_for(PARAMS + ".ttl_minutes") is editor.ttl
    assert editor.ttl.issue_line.isVisibleTo(window) and "43200" in editor.ttl.issue_line.text()
    assert not window.send_bar.button.isEnabled()
    editor.ttl_box.setValue(43200)
    assert not editor.ttl.issue_line.isVisibleTo(window)
    current = window.session.current()
    assert current is not None
    assert to_payload(current)["interactive"]["action"]["parameters"]["ttl_minutes"] == 43200


def test_voice_call_tab_order(window: MainWindow, qtbot: QtBot) -> None:
    editor = _pick(window, "voice_call")
    assert isinstance(editor, VoiceCallEditor)
    parts = editor.parts
    assert parts.body is not None and parts.footer is not None
    _tab_walks(window, qtbot, [parts.body.editor, parts.footer.editor, editor.display_text.editor,
                               editor.ttl_box, editor.payload.editor])  # fmt: skip


def test_address_editor_says_where_it_works_and_holds_the_models_json(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.load_payload(example("address_message_singapore_saved")) is None
    editor = window.form.editor()
    assert isinstance(editor, AddressMessageEditor)
    assert "India and Singapore only" in editor.availability.text()
    assert editor.availability.isVisibleTo(window)
    assert editor.country.value() == "SG" and "sg_post_code" in editor.form_keys.text()
    assert '"id": "office"' in editor.saved.text()
    assert "We could not find this post code." in editor.errors.text()
    editor.country.set_value("IN")
    editor.country.changed.emit()
    assert "in_pin_code" in editor.form_keys.text()
    content = editor.content()
    assert isinstance(content, AddressMessage) and content.country == "IN"


def test_address_json_that_is_not_json_is_an_issue_on_its_box(
    window: MainWindow, qtbot: QtBot
) -> None:
    editor = _pick(window, "address_message")
    assert isinstance(editor, AddressMessageEditor)
    editor.saved.editor.setPlainText('[{"id": "home",')  # typing it: the editor emits
    path = PARAMS + ".saved_addresses"
    assert [i.rule for i in window.session.issues() if i.path == path] == ["address.json"]
    assert window.form.field_for(path) is editor.saved
    assert editor.saved.issue_line.isVisibleTo(window)
    content = editor.content()
    assert isinstance(content, AddressMessage) and content.saved_addresses is None
    assert content.typed_json == {"saved_addresses": '[{"id": "home",'}
    editor.load(content)  # a draft keeps the text as typed
    assert editor.saved.text() == '[{"id": "home",'
    editor.saved.editor.setPlainText('[{"id": "home", "value": {"city": "Pune"}}]')
    assert not [i for i in window.session.issues() if i.path == path]


def test_an_imported_country_the_form_does_not_offer_is_kept(
    window: MainWindow, qtbot: QtBot
) -> None:
    payload = example("address_message_india")
    payload["interactive"]["action"]["parameters"]["country"] = "US"
    assert window.load_payload(payload) is None
    editor = window.form.editor()
    assert isinstance(editor, AddressMessageEditor) and editor.country.value() == "US"
    assert [i.rule for i in window.session.issues()] == ["address.country"]
    assert window.form.field_for(PARAMS + ".country") is editor.country


def test_address_tab_order(window: MainWindow, qtbot: QtBot) -> None:
    editor = _pick(window, "address_message")
    assert isinstance(editor, AddressMessageEditor) and editor.parts.body is not None
    _tab_walks(window, qtbot, [editor.parts.body.editor, editor.country.combo,
                               editor.values.editor, editor.saved.editor,
                               editor.errors.editor])  # fmt: skip


def test_call_permission_editor_has_only_an_optional_body(window: MainWindow, qtbot: QtBot) -> None:
    editor = _pick(window, "call_permission_request")
    assert isinstance(editor, CallPermissionEditor)
    parts = editor.parts
    assert parts.header is None and parts.footer is None and parts.body is not None
    assert parts.body.label.text() == "Body (optional)"
    assert parts.body.limit is limits.BODY_TEXT
    assert "7 days" in editor.note.text()
    parts.body.editor.setPlainText("")
    content = editor.content()
    assert isinstance(content, CallPermissionRequest) and content.body is None
    assert window.session.issues() == []
    assert window.send_bar.button.isEnabled()
    _tab_walks(window, qtbot, [parts.body.editor])
