"""The replies of calling and forms: call_permission_reply (allow, always allow, decline) and the
nfm_reply of a submitted address form or a completed Flow, against Meta's documented shapes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec
import pytest

from composer import limits
from composer.messages import AddressMessage, CallPermissionRequest, Flow, Message, ReplyButtons
from composer.payload import from_payload
from composer.webhooks.nfm import address_summary, default_flow_response, flow_response_problem
from composer.webhooks.replies import (
    ReplyError,
    WebhookContext,
    address_reply_webhook,
    call_permission_reply_webhook,
    flow_reply_webhook,
)
from tests.examples import example, json_shape, reference_shapes

REFERENCE = reference_shapes()
AT = datetime(2025, 6, 15, 22, 5, 36, tzinfo=UTC)  # the references' timestamp, 1750025136
CTX = WebhookContext(
    waba_id="102290129340398",
    phone_number_id="106540352242922",
    display_phone_number="15550783881",
    customer_name="Ana Souza",
    business_message_id="wamid.HBgLMTY1MDU1NTAxMjMVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA",
)
ASK = Message(to="+16505550123", content=CallPermissionRequest(body="May we call you?"))


def message_of(body: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = body["entry"][0]["changes"][0]["value"]["messages"][0]
    return message


def test_allow_is_a_temporary_permission_for_seven_days() -> None:
    body = call_permission_reply_webhook(ASK, "accept", at=AT, context=CTX)
    reference = REFERENCE["webhook_inbound_call_permission_reply"]
    assert json_shape(body) == json_shape(reference)
    assert message_of(body)["interactive"] == message_of(reference)["interactive"]
    expires = int(message_of(body)["interactive"]["call_permission_reply"]["expiration_timestamp"])
    assert datetime.fromtimestamp(expires, UTC) - AT == timedelta(days=7)
    assert limits.CALL_PERMISSION_TEMPORARY_SECONDS == 7 * 24 * 3600
    assert message_of(body)["context"]["id"] == CTX.business_message_id


def test_always_allow_and_decline_carry_no_expiry() -> None:
    always = message_of(call_permission_reply_webhook(ASK, "accept", permanent=True, at=AT))
    assert always["interactive"]["call_permission_reply"] == {
        "response": "accept", "is_permanent": True, "response_source": "user_action",
    }  # fmt: skip
    declined = message_of(call_permission_reply_webhook(ASK, "reject", at=AT))
    assert declined["interactive"] == {
        "type": "call_permission_reply",
        "call_permission_reply": {"response": "reject", "response_source": "user_action"},
    }


def test_a_call_permission_reply_needs_a_request_and_a_known_answer() -> None:
    buttons = from_payload(example("reply_buttons_text_header"))
    assert isinstance(buttons.content, ReplyButtons)
    with pytest.raises(ReplyError):
        call_permission_reply_webhook(buttons, "accept")
    with pytest.raises(ReplyError, match="neither accept nor reject"):
        call_permission_reply_webhook(ASK, "maybe")  # type: ignore[arg-type]


def test_a_submitted_address_is_metas_nfm_reply() -> None:
    msg = from_payload(example("address_message_india"))
    values = {"in_pin_code": "400063", "landmark_area": "Goregaon", "floor_number": "8",
              "address": "Wing A, Cello Triumph, IB Patel Rd", "city": "Mumbai",
              "name": "Ana Souza", "phone_number": "+919812345678"}  # fmt: skip
    body = address_reply_webhook(msg, values, "address1", at=AT, context=CTX)
    reference = REFERENCE["webhook_inbound_address_reply"]
    assert json_shape(body) == json_shape(reference)
    nfm = message_of(body)["interactive"]["nfm_reply"]
    ref = message_of(reference)["interactive"]["nfm_reply"]
    assert nfm["name"] == "address_message"
    assert json.loads(nfm["response_json"]) == json.loads(ref["response_json"])
    assert (
        nfm["body"] == "Ana Souza\n +919812345678\n 400063, 8, Wing A, Cello Triumph, IB "
        "Patel Rd, Goregaon, Mumbai"
    )  # the form's order (Meta does not document it)


def test_address_defaults_are_the_prefilled_values_and_blanks_are_left_out() -> None:
    msg = from_payload(example("address_message_india"))
    nfm = message_of(address_reply_webhook(msg, at=AT))["interactive"]["nfm_reply"]
    assert json.loads(nfm["response_json"]) == {
        "values": {"name": "Priya Sharma", "phone_number": "+919812345678"}
    }
    nfm = message_of(address_reply_webhook(msg, {"name": "A", "city": ""}))["interactive"]
    assert json.loads(nfm["nfm_reply"]["response_json"]) == {"values": {"name": "A"}}
    with pytest.raises(ReplyError):
        address_reply_webhook(ASK, {})


def test_the_address_summary_follows_the_countrys_form() -> None:
    sg = {"name": "Tan", "phone_number": "+6581234567", "sg_post_code": "018989",
          "address": "10 Marina Boulevard", "unit_number": "#23-01",
          "city": "Singapore"}  # fmt: skip
    assert address_summary("SG", sg) == (
        "Tan\n +6581234567\n 018989, 10 Marina Boulevard, #23-01, Singapore"
    )
    assert address_summary("IN", {"city": "Pune", "zzz_extra": "x"}) == "Pune, x"
    assert address_summary("IN", {}) == ""


def test_a_completed_flow_is_an_nfm_reply_named_flow_with_body_sent() -> None:
    msg = from_payload(example("flow_navigate_by_id"))
    assert isinstance(msg.content, Flow)
    answer = '{"flow_token": "booking-7f3c2a91", "party_size": "2", "date": "2026-05-02"}'
    body = flow_reply_webhook(msg, answer, at=AT, context=CTX)
    reference = REFERENCE["webhook_inbound_flow_reply"]
    assert json_shape(body) == json_shape(reference)
    assert message_of(body)["interactive"] == message_of(reference)["interactive"]  # compact JSON


def test_the_default_flow_answer_is_the_flow_token() -> None:
    flow = Flow(body="Book", flow_cta="Book", flow_id="1")
    assert json.loads(default_flow_response(flow)) == {"flow_token": "unused"}
    token = msgspec.structs.replace(flow, flow_token="t-1")
    assert json.loads(default_flow_response(token)) == {"flow_token": "t-1"}
    nfm = message_of(flow_reply_webhook(Message(to="+16505550123", content=token)))
    assert json.loads(nfm["interactive"]["nfm_reply"]["response_json"]) == {"flow_token": "t-1"}


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "must be a JSON object"),
        ('{"date": "2026-05-02"}', "flow_token"),
        ('{"flow_token": 7}', "flow_token"),
    ],
)
def test_a_flow_answer_that_is_not_a_flow_response_is_refused(text: str, words: str) -> None:
    problem = flow_response_problem(text)
    assert problem is not None and words in problem and problem.endswith(".")
    msg = Message(to="+16505550123", content=Flow(body="Book", flow_cta="Book", flow_id="1"))
    with pytest.raises(ReplyError, match="flow reply"):
        flow_reply_webhook(msg, text)
    assert flow_response_problem('{"flow_token": "x", "n": [1]}') is None


def test_the_address_model_reports_json_it_could_not_hold() -> None:
    from composer.validation.check import check

    content = AddressMessage(body="Where to?", country="IN", typed_json={"values": "{oops"})
    issues = check(Message(to="+919812345678", content=content))
    assert [(i.rule, i.path) for i in issues] == [
        ("address.json", "interactive.action.parameters.values")
    ]
