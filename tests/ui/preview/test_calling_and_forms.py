"""Click-through of the calling kinds and the form taps, with real mouse clicks: the voice call
row (no webhook, and why), call permission's two answers, the address form and the Flow answer
dialogs (prefilled, editable, checked before they are sent)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer import limits
from composer.payload import from_payload
from composer.samples import sample_message
from tests.examples import example, inbound_message, json_shape, reference_shapes
from tests.ui.preview.phone import click, open_phone
from ui.preview import PhoneView
from ui.preview.call_icons import handset
from ui.preview.icons import ICONS
from ui.preview.reply_form import NEW_ADDRESS, ReplyFormDialog
from ui.preview.taps import NoWebhook
from ui.preview.themes import PLATFORMS

REFERENCE = reference_shapes()


@pytest.fixture(params=PLATFORMS)
def view(qtbot: QtBot, request: pytest.FixtureRequest) -> PhoneView:
    return open_phone(qtbot, request.param)


def form_of(view: PhoneView, qtbot: QtBot) -> ReplyFormDialog:
    qtbot.waitUntil(lambda: view.reply_form is not None and view.reply_form.isVisible())
    dialog = view.reply_form
    assert dialog is not None
    return dialog


def test_voice_call_row_has_a_handset_and_sends_nothing(qtbot: QtBot, view: PhoneView) -> None:
    payload = example("voice_call_button")
    view.set_message(from_payload(payload), [])
    screen = view.preview_screen()
    assert screen.texts("button") == ["Call us now"]
    (icon,) = screen.shapes("handset")
    assert icon.kind == "icon"
    (hit,) = screen.chat_hits
    assert hit.action == ("voice_call",) and "replacement-4471" in hit.tooltip
    with qtbot.assertNotEmitted(view.reply_webhook):
        click(qtbot, view, ("voice_call",))
    tapped = view.tap(("voice_call",))
    assert tapped.no_webhook is NoWebhook.STARTS_WHATSAPP_CALL
    assert "Calling API" in tapped.reason and view.reply_form is None


def test_voice_call_without_a_label_shows_whatsapps_default(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(example("voice_call_defaults")), [])
    assert view.preview_screen().texts("button") == [limits.VOICE_CALL_DEFAULT_LABEL]


def test_the_handset_is_a_filled_silhouette() -> None:
    assert ICONS["handset"] is handset
    image = QImage(48, 48, QImage.Format.Format_ARGB32)
    image.fill(0)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    handset(p, QRectF(0, 0, 48, 48), QColor("#000000"))
    p.end()

    def ink(x0: int, y0: int, x1: int, y1: int) -> float:
        cells = [(x, y) for x in range(x0, x1) for y in range(y0, y1)]
        return sum(1 for x, y in cells if image.pixelColor(x, y).alpha() > 128) / len(cells)

    assert ink(4, 4, 20, 14) > 0.5  # the earpiece, top left
    assert ink(34, 30, 44, 44) > 0.5  # the mouthpiece, bottom right
    assert ink(30, 0, 48, 16) < 0.05  # nothing in the top-right corner
    assert 0.2 < ink(0, 0, 48, 48) < 0.5  # a shape, not a thin stroke nor a blot


@pytest.mark.parametrize(("answer", "said"), [("accept", "Allowed calls"), ("reject", "Declined")])
def test_call_permission_offers_both_answers(
    qtbot: QtBot, view: PhoneView, answer: str, said: str
) -> None:
    view.set_message(sample_message("call_permission_request"), [])
    assert view.preview_screen().texts("button") == ["Allow calls", "Don't allow"]
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        click(qtbot, view, ("call_permission", answer))
    body = blocker.args[0]
    reply = inbound_message(body)["interactive"]["call_permission_reply"]
    assert reply["response"] == answer and reply["response_source"] == "user_action"
    assert ("expiration_timestamp" in reply) == (answer == "accept")
    reference = json.loads(json.dumps(REFERENCE["webhook_inbound_call_permission_reply"]))
    if answer == "reject":
        ref = inbound_message(reference)["interactive"]["call_permission_reply"]
        del ref["is_permanent"], ref["expiration_timestamp"]
    assert json_shape(body) == json_shape(reference)
    assert view.preview_screen().texts("reply_title")[-1].startswith(said)


def test_address_form_is_prefilled_from_the_saved_address(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(sample_message("address_message"), [])
    with qtbot.assertNotEmitted(view.reply_webhook):
        click(qtbot, view, ("address",))
    dialog = form_of(view, qtbot)
    assert dialog.preset.currentText() == "Saved: home"
    assert dialog.inputs["in_pin_code"].text() == "400063"
    assert dialog.inputs["landmark_area"].text() == "Goregaon"
    labels = [dialog.inputs[k].accessibleName() for k in ("house_number", "building_name")]
    assert labels == ["Flat/House Number", "Building/Apartment Name"]  # WhatsApp's labels
    dialog.inputs["floor_number"].setText("8")
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    nfm = inbound_message(blocker.args[0])["interactive"]["nfm_reply"]
    response = json.loads(nfm["response_json"])
    assert response["saved_address_id"] == "home"
    assert response["values"]["floor_number"] == "8"
    assert response["values"]["city"] == "Mumbai"
    assert nfm["name"] == "address_message" and nfm["body"].startswith("Ana Souza\n +91")
    assert json_shape(blocker.args[0]) == json_shape(REFERENCE["webhook_inbound_address_reply"])
    assert view.reply_form is None
    assert view.preview_screen().texts("reply_title")[-1] == nfm["body"]


def test_a_new_address_starts_from_the_prefilled_values(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(sample_message("address_message"), [])
    click(qtbot, view, ("address",))
    dialog = form_of(view, qtbot)
    dialog.preset.setCurrentIndex(dialog.preset.findText(NEW_ADDRESS))
    assert dialog.inputs["name"].text() == "Ana Souza"
    assert dialog.inputs["in_pin_code"].text() == ""
    dialog.inputs["in_pin_code"].setText("411001")
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        dialog.submit()
    response = json.loads(
        inbound_message(blocker.args[0])["interactive"]["nfm_reply"]["response_json"]
    )
    assert response == {"values": {"name": "Ana Souza", "in_pin_code": "411001", "city": "Mumbai"}}


def test_singapore_gets_singapores_form(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(example("address_message_singapore_saved")), [])
    click(qtbot, view, ("address",))
    dialog = form_of(view, qtbot)
    assert list(dialog.inputs) == ["name", "phone_number", "sg_post_code", "address",
                                   "unit_number", "city"]  # fmt: skip
    assert dialog.inputs["unit_number"].text() == "#23-01"


def test_cancelling_a_form_sends_nothing(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(sample_message("address_message"), [])
    click(qtbot, view, ("address",))
    dialog = form_of(view, qtbot)
    with qtbot.assertNotEmitted(view.reply_webhook):
        dialog.reject()
    assert view.reply_form is None and view.last_webhook is None


def test_flow_answer_is_edited_and_checked_before_it_is_sent(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(example("flow_navigate_by_id")), [])
    click(qtbot, view, ("flow",))
    dialog = form_of(view, qtbot)
    assert dialog.json_box is not None
    assert json.loads(dialog.json_box.toPlainText()) == {"flow_token": "booking-7f3c2a91"}
    dialog.json_box.setPlainText('{"flow_token": "booking-7f3c2a91", "date": ')
    with qtbot.assertNotEmitted(view.reply_webhook):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "not valid JSON" in dialog.problem.text()
    assert dialog.problem.isVisible()
    dialog.json_box.setPlainText('{"date": "2026-05-02"}')
    assert not dialog.submit() and "flow_token" in dialog.problem.text()
    dialog.json_box.setPlainText('{"flow_token": "booking-7f3c2a91", "date": "2026-05-02"}')
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    nfm = inbound_message(blocker.args[0])["interactive"]["nfm_reply"]
    assert nfm == {
        "name": "flow",
        "body": "Sent",
        "response_json": '{"flow_token":"booking-7f3c2a91","date":"2026-05-02"}',
    }
    assert json_shape(blocker.args[0]) == json_shape(REFERENCE["webhook_inbound_flow_reply"])
    assert view.preview_screen().texts("reply_title")[-1] == "Sent"
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None, timeout=2000)


@pytest.mark.parametrize(
    ("name", "action", "words"),
    [
        ("voice_call_button", ("voice_call",), "Calling API"),
        ("cta_url_text_header", None, "browser"),
        ("flow_navigate_by_id", ("flow",), "when the customer submits"),
    ],
)
def test_a_tap_without_a_webhook_says_so_under_the_phone(
    qtbot: QtBot, view: PhoneView, name: str, action: Any, words: str
) -> None:
    view.set_message(from_payload(example(name)), [])
    assert "Tap a button" in view.json_label.text()
    action = action or view.preview_screen().chat_hits[0].action
    with qtbot.assertNotEmitted(view.reply_webhook):
        click(qtbot, view, action)
    assert view.json_label.text().startswith("No webhook for this tap: ")
    assert words in view.json_label.text() and not view.json_view.isVisible()
    if view.reply_form is not None:
        view.reply_form.reject()


def test_after_a_webhook_the_silent_tap_points_at_the_last_one(
    qtbot: QtBot, view: PhoneView
) -> None:
    view.set_message(sample_message("call_permission_request"), [])
    click(qtbot, view, ("call_permission", "reject"))
    assert view.json_label.text() == "Webhook the business receives"
    view.set_message(from_payload(example("voice_call_button")), [])
    click(qtbot, view, ("voice_call",))
    assert view.json_label.text().endswith("Below: the last webhook.")
    assert view.json_view.isVisible()
