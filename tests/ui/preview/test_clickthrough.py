"""Click-through with real mouse clicks: reply bubbles and the exact webhook JSON."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.messages import (
    AddressMessage,
    CallPermissionRequest,
    Carousel,
    Flow,
    ListMessage,
    MediaCard,
    Message,
    QuickReply,
    ReplyButtons,
    TemplateComponent,
    TemplateMessage,
    TemplateParameter,
)
from composer.payload import from_payload
from tests.examples import examples, inbound_message, invalid_examples, json_shape
from tests.paths import DATA
from tests.ui.preview.phone import click, open_phone
from ui.preview import PhoneView
from ui.preview.taps import NoWebhook, Tapped
from ui.preview.themes import PLATFORMS

EXAMPLES: dict[str, Any] = {**examples(), "invalid": invalid_examples()}
REFERENCE: dict[str, Any] = json.loads((DATA / "reference-shapes.json").read_text(encoding="utf-8"))


@pytest.fixture(params=PLATFORMS)
def view(qtbot: QtBot, request: pytest.FixtureRequest) -> PhoneView:
    return open_phone(qtbot, request.param)


@pytest.mark.parametrize("index", [0, 1, 2])
def test_each_reply_button(qtbot: QtBot, view: PhoneView, index: int) -> None:
    msg = from_payload(EXAMPLES["reply_buttons_text_header"])
    assert isinstance(msg.content, ReplyButtons)
    view.set_message(msg, [])
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        click(qtbot, view, ("button", index))
    body = blocker.args[0]
    assert json_shape(body) == json_shape(REFERENCE["webhook_inbound_button_reply"])
    button = msg.content.buttons[index]
    assert inbound_message(body)["interactive"]["button_reply"] == {
        "id": button.id,
        "title": button.title,
    }
    assert inbound_message(body)["from"] == "16505550123"
    screen = view.preview_screen()
    assert screen.texts("reply_title") == [button.title]
    (out,) = screen.shapes("bubble_out")
    (inc,) = screen.shapes("bubble_in")
    assert out.rect.right > inc.rect.right  # the customer's bubble is on the right
    assert out.color == screen.theme.bubble_out
    assert json.loads(view.json_view.toPlainText()) == body
    assert view.copy_button.isEnabled()


def test_copy_puts_the_json_on_the_clipboard(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    click(qtbot, view, ("button", 1))
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert json.loads(QApplication.clipboard().text()) == view.last_webhook


def test_list_row_then_send(qtbot: QtBot, view: PhoneView) -> None:
    msg = from_payload(EXAMPLES["list_single_section"])
    content = msg.content
    assert isinstance(content, ListMessage)
    view.set_message(msg, [])
    for si, section in enumerate(content.sections):
        for ri, row in enumerate(section.rows):
            click(qtbot, view, ("open_list",))
            assert view.state().sheet == "list"
            click(qtbot, view, ("row", si, ri))
            assert view.state().selected == (si, ri)
            with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
                click(qtbot, view, ("send_list",))
            body = blocker.args[0]
            expected = {"id": row.id, "title": row.title}
            reference = json.loads(json.dumps(REFERENCE["webhook_inbound_list_reply"]))
            if row.description:
                expected["description"] = row.description
            else:
                del inbound_message(reference)["interactive"]["list_reply"]["description"]
            assert json_shape(body) == json_shape(reference)
            assert inbound_message(body)["interactive"] == {
                "type": "list_reply",
                "list_reply": expected,
            }
            assert view.state().sheet == ""
            assert view.preview_screen().texts("reply_title")[-1] == row.title


def test_sheet_closes_with_x_and_scrim(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["list_single_section"]), [])
    click(qtbot, view, ("open_list",))
    screen = view.preview_screen()
    close_hits = [h for h in screen.overlay_hits if h.action == ("close_sheet",)]
    assert len(close_hits) == 2  # the X and the dimmed chat around the sheet
    qtbot.mouseClick(
        view.canvas, Qt.MouseButton.LeftButton, pos=view.canvas.widget_point(close_hits[-1])
    )
    assert view.state().sheet == ""
    click(qtbot, view, ("open_list",))
    s, dx, dy = view.canvas.transform()
    scrim = screen.screen_rect
    qtbot.mouseClick(
        view.canvas,
        Qt.MouseButton.LeftButton,
        pos=view.canvas.rect().topLeft() + _pt(scrim.x + 30, scrim.y + 60, s, dx, dy),
    )
    assert view.state().sheet == ""


def _pt(x: float, y: float, s: float, dx: float, dy: float) -> Any:
    from PySide6.QtCore import QPoint

    return QPoint(round(x * s + dx), round(y * s + dy))


def test_send_location(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["location_request"]), [])
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        click(qtbot, view, ("send_location",))
    body = blocker.args[0]
    reference = json.loads(json.dumps(REFERENCE["webhook_inbound_location_after_request"]))
    loc = inbound_message(reference)["location"]
    del loc["name"], loc["address"]  # a dropped pin has neither (spec section 8)
    assert json_shape(body) == json_shape(reference)
    assert inbound_message(body)["type"] == "location"
    assert len(view.preview_screen().shapes("map")) == 1


def test_products_sheet_opens(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["product_list_two_sections"]), [])
    view.set_product_preview("JKT-RAIN-M-NAVY", "Rain jacket", "EUR 89.00")
    click(qtbot, view, ("open_products",))
    screen = view.preview_screen()
    assert screen.texts("product_title")[0] == "Rain jacket"
    assert "EUR 89.00" in screen.texts("product_price")


def test_cta_url_shows_the_url_on_hover_and_sends_nothing(qtbot: QtBot, view: PhoneView) -> None:
    payload = EXAMPLES["cta_url_text_header"]
    view.set_message(from_payload(payload), [])
    (hit,) = view.preview_screen().chat_hits
    url = payload["interactive"]["action"]["parameters"]["url"]
    assert hit.tooltip == url
    assert view.canvas.hit_at(hit.rect.x + 5, _chat_to_screen(view, hit.rect.y + 5)) == hit
    with qtbot.assertNotEmitted(view.reply_webhook):
        click(qtbot, view, hit.action)


def _chat_to_screen(view: PhoneView, y: float) -> float:
    screen = view.preview_screen()
    return y + screen.chat_rect.y - view.canvas.chat_scroll


def test_new_message_type_resets_the_conversation(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    click(qtbot, view, ("button", 0))
    assert view.preview_screen().texts("reply_title")
    same_kind: Message = from_payload(EXAMPLES["reply_buttons_image_header_by_media_id"])
    view.set_message(same_kind, [])
    assert view.preview_screen().texts("reply_title") == ["Keep it"]
    view.set_message(from_payload(EXAMPLES["list_single_section"]), [])
    assert view.preview_screen().texts("reply_title") == []


def test_hover_on_the_cta_shows_the_url(qtbot: QtBot, view: PhoneView) -> None:
    from PySide6.QtWidgets import QToolTip

    payload = EXAMPLES["cta_url_text_header"]
    view.set_message(from_payload(payload), [])
    (hit,) = view.preview_screen().chat_hits
    qtbot.mouseMove(view.canvas, view.canvas.widget_point(hit))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == payload["interactive"]["action"]["parameters"]["url"]
    assert view.canvas.cursor().shape() == Qt.CursorShape.PointingHandCursor


# What every tap of the examples must do: the reference webhook it sends, or why it sends none.
WEBHOOK_OF = {
    "button": "webhook_inbound_button_reply",
    "send_list": "webhook_inbound_list_reply",
    "send_location": "webhook_inbound_location_after_request",
    "template_reply": "webhook_inbound_template_quick_reply_button",
    "carousel_reply": "webhook_inbound_button_reply",  # a card's quick reply: a button_reply
    "call_permission": "webhook_inbound_call_permission_reply",
    "address_submit": "webhook_inbound_address_reply",
    "flow_submit": "webhook_inbound_flow_reply",
}
NO_WEBHOOK_OF = {
    "open_list": NoWebhook.OPENS_SHEET,
    "open_products": NoWebhook.OPENS_SHEET,
    "close_sheet": NoWebhook.CLOSES_SHEET,
    "noop": NoWebhook.INSIDE_SHEET,
    "row": NoWebhook.SELECTS_ROW,
    "product": NoWebhook.OPENS_PRODUCT,
    "view_product": NoWebhook.OPENS_PRODUCT,
    "view_catalog": NoWebhook.OPENS_CATALOG,
    "cta_url": NoWebhook.OPENS_LINK,
    "link_preview": NoWebhook.OPENS_LINK,
    "flow": NoWebhook.OPENS_FLOW,
    "address": NoWebhook.OPENS_ADDRESS_FORM,
    "voice_call": NoWebhook.STARTS_WHATSAPP_CALL,
    "carousel_scroll": NoWebhook.SCROLLS_CARDS,
    "template_url": NoWebhook.OPENS_LINK,
    "template_phone": NoWebhook.CALLS_NUMBER,
    "template_copy": NoWebhook.COPIES_CODE,
    "template_all": NoWebhook.SHOWS_ALL_OPTIONS,
}


def expected_webhook(msg: Message, action: tuple[Any, ...], selected: Any) -> tuple[Any, Any]:
    """The reference body a webhook tap must match in shape, and the reply it must carry."""
    reference = json.loads(json.dumps(REFERENCE[WEBHOOK_OF[action[0]]]))
    c = msg.content
    if isinstance(c, ReplyButtons):
        button = c.buttons[action[1]]
        return reference, {"id": button.id, "title": button.title}
    if isinstance(c, ListMessage):
        row = c.sections[selected[0]].rows[selected[1]]
        expected = {"id": row.id, "title": row.title}
        if row.description:
            expected["description"] = row.description
        else:
            del inbound_message(reference)["interactive"]["list_reply"]["description"]
        return reference, expected
    if isinstance(c, Carousel):
        card = c.cards[action[1]]
        assert isinstance(card, MediaCard) and card.quick_replies is not None
        reply = card.quick_replies[action[2]]
        return reference, {"id": reply.id, "title": reply.title}
    if isinstance(c, TemplateMessage):  # a quick reply: type "button", not interactive
        return reference, None
    if isinstance(c, CallPermissionRequest):
        reply = inbound_message(reference)["interactive"]["call_permission_reply"]
        if action[1] == "reject":  # a rejection carries neither (Meta's samples)
            del reply["is_permanent"], reply["expiration_timestamp"]
        return reference, None
    if isinstance(c, AddressMessage | Flow):  # an nfm_reply: name, body and response_json
        return reference, None
    loc = inbound_message(reference)["location"]
    del loc["name"], loc["address"]  # a dropped pin has neither (spec section 8)
    return reference, None


class Walker:
    """Taps like a user and checks each tap's outcome against WEBHOOK_OF / NO_WEBHOOK_OF."""

    def __init__(self, view: PhoneView) -> None:
        self.view = view
        self.emitted: list[dict[str, Any]] = []
        self.seen: set[str] = set()
        self.msg: Message | None = None
        view.reply_webhook.connect(self.emitted.append)

    def tap(self, action: tuple[Any, ...]) -> Tapped:
        view = self.view
        assert action in view.preview_screen().hit_actions(), f"{action} is not on screen"
        msg, selected = self.msg, view.state().selected
        assert msg is not None
        self.emitted.clear()
        tapped = view.tap(action)
        self.seen.add(action[0])
        if action[0] in WEBHOOK_OF:
            assert tapped.no_webhook is None and tapped.reason == ""
            assert tapped.webhook is not None and self.emitted == [tapped.webhook]
            reference, reply = expected_webhook(msg, action, selected)
            assert json_shape(tapped.webhook) == json_shape(reference), action
            if reply is not None:  # a button or list reply: the tapped option's id and title
                interactive = inbound_message(tapped.webhook)["interactive"]
                assert interactive[interactive["type"]] == reply
            assert tapped.reply is not None
            titles = view.preview_screen().texts("reply_title")
            if tapped.reply.kind == "location":  # a dropped pin: the map alone, no caption
                assert tapped.reply.title == "" and any(
                    getattr(i, "kind", "") == "map" for i in view.preview_screen().all_items()
                )
            else:
                assert titles[-1] == tapped.reply.title
        else:
            assert tapped.no_webhook is NO_WEBHOOK_OF[action[0]], action
            assert tapped.reason == str(NO_WEBHOOK_OF[action[0]]) != ""
            assert tapped.webhook is None and self.emitted == []
            assert (tapped.form is None) == (view.reply_form is None)
        return tapped

    def submit_form(self) -> None:
        """Press Submit on the form a tap opened, as the customer would; check its webhook."""
        dialog = self.view.reply_form
        assert dialog is not None and dialog.isVisible() and self.msg is not None
        action = dialog.action()
        self.emitted.clear()
        assert dialog.submit()
        self.seen.add(action[0])
        (body,) = self.emitted
        reference, _ = expected_webhook(self.msg, action, None)
        assert json_shape(body) == json_shape(reference), action
        assert self.view.reply_form is None and not dialog.isVisible()

    def walk(self, msg: Message) -> None:
        self.msg = msg
        self.view.set_message(None, [])  # a fresh chat: no carousel swiped by the last walk
        self.view.set_message(msg, [])
        for hit in list(self.view.preview_screen().chat_hits):
            self.tap(hit.action)
            if self.view.reply_form is not None:
                self.submit_form()
            if self.view.state().sheet:
                self.walk_sheet(hit.action)
            self.view.canvas.repaint()

    def walk_sheet(self, opener: tuple[Any, ...]) -> None:
        for inner in list(self.view.preview_screen().sheet_hits):
            self.tap(inner.action)
            if ("send_list",) in self.view.preview_screen().hit_actions():
                self.tap(("send_list",))
                self.tap(opener)
        for inner in list(self.view.preview_screen().overlay_hits):
            self.tap(inner.action)
            if not self.view.state().sheet:
                self.tap(opener)
        self.tap(("close_sheet",))


