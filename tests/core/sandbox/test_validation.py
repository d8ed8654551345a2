"""The sandbox runs the app's own validation and answers like Graph: 100, 131008 or 131009."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from composer.graph.field_paths import field_path_for
from composer.sandbox import SANDBOX_PHONE_NUMBER_ID, Sandbox, SandboxTransport, StatusDelays
from composer.sandbox.meta_errors import meta_param
from composer.validation.check import Severity, validate_payload
from tests.core.sandbox.helpers import AUTH, Clock
from tests.examples import example, invalid_examples

MESSAGES = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"
INVALID = {case["name"]: case for case in invalid_examples()}


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with Sandbox(Clock(), delays=StatusDelays(None, None, None)) as sandbox:
        transport = SandboxTransport(sandbox)
        with httpx.Client(base_url="https://graph.facebook.com", transport=transport) as c:
            yield c


def refuse(client: httpx.Client, payload: object) -> dict[str, Any]:
    r = client.post(MESSAGES, json=payload, headers=AUTH)
    assert r.status_code == 400, r.text
    error: dict[str, Any] = r.json()["error"]
    assert (
        error["message"]
        == {
            100: "(#100) Invalid parameter",
            131008: "(#131008) Required parameter is missing",
            131009: "(#131009) Parameter value is not valid",
        }[error["code"]]
    )
    return error


@pytest.mark.parametrize("name", sorted(INVALID))
def test_every_invalid_example_is_refused_naming_its_field(client: httpx.Client, name: str) -> None:
    payload = INVALID[name]["payload"]
    first = next(i for i in validate_payload(payload) if i.severity is Severity.ERROR)
    error = refuse(client, payload)
    details = error["error_data"]["details"]
    if first.rule != "button.title_len":
        assert meta_param(first.path) in details
    # the app's Graph error mapping reads the same field back out of the details
    assert field_path_for(details, payload) == first.path


@pytest.mark.parametrize(
    ("name", "code", "details"),
    [
        (
            "button_title_21_chars",
            131009,
            "Button title length invalid. Min length: 1, Max length: 20",
        ),
        (
            "button_empty_title",
            131009,
            "Button title length invalid. Min length: 1, Max length: 20",
        ),
        (
            "button_body_1025_chars",
            100,
            "Param interactive['body']['text'] must be at most 1024 characters long.",
        ),
        (
            "list_body_4097_chars",
            100,
            "Param interactive['body']['text'] must be at most 4096 characters long.",
        ),
        (
            "list_row_title_25_chars",
            100,
            "Param interactive['action']['sections'][0]['rows'][0]['title'] must be at most 24 "
            "characters long.",
        ),
        ("button_missing_body", 131008, "The parameter interactive['body'] is required."),
        ("missing_recipient", 131008, "The parameter to is required."),
        ("missing_messaging_product", 131008, "The parameter messaging_product is required."),
        (
            "reaction_missing_message_id",
            131008,
            "The parameter reaction['message_id'] is required.",
        ),
        ("cta_missing_url", 131008, None),
        ("address_missing_country", 131008, None),
        ("product_single_missing_retailer_id", 131008, None),
        ("button_four_buttons", 131009, None),
        ("button_duplicate_ids", 131009, None),
        ("list_image_header", 131009, None),
        ("reaction_plain_text", 131009, None),
    ],
)
def test_codes_and_details(client: httpx.Client, name: str, code: int, details: str | None) -> None:
    error = refuse(client, INVALID[name]["payload"])
    assert error["code"] == code
    if details is not None:
        assert error["error_data"]["details"] == details
    assert error["error_data"]["messaging_product"] == "whatsapp"


def test_warnings_do_not_block(client: httpx.Client) -> None:
    payload = example("list_single_section", "+15550100001")
    payload["interactive"]["body"]["text"] = "x" * 2000  # over 1024: a warning for lists
    assert any(i.severity is Severity.WARNING for i in validate_payload(payload))
    r = client.post(MESSAGES, json=payload, headers=AUTH)
    assert r.status_code == 200, r.text


def test_wrong_shapes_are_refused_without_a_crash(client: httpx.Client) -> None:
    for payload in ([], "text", 42, None, {"to": 5}, {"messaging_product": "whatsapp"}):
        error = refuse(client, payload)
        assert error["code"] in (100, 131008, 131009)
