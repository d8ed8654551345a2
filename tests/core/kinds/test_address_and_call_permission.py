"""Address messages (India and Singapore) and call-permission requests: the rules this issue
added or changed, each with a failing and a passing case, and the typed-JSON fallback."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from composer.messages import AddressMessage, Message
from composer.messages.address_message import (
    ADDRESS_COUNTRIES,
    ADDRESS_FIELDS,
    address_fields,
    address_json_from_text,
)
from composer.payload import from_payload, to_payload
from composer.validation.check import Severity, check, validate_payload
from tests.examples import example

PARAMS = "interactive.action.parameters"


def address(country: str = "IN", **values: str) -> dict[str, Any]:
    payload = example("address_message_india")
    params = payload["interactive"]["action"]["parameters"]
    params["country"] = country
    params["values"].update(values)
    return payload


def rules(payload: dict[str, Any]) -> set[str]:
    return {i.rule for i in validate_payload(payload) if i.severity is Severity.ERROR}


CASES = [
    ("address.country", address("US"), address("SG")),
    ("address.country", address(""), address("IN")),
    (
        "address.post_code_len",
        address("SG", sg_post_code="0189891"),
        address("SG", sg_post_code="018989"),
    ),
    ("address.pin_code_len", address(in_pin_code="4000631"), address(in_pin_code="400063")),
]


@pytest.mark.parametrize(("rule", "failing", "passing"), CASES, ids=[c[0] for c in CASES])
def test_address_rules_fail_and_pass(rule: str, failing: Any, passing: Any) -> None:
    assert rule in rules(failing)
    assert rule not in rules(passing)


def test_the_country_message_names_both_countries() -> None:
    (issue,) = [i for i in validate_payload(address("US")) if i.rule == "address.country"]
    assert "India" in issue.message and "Singapore" in issue.message and '"US"' in issue.message
    assert issue.path == PARAMS + ".country"
    assert ADDRESS_COUNTRIES == ("IN", "SG") and set(ADDRESS_FIELDS) == set(ADDRESS_COUNTRIES)


def test_the_singapore_example_with_saved_addresses_round_trips() -> None:
    payload = example("address_message_singapore_saved")
    msg = from_payload(payload)
    assert isinstance(msg.content, AddressMessage) and msg.content.country == "SG"
    assert msg.content.saved_addresses is not None and len(msg.content.saved_addresses) == 1
    assert to_payload(msg) == payload and validate_payload(payload) == []


@pytest.mark.parametrize(
    ("key", "text", "value", "problem"),
    [
        ("values", "", None, None),
        ("values", '{"city": "Pune"}', {"city": "Pune"}, None),
        ("values", "[1]", None, "must be a JSON object"),
        ("validation_errors", "{oops", None, "not valid JSON"),
        ("saved_addresses", '[{"id": "home"}]', ({"id": "home"},), None),
        ("saved_addresses", '{"id": "home"}', None, "list of objects"),
        ("saved_addresses", "[1, 2]", None, "list of objects"),
    ],
)
def test_typed_json_is_parsed_or_explained(key: str, text: str, value: Any, problem: Any) -> None:
    got, why = address_json_from_text(key, text)
    assert got == value
    assert (why is None) if problem is None else (why is not None and problem in why)


def test_typed_json_is_reported_and_never_written() -> None:
    content = AddressMessage(body="Where?", country="SG", typed_json={"saved_addresses": "[1]"})
    msg = Message(to="+6581234567", content=content)
    assert [(i.rule, i.path) for i in check(msg)] == [("address.json", PARAMS + ".saved_addresses")]
    assert to_payload(msg)["interactive"]["action"] == {
        "name": "address_message", "parameters": {"country": "SG"},
    }  # fmt: skip
    fixed = msgspec.structs.replace(content, typed_json=None)
    assert check(Message(to="+6581234567", content=fixed)) == []


def test_an_unknown_country_falls_back_to_indias_form() -> None:
    assert address_fields("US") == ADDRESS_FIELDS["IN"]
    assert [k for k, _ in address_fields("SG")][:3] == ["name", "phone_number", "sg_post_code"]


def test_a_call_permission_request_may_go_without_a_body() -> None:
    payload = example("call_permission_request_no_body")
    assert validate_payload(payload) == []
    assert to_payload(from_payload(payload)) == payload


@pytest.mark.parametrize(
    ("part", "value", "rule"),
    [
        ("header", {"type": "text", "text": "Calls"}, "header.not_allowed"),
        ("footer", {"text": "Thanks"}, "footer.not_allowed"),
    ],
)
def test_a_call_permission_request_has_no_header_or_footer(
    part: str, value: Any, rule: str
) -> None:
    payload = example("call_permission_request")
    assert rule not in rules(payload)
    payload["interactive"][part] = value
    assert rule in rules(payload)