def carousel_with_quick_replies() -> Message:
    """The media carousel example with quick replies on its first card (no example has them)."""
    msg = from_payload(EXAMPLES["media_carousel_url_buttons"])
    c = msg.content
    assert isinstance(c, Carousel) and isinstance(c.cards[0], MediaCard)
    replies = (QuickReply(id="more", title="Tell me more"), QuickReply(id="no", title="No"))
    card = msgspec.structs.replace(c.cards[0], url_button=None, quick_replies=replies)
    content = msgspec.structs.replace(c, cards=(card, *c.cards[1:]))
    return msgspec.structs.replace(msg, content=content)


def demo_templates_with_every_button(view: PhoneView) -> list[Message]:
    """The demo templates with link, phone and copy-code buttons, and one with five buttons
    ("See all options"), with the view looking their definitions up (as the window does)."""
    from dataclasses import replace
    from datetime import UTC, datetime

    from composer.sandbox.demo_templates import demo_template_records
    from composer.templates import ButtonDef, TemplateLibrary

    demo = TemplateLibrary.from_graph(demo_template_records(), datetime.now(UTC))
    reminder = demo.get("appointment_reminder", "en_US")
    assert reminder is not None
    many = tuple(ButtonDef(i, "QUICK_REPLY", f"Option {i}") for i in range(4))
    crowded = replace(reminder, name="crowded", buttons=many)
    view.set_template_lookup(lambda n, lang: crowded if n == "crowded" else demo.get(n, lang))
    body = TemplateComponent(type="body", parameters=(TemplateParameter(type="text", value="1"),))
    return [
        Message(to="+15550100001", content=TemplateMessage(
            name=name, language_code="en_US", components=(body,)
        ))
        for name in ("welcome_offer", "login_code", "crowded")
    ]  # fmt: skip


