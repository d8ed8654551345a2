"""Click-through webhooks: the reference shapes, filled with values from the message."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from composer.demo_contacts import OPEN_CONTACT
from composer.messages import (
    Carousel,
    ListMessage,
    ListRow,
    ListSection,
    LocationRequest,
    MediaCard,
    MediaHeader,
    Message,
    ProductCard,
    QuickReply,
    ReplyButton,
    ReplyButtons,
    TextHeader,
)
from composer.webhooks.replies import (
    ReplyError,
    WebhookContext,
    button_reply_webhook,
    carousel_reply_webhook,
    list_reply_webhook,
    location_reply_webhook,
)
from tests.examples import json_shape
from tests.paths import DATA

REFERENCE = json.loads((DATA / "reference-shapes.json").read_text(encoding="utf-8"))
AT = datetime(2025, 6, 15, 22, 5, 36, tzinfo=UTC)

BUTTONS = Message(
    to="+1 (650) 555-0123",
    content=ReplyButtons(
        header=TextHeader(text="Appointment reminder"),
        body="Keep it?",
        buttons=(
            ReplyButton(id="appt_keep_4471", title="Keep it"),
            ReplyButton(id="appt_move_4471", title="Reschedule"),
            ReplyButton(id="appt_cancel_4471", title="Cancel"),
        ),
    ),
)
LIST = Message(
    to="+16505550123",
    content=ListMessage(
        body="Which shipping option do you prefer?",
        button="Shipping options",
        sections=(
            ListSection(
                title="Available today",
                rows=(
                    ListRow(id="ship_express", title="Express", description="Next day, EUR 9.90"),
                    ListRow(id="ship_pickup", title="Store pickup"),
                ),
            ),
            ListSection(title="Later", rows=(ListRow(id="ship_std", title="Standard"),)),
        ),
    ),
)
CAROUSEL = Message(
    to="+16505550123",
    content=Carousel(
        body="Pick one",
        cards=tuple(
            MediaCard(
                card_index=i,
                header=MediaHeader(kind="image", link=f"https://cdn.example.com/{i}.jpg"),
                quick_replies=(
                    QuickReply(id=f"more_{i}", title="Tell me more"),
                    QuickReply(id=f"buy_{i}", title=f"Buy {i}"),
                ),
            )
            for i in range(3)
        ),
    ),
)
PRODUCTS = Message(
    to="+16505550123",
    content=Carousel(body="Picks", cards=(ProductCard(card_index=0), ProductCard(card_index=1))),
)
LOCATION = Message(to="16505550123", content=LocationRequest(body="Where are you?"))


def the_message(body: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = body["entry"][0]["changes"][0]["value"]["messages"][0]
    return message


@pytest.mark.parametrize("index", [0, 1, 2])
def test_each_button_gives_the_reference_shape(index: int) -> None:
    body = button_reply_webhook(BUTTONS, index, at=AT)
    assert json_shape(body) == json_shape(REFERENCE["webhook_inbound_button_reply"])
    message = the_message(body)
    button = BUTTONS.content.buttons[index]  # type: ignore[union-attr]
    assert message["interactive"] == {
        "type": "button_reply",
        "button_reply": {"id": button.id, "title": button.title},
    }
    assert message["from"] == "16505550123"
    assert body["entry"][0]["changes"][0]["value"]["contacts"][0]["wa_id"] == "16505550123"
    assert message["timestamp"] == "1750025136"
    assert message["context"]["id"] == "wamid.PREVIEW_BUSINESS_MESSAGE"
    assert message["id"].startswith("wamid.")


def test_sandbox_defaults_and_demo_contact_names() -> None:
    ana = Message(to="+1 555 010 0001", content=BUTTONS.content)
    body = button_reply_webhook(ana, 0, at=AT)
    value = body["entry"][0]["changes"][0]["value"]
    assert value["contacts"][0] == {
        "profile": {"name": "Ana Souza"},
        "wa_id": "15550100001",
        "user_id": OPEN_CONTACT.user_id,
    }
    assert the_message(body)["from_user_id"] == OPEN_CONTACT.user_id
    assert value["metadata"] == {
        "display_phone_number": "15550100000",
        "phone_number_id": "100000000000001",
    }
    assert body["entry"][0]["id"] == "100000000000002"
    other = button_reply_webhook(BUTTONS, 0, at=AT)["entry"][0]["changes"][0]["value"]
    assert other["contacts"][0]["profile"]["name"] == "Customer"


def test_context_overrides_ids() -> None:
    ctx = WebhookContext(
        waba_id="102290129340398",
        phone_number_id="106540352242922",
        display_phone_number="15550783881",
        customer_name="Ana Souza",
        business_message_id="wamid.HBgLMTY1MDU1NTAxMjMVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",
        customer_user_id="US.13491208655302741918",
    )
    body = button_reply_webhook(BUTTONS, 0, at=AT, context=ctx)
    ref = json.loads(json.dumps(REFERENCE["webhook_inbound_button_reply"]))
    # Everything but the reply's own wamid is determined: compare the whole document.
    ref_msg = the_message(ref)
    ref_msg["id"] = the_message(body)["id"]
    assert body == ref


@pytest.mark.parametrize(("section", "row"), [(0, 0), (0, 1), (1, 0)])
def test_each_row_gives_the_reference_shape(section: int, row: int) -> None:
    body = list_reply_webhook(LIST, section, row, at=AT)
    list_row = LIST.content.sections[section].rows[row]  # type: ignore[union-attr]
    reference = REFERENCE["webhook_inbound_list_reply"]
    expected = {"id": list_row.id, "title": list_row.title}
    if list_row.description:
        expected["description"] = list_row.description
        assert json_shape(body) == json_shape(reference)
    else:  # a row without description: the key is absent, the rest is identical
        ref = json.loads(json.dumps(reference))
        del the_message(ref)["interactive"]["list_reply"]["description"]
        assert json_shape(body) == json_shape(ref)
    assert the_message(body)["interactive"] == {"type": "list_reply", "list_reply": expected}


def test_location_reply_shape() -> None:
    body = location_reply_webhook(
        LOCATION, 38.7223, -9.1393, name="Praca do Comercio", address="Praca do Comercio, Lisboa"
    )
    assert json_shape(body) == json_shape(REFERENCE["webhook_inbound_location_after_request"])
    assert the_message(body)["location"] == {
        "latitude": 38.7223,
        "longitude": -9.1393,
        "name": "Praca do Comercio",
        "address": "Praca do Comercio, Lisboa",
    }
    bare = the_message(location_reply_webhook(LOCATION, 1.5, 2.5, at=AT))
    assert bare["location"] == {"latitude": 1.5, "longitude": 2.5}
    assert bare["type"] == "location"


@pytest.mark.parametrize(("card", "button"), [(0, 0), (1, 1), (2, 0)])
def test_a_carousel_quick_reply_is_a_button_reply(card: int, button: int) -> None:
    body = carousel_reply_webhook(CAROUSEL, card, button, at=AT)
    assert json_shape(body) == json_shape(REFERENCE["webhook_inbound_button_reply"])
    reply = CAROUSEL.content.cards[card].quick_replies[button]  # type: ignore[union-attr]
    assert the_message(body)["interactive"] == {
        "type": "button_reply",
        "button_reply": {"id": reply.id, "title": reply.title},
    }
    assert the_message(body)["context"]["id"] == "wamid.PREVIEW_BUSINESS_MESSAGE"


def test_webhook_is_json_serialisable() -> None:
    for body in (button_reply_webhook(BUTTONS, 2, at=AT), list_reply_webhook(LIST, 0, 0, at=AT)):
        assert json.loads(json.dumps(body)) == body


@pytest.mark.parametrize(
    ("call", "needle"),
    [
        (lambda: button_reply_webhook(BUTTONS, 3), "no button 4"),
        (lambda: button_reply_webhook(LIST, 0), "not buttons"),
        (lambda: list_reply_webhook(LIST, 2, 0), "no section 3"),
        (lambda: list_reply_webhook(LIST, 1, 1), "no row 2"),
        (lambda: list_reply_webhook(BUTTONS, 0, 0), "not a list"),
        (lambda: location_reply_webhook(BUTTONS, 0.0, 0.0), "button"),
        (lambda: carousel_reply_webhook(BUTTONS, 0, 0), "button message"),
        (lambda: carousel_reply_webhook(CAROUSEL, 3, 0), "no card 4"),
        (lambda: carousel_reply_webhook(CAROUSEL, 1, 2), "card 2 has no quick reply 3"),
        (lambda: carousel_reply_webhook(PRODUCTS, 0, 0), "card 1 has no quick reply 1"),
    ],
)
def test_impossible_taps_are_clear_errors(call: Any, needle: str) -> None:
    with pytest.raises(ReplyError, match=needle):
        call()
