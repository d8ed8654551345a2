"""The sandbox and business-scoped user ids: ``recipient`` instead of ``to``, an unknown BSUID
like an unknown number, the identity fields on its webhooks, and what may not go to a BSUID."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from composer.demo_contacts import CLOSED_CONTACT, OPEN_CONTACT
from composer.samples import sample_payload
from composer.sandbox import SANDBOX_PHONE_NUMBER_ID, Sandbox, SandboxTransport, StatusDelays
from tests.core.sandbox.helpers import AUTH, Clock, ManualScheduler
from tests.examples import example

MESSAGES = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"
STRANGER = "GB.40412345678901234567"


@pytest.fixture
def collected() -> list[dict[str, Any]]:
    return []


@pytest.fixture
def timer() -> ManualScheduler:
    return ManualScheduler()


@pytest.fixture
def client(collected: list[dict[str, Any]], timer: ManualScheduler) -> Iterator[httpx.Client]:
    with Sandbox(Clock(), delays=StatusDelays(0.1, 0.2, 0.3), scheduler=timer) as sandbox:
        sandbox.add_status_listener(collected.append)
        transport = SandboxTransport(sandbox)
        with httpx.Client(base_url="https://graph.facebook.com", transport=transport) as c:
            yield c


def _to_user_id(name: str, user_id: str) -> dict[str, Any]:
    payload = example(name, OPEN_CONTACT.number)
    del payload["to"]
    payload["recipient"] = user_id
    return payload


def test_a_demo_contact_by_user_id_has_its_number_s_window(client: httpx.Client) -> None:
    ok = client.post(MESSAGES, json=_to_user_id("list_single_section", OPEN_CONTACT.user_id),
                     headers=AUTH)  # fmt: skip
    assert ok.status_code == 200
    assert ok.json()["contacts"] == [
        {"input": OPEN_CONTACT.user_id, "user_id": OPEN_CONTACT.user_id}
    ]
    closed = client.post(MESSAGES, json=_to_user_id("list_single_section", CLOSED_CONTACT.user_id),
                         headers=AUTH)  # fmt: skip
    assert closed.status_code == 400 and closed.json()["error"]["code"] == 131047


def test_an_unknown_user_id_is_on_whatsapp_with_the_window_open(
    client: httpx.Client, collected: list[dict[str, Any]], timer: ManualScheduler
) -> None:
    sent = client.post(MESSAGES, json=_to_user_id("location_request", STRANGER), headers=AUTH)
    assert sent.status_code == 200
    timer.advance(1)
    assert len(collected) == 3
    for body in collected:
        value = body["entry"][0]["changes"][0]["value"]
        (status,) = value["statuses"]
        assert "recipient_id" not in status  # no phone number known: a username user
        assert status["recipient_user_id"] == STRANGER
        assert value["contacts"] == [{"profile": {"name": "Customer"}, "user_id": STRANGER}]


def test_statuses_of_a_phone_send_carry_both_ids(
    client: httpx.Client, collected: list[dict[str, Any]], timer: ManualScheduler
) -> None:
    assert client.post(MESSAGES, json=example("location_request", OPEN_CONTACT.number),
                       headers=AUTH).status_code == 200  # fmt: skip
    timer.advance(1)
    value = collected[0]["entry"][0]["changes"][0]["value"]
    (status,) = value["statuses"]
    assert (status["recipient_id"], status["recipient_user_id"]) == (
        OPEN_CONTACT.wa_id, OPEN_CONTACT.user_id,
    )  # fmt: skip
    assert value["contacts"][0]["user_id"] == OPEN_CONTACT.user_id


def test_a_bsuid_in_to_or_both_keys_are_refused(client: httpx.Client) -> None:
    in_to = example("location_request", OPEN_CONTACT.user_id)
    refused = client.post(MESSAGES, json=in_to, headers=AUTH)
    assert refused.status_code == 400 and refused.json()["error"]["code"] == 131009
    assert "'recipient'" in refused.json()["error"]["error_data"]["details"]
    both = {**example("location_request", OPEN_CONTACT.number), "recipient": OPEN_CONTACT.user_id}
    assert client.post(MESSAGES, json=both, headers=AUTH).status_code == 400


def test_an_authentication_template_to_a_bsuid_is_refused(client: httpx.Client) -> None:
    payload = sample_payload("template", OPEN_CONTACT.number)
    payload["template"] = {
        "name": "login_code",
        "language": {"code": "en_US"},
        "components": [
            {"type": "body", "parameters": [{"type": "text", "text": "482913"}]},
            {"type": "button", "sub_type": "url", "index": "0",
             "parameters": [{"type": "text", "text": "482913"}]},
        ],
    }  # fmt: skip
    assert client.post(MESSAGES, json=payload, headers=AUTH).status_code == 200
    del payload["to"]
    payload["recipient"] = OPEN_CONTACT.user_id
    refused = client.post(MESSAGES, json=payload, headers=AUTH)
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["code"] == 131009 and "business-scoped user ID" in error["error_data"]["details"]


def test_a_null_optional_field_is_meta_s_type_error_not_missing(client: httpx.Client) -> None:
    payload = example("flow_navigate_by_id", OPEN_CONTACT.number)
    payload["interactive"]["action"]["parameters"]["flow_token"] = None
    error = client.post(MESSAGES, json=payload, headers=AUTH).json()["error"]
    assert error["code"] == 100 and error["message"] == "(#100) Invalid parameter"
    assert error["error_data"]["details"] == (
        "Param interactive['action']['parameters']['flow_token'] must be a string"
    )
    del payload["interactive"]["action"]["parameters"]["flow_token"]
    absent = client.post(MESSAGES, json=payload, headers=AUTH)
    assert absent.status_code == 200  # optional: absent is fine