def test_every_tap_of_every_example_says_what_it_did(qtbot: QtBot, view: PhoneView) -> None:
    from composer.payload import PayloadError

    payloads = [p for k, p in EXAMPLES.items() if k != "invalid"]
    payloads += [e["payload"] for e in EXAMPLES["invalid"]]
    templates = demo_templates_with_every_button(view)  # installs their lookup first
    walker = Walker(view)
    for payload in payloads:
        try:
            msg = from_payload(payload)
        except PayloadError:
            continue
        walker.walk(msg)
    walker.walk(carousel_with_quick_replies())
    for template in templates:
        walker.walk(template)
    assert walker.seen == set(WEBHOOK_OF) | set(NO_WEBHOOK_OF)  # no stale expectation


def test_taps_with_nothing_to_do_say_why(qtbot: QtBot, view: PhoneView) -> None:
    emitted: list[dict[str, Any]] = []
    view.reply_webhook.connect(emitted.append)
    assert view.tap(("button", 0)).no_webhook is NoWebhook.NO_MESSAGE
    view.set_message(from_payload(EXAMPLES["list_single_section"]), [])
    assert view.tap(("send_list",)).no_webhook is NoWebhook.NOTHING_SELECTED
    assert view.tap(("button", 0)).no_webhook is NoWebhook.UNKNOWN_ACTION
    assert view.tap(()).no_webhook is NoWebhook.NO_MESSAGE
    assert emitted == [] and view.last_webhook is None


