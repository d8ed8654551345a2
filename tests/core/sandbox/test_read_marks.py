"""Mark as read and the typing indicator: Meta's status request on /messages answers
``{"success": true}``; a malformed one answers the Graph error of its first wrong field."""

from __future__ import annotations

import json
from typing import Any

import pytest

from composer.sandbox import SANDBOX_PHONE_NUMBER_ID, Sandbox, SandboxRequest
from composer.sandbox.read_marks import is_read_mark
from tests.core.sandbox.helpers import AUTH

WAMID = "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA"


def _post(sandbox: Sandbox, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    answer = sandbox.handle(SandboxRequest("POST", f"/v23.0/{SANDBOX_PHONE_NUMBER_ID}/messages",
                                           {k.lower(): v for k, v in AUTH.items()},
                                           json.dumps(body).encode()))  # fmt: skip
    return answer.status, answer.body


@pytest.mark.parametrize("typing", [False, True])
def test_a_read_mark_with_or_without_typing_succeeds(typing: bool) -> None:
    body: dict[str, Any] = {"messaging_product": "whatsapp", "status": "read", "message_id": WAMID}
    if typing:
        body["typing_indicator"] = {"type": "text"}
    with Sandbox() as sandbox:
        assert _post(sandbox, body) == (200, {"success": True})


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"typing_indicator": {"type": "audio"}}, 100),
        ({"status": "delivered"}, 100),
        ({"message_id": ""}, 100),
        ({"messaging_product": "sms"}, 100),
        ({"typing": True}, 100),
    ],
)
def test_a_malformed_read_mark_is_refused(change: dict[str, Any], code: int) -> None:
    body = {"messaging_product": "whatsapp", "status": "read", "message_id": WAMID, **change}
    with Sandbox() as sandbox:
        status, answer = _post(sandbox, body)
    assert status == 400 and answer["error"]["code"] == code


def test_a_read_mark_without_message_id_is_missing_a_parameter() -> None:
    with Sandbox() as sandbox:
        status, answer = _post(sandbox, {"messaging_product": "whatsapp", "status": "read"})
    assert status == 400 and answer["error"]["code"] == 131008


def test_a_message_is_not_a_read_mark() -> None:
    assert not is_read_mark({"status": "read", "type": "text", "text": {"body": "x"}})
    assert not is_read_mark(["status"])
    assert is_read_mark({"status": "read"})
