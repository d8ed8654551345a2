"""The template preview: drawn from the definition the window installs, with the message's values
(body filled in, unfilled variables kept as {{n}}), the footer in grey and the buttons with their
icons; past three buttons two are shown and "See all options"; taps say what they did."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.messages import Message, TemplateComponent, TemplateMessage, TemplateParameter
from composer.payload import from_payload
from composer.sandbox.demo_templates import demo_template_records
from composer.templates import ButtonDef, TemplateLibrary
from tests.examples import example
from ui.preview import PhoneView
from ui.preview.layout import ChatState, Screen
from ui.preview.layouter import Layouter
from ui.preview.taps import NoWebhook
from ui.preview.themes import PLATFORMS, theme_for

LIBRARY = TemplateLibrary.from_graph(demo_template_records(), datetime(2026, 3, 1, tzinfo=UTC))


def _lay(msg: Message, platform: str = "android", library: TemplateLibrary = LIBRARY) -> Screen:
    return Layouter().layout(msg, theme_for(platform, False), ChatState(), templates=library.get)


def _template(name: str, *components: TemplateComponent) -> Message:
    return Message(
        to="+15550100001",
        content=TemplateMessage(name=name, language_code="en_US", components=components),
    )


def _body(*values: str) -> TemplateComponent:
    params = tuple(TemplateParameter(type="text", value=v) for v in values)
    return TemplateComponent(type="body", parameters=params)


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_example_is_drawn_filled_with_its_buttons(qapp: QApplication, platform: str) -> None:
    screen = _lay(from_payload(example("template_appointment_reminder")), platform)
    assert screen.texts("header") == ["Appointment reminder"]
    body = " ".join(screen.texts("body"))
    assert "Hi Ana, this is a reminder of your appointment on Tuesday 3 March at 10:30." in body
    (footer,) = screen.text_items("footer")
    assert footer.text == "WA Composer Sandbox" and footer.color == screen.theme.text_secondary
    assert screen.texts("button") == ["Confirm", "Reschedule"]
    assert screen.hit_actions() == [
        ("template_reply", 0, "Confirm", "confirm_appt_4471"),
        ("template_reply", 1, "Reschedule", None),
    ]
    assert [s.name for s in screen.shapes("reply")] == ["reply", "reply"]


def test_an_unfilled_variable_stays_a_placeholder(qapp: QApplication) -> None:
    screen = _lay(_template("appointment_reminder", _body("Ana", "")))
    assert "Hi Ana, this is a reminder of your appointment on {{2}}." in " ".join(
        screen.texts("body")
    )


def test_named_variables_and_the_link_button(qapp: QApplication) -> None:
    params = (
        TemplateParameter(type="text", value="Ana", parameter_name="customer_name"),
        TemplateParameter(type="text", value="#7", parameter_name="order_id"),
    )
    url = TemplateComponent(
        type="button", sub_type="url", index=0,
        parameters=(TemplateParameter(type="text", value="777"),),
    )  # fmt: skip
    body = TemplateComponent(type="body", parameters=params)
    screen = _lay(_template("order_shipped", body, url))
    assert "Good news, Ana! Your order #7 is on its way." in " ".join(screen.texts("body"))
    assert screen.hit_actions() == [("template_url", "https://shop.example.com/track/777")]
    assert len(screen.shapes("link")) == 1


def test_media_header_phone_and_copy_buttons(qapp: QApplication) -> None:
    image = TemplateComponent(
        type="header",
        parameters=(TemplateParameter(type="image", value={"link": "https://x.example/w.jpg"}),),
    )
    screen = _lay(_template("welcome_offer", image, _body("Ana")))
    (picture,) = [s for s in screen.shapes("https://x.example/w.jpg") if s.kind == "image"]
    assert picture.rect.w > 100
    assert [a[0] for a in screen.hit_actions()] == ["template_phone", "template_url"]
    assert screen.shapes("phone") and screen.shapes("link")
    code = _lay(_template("login_code", _body("482913")))
    assert code.texts("button") == ["Copy code"] and code.shapes("copy")
    assert code.hit_actions() == [("template_copy", 0)]


def test_more_than_three_buttons_show_two_and_see_all_options(qapp: QApplication) -> None:
    base = LIBRARY.get("appointment_reminder", "en_US")
    assert base is not None
    many = tuple(ButtonDef(i, "QUICK_REPLY", f"Option {i}") for i in range(5))
    library = TemplateLibrary((replace(base, buttons=many),))
    screen = _lay(_template("appointment_reminder", _body("Ana", "Monday")), library=library)
    assert screen.texts("button") == ["Option 0", "Option 1", "See all options"]
    assert screen.hit_actions()[-1] == ("template_all", 5)


def test_a_template_the_library_does_not_know_says_so(qapp: QApplication) -> None:
    screen = _lay(_template("winter_sale", _body("Ana")))
    assert screen.texts("header") == ["winter_sale"]
    (note,) = screen.texts("template_unknown")
    assert "not in the account's template list" in note
    assert screen.shapes("bubble_in")


def test_taps_in_the_phone(qtbot: QtBot) -> None:
    view = PhoneView()
    view.set_link_fetching(False)
    qtbot.addWidget(view)
    view.set_template_lookup(LIBRARY.get)
    msg = from_payload(example("template_appointment_reminder"))
    view.set_message(msg, [])
    with qtbot.waitSignal(view.reply_webhook) as blocker:
        tapped = view.tap(("template_reply", 0, "Confirm", "confirm_appt_4471"))
    body = blocker.args[0]
    inbound = body["entry"][0]["changes"][0]["value"]["messages"][0]
    assert inbound["type"] == "button"
    assert inbound["button"] == {"payload": "confirm_appt_4471", "text": "Confirm"}
    assert tapped.reply is not None and tapped.reply.title == "Confirm"
    assert view.preview_screen().texts("reply_title") == ["Confirm"]
    (quoted,) = view.preview_screen().texts("quote_text")  # the template's own words
    assert quoted.startswith("Hi Ana, this is a reminder of your appointment")
    view.set_message(from_payload(example("template_appointment_reminder")), [])
    link = ("template_url", "https://shop.example.com/track/1")
    assert view.tap(link).no_webhook is NoWebhook.OPENS_LINK
    assert view.tap(("template_phone", "+1")).no_webhook is NoWebhook.CALLS_NUMBER
    assert view.tap(("template_copy", 0)).no_webhook is NoWebhook.COPIES_CODE
    assert view.tap(("template_all", 5)).no_webhook is NoWebhook.SHOWS_ALL_OPTIONS
