"""The customer's own messages (text, reaction, location) against Meta's reference shapes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from composer.webhooks.envelope import WebhookContext
from composer.webhooks.inbound import location_webhook, reaction_webhook, text_webhook
from tests.examples import reference_shapes

REFERENCE = reference_shapes()
AT = datetime(2025, 6, 15, 22, 5, 36, tzinfo=UTC)  # the references' timestamp, 1750025136
BUSINESS_WAMID = "wamid.HBgLMTY1MDU1NTAxMjMVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"
CTX = WebhookContext(
    waba_id="102290129340398",
    phone_number_id="106540352242922",
    display_phone_number="15550783881",
    customer_name="Ana Souza",
    customer_user_id="US.13491208655302741918",
    customer_message_id="wamid.HBgLMTY1MDU1NTAxMjMVAgASGBQzRUIwQzc5OEI2QjQ1NzE1RTlBMgA=",
)


def test_a_text_is_metas_inbound_text_exactly() -> None:
    body = text_webhook("+16505550123", "Hi, is my order on the way?", at=AT, context=CTX)
    assert body == REFERENCE["webhook_inbound_text"]


def test_a_reaction_is_metas_inbound_reaction_exactly() -> None:
    body = reaction_webhook("+16505550123", BUSINESS_WAMID, "\U0001f44d", at=AT, context=CTX)
    assert body == REFERENCE["webhook_inbound_reaction"]


def test_a_removed_reaction_has_no_emoji() -> None:
    for emoji in (None, ""):
        body = reaction_webhook("+16505550123", BUSINESS_WAMID, emoji, at=AT, context=CTX)
        assert body == REFERENCE["webhook_inbound_reaction_removed"]


def test_a_location_answering_a_request_quotes_it() -> None:
    body = location_webhook("+16505550123", 38.7223, -9.1393, name="Praca do Comercio",
                            address="Praca do Comercio, Lisboa", at=AT, context=CTX,
                            reply_to=BUSINESS_WAMID)  # fmt: skip
    assert body == REFERENCE["webhook_inbound_location_after_request"]


def _message(body: dict[str, Any]) -> dict[str, Any]:
    item: dict[str, Any] = body["entry"][0]["changes"][0]["value"]["messages"][0]
    return item


def test_a_location_shared_on_its_own_has_no_context_and_no_empty_names() -> None:
    message = _message(location_webhook("+16505550123", 1.5, 2.5, at=AT, context=CTX))
    assert "context" not in message
    assert message["location"] == {"latitude": 1.5, "longitude": 2.5}


def test_a_username_user_is_named_by_bsuid_only() -> None:
    body = text_webhook("US.998877665544", "hi", at=AT)
    message = _message(body)
    assert "from" not in message and message["from_user_id"] == "US.998877665544"
    contact = body["entry"][0]["changes"][0]["value"]["contacts"][0]
    assert contact == {"profile": {"name": "Customer"}, "user_id": "US.998877665544"}


def test_without_a_given_id_the_same_text_in_the_same_second_has_one_stable_id() -> None:
    first = _message(text_webhook("+16505550123", "hi", at=AT))["id"]
    assert first == _message(text_webhook("+16505550123", "hi", at=AT))["id"]
    assert first != _message(text_webhook("+16505550123", "hello", at=AT))["id"]