def test_json_panel_appears_with_the_first_webhook(qtbot: QtBot, view: PhoneView) -> None:
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    assert not view.json_view.isVisible()
    assert "Tap a button" in view.json_label.text()
    click(qtbot, view, ("button", 0))
    assert view.json_view.isVisible()
    assert view.json_label.text() == "Webhook the business receives"


def test_clicks_land_when_the_phone_is_scaled_down(qtbot: QtBot, view: PhoneView) -> None:
    view.resize(260, 520)
    qtbot.waitUntil(lambda: view.canvas.transform()[0] < 1)
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        click(qtbot, view, ("button", 2))
    assert (
        inbound_message(blocker.args[0])["interactive"]["button_reply"]["id"] == "appt_cancel_4471"
    )


def test_every_row_of_a_multi_section_list(qtbot: QtBot, view: PhoneView) -> None:
    # Section and row indexes must both reach the webhook: rows of sections 2 and 3 included.
    payload = json.loads(json.dumps(EXAMPLES["list_single_section"]))
    payload["interactive"]["action"]["sections"] = [
        {"title": "Today", "rows": [{"id": "a", "title": "Express"}, {"id": "b", "title": "Van"}]},
        {"title": "Later", "rows": [{"id": "c", "title": "Standard", "description": "2-4 days"}]},
        {"title": "Pick up", "rows": [{"id": "d", "title": "Store"}, {"id": "e", "title": "Box"}]},
    ]
    msg = from_payload(payload)
    assert isinstance(msg.content, ListMessage)
    view.set_message(msg, [])
    got = []
    for si, section in enumerate(msg.content.sections):
        for ri in range(len(section.rows)):
            click(qtbot, view, ("open_list",))
            click(qtbot, view, ("row", si, ri))
            with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
                click(qtbot, view, ("send_list",))
            got.append(inbound_message(blocker.args[0])["interactive"]["list_reply"]["id"])
    assert got == ["a", "b", "c", "d", "e"]
