"""The voice_call kind: reading and writing, each rule failing and passing, the sandbox's window
and the CLI's validate and send, all through the registry."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from composer import limits
from composer.cli import main
from composer.kinds import spec
from composer.kinds.voice_call import VoiceCall
from composer.messages import Message, MessageKind
from composer.payload import PayloadError, from_payload, to_payload
from composer.samples import sample_payload
from composer.validation.check import Issue, Severity, validate_payload
from tests.examples import example

PARAMS = "interactive.action.parameters"
CLOSED = "+15550100003"  # the sandbox's demo contact whose window is closed


def voice(**parameters: Any) -> dict[str, Any]:
    """The full example with ``parameters`` changed (a value None removes the key)."""
    payload = example("voice_call_button")
    params = payload["interactive"]["action"]["parameters"]
    for key, value in parameters.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return payload


def errors(payload: dict[str, Any], rule: str) -> list[Issue]:
    return [i for i in validate_payload(payload) if i.rule == rule and i.severity is Severity.ERROR]


def test_reads_every_parameter_and_writes_the_same_json() -> None:
    payload = example("voice_call_button")
    msg = from_payload(payload)
    c = msg.content
    assert isinstance(c, VoiceCall) and c.kind is MessageKind.VOICE_CALL
    assert (c.display_text, c.ttl_minutes, c.payload) == ("Call us now", 4320, "replacement-4471")
    assert c.header is not None and c.footer == "Open 9:00-18:00"
    assert to_payload(msg) == payload


def test_without_parameters_nothing_is_invented() -> None:
    payload = example("voice_call_defaults")
    msg = from_payload(payload)
    assert isinstance(msg.content, VoiceCall)
    assert (msg.content.display_text, msg.content.ttl_minutes, msg.content.payload) == (
        None, None, None,
    )  # fmt: skip
    assert to_payload(msg)["interactive"]["action"] == {"name": "voice_call"}
    assert validate_payload(payload) == []


def test_a_model_built_in_code_writes_only_what_it_has() -> None:
    msg = Message(to="+15550100001", content=VoiceCall(body="Call us", ttl_minutes=60))
    action = to_payload(msg)["interactive"]["action"]
    assert action == {"name": "voice_call", "parameters": {"ttl_minutes": 60}}


@pytest.mark.parametrize("bad", ["60", 12.5, True, None])
def test_ttl_minutes_must_be_a_whole_number(bad: Any) -> None:
    payload = voice()
    payload["interactive"]["action"]["parameters"]["ttl_minutes"] = bad
    with pytest.raises(PayloadError) as caught:
        from_payload(payload)
    (issue,) = caught.value.issues
    assert (issue.rule, issue.path) == ("voice_call.ttl_minutes", PARAMS + ".ttl_minutes")


def test_unknown_parameters_are_refused() -> None:
    payload = voice(phone_number="+15550100000")
    issues = validate_payload(payload)
    assert [(i.rule, i.path) for i in issues] == [
        ("payload.unknown_field", PARAMS + ".phone_number")
    ]


# (rule, failing payload, passing payload): one pair per rule id of the kind.
CASES: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    (
        "voice_call.action_name",
        {**voice(), "interactive": {**voice()["interactive"], "action": {"name": "call"}}},
        voice(),
    ),
    ("voice_call.display_text_len", voice(display_text="d" * 21), voice(display_text="d" * 20)),
    ("voice_call.display_text_len", voice(display_text=""), voice(display_text=None)),
    ("voice_call.ttl_minutes", voice(ttl_minutes=0), voice(ttl_minutes=1)),
    ("voice_call.ttl_minutes", voice(ttl_minutes=43201), voice(ttl_minutes=43200)),
    ("voice_call.payload_len", voice(payload="p" * 513), voice(payload="p" * 512)),
]


@pytest.mark.parametrize(("rule", "failing", "passing"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_fails_and_passes(
    rule: str, failing: dict[str, Any], passing: dict[str, Any]
) -> None:
    found = errors(failing, rule)
    assert found, f"{rule} not reported"
    assert all(i.message.endswith(".") and i.path.startswith("interactive.action") for i in found)
    assert errors(passing, rule) == []
    assert validate_payload(passing) == []


def test_every_limit_of_the_kind_has_a_case() -> None:
    row = spec(MessageKind.VOICE_CALL)
    assert isinstance(row.limits, tuple)
    assert {limit.rule for limit in row.limits} <= {rule for rule, *_ in CASES}
    assert limits.VOICE_CALL_DISPLAY_TEXT.maximum == 20
    assert (limits.VOICE_CALL_TTL_MINUTES.minimum, limits.VOICE_CALL_TTL_MINUTES.maximum) == (
        1, 43200,
    )  # fmt: skip
    assert limits.VOICE_CALL_PAYLOAD.maximum == 512


def test_the_ttl_message_names_the_range_and_the_default() -> None:
    (issue,) = errors(voice(ttl_minutes=50000), "voice_call.ttl_minutes")
    assert "50000" in issue.message and "1 to 43200" in issue.message
    assert "10080" in issue.message


def test_header_footer_and_body_follow_the_part_policy() -> None:
    no_body = voice()
    del no_body["interactive"]["body"]
    assert errors(no_body, "body.required")
    image = voice()
    image["interactive"]["header"] = {
        "type": "image",
        "image": {"link": "https://example.com/a.jpg"},
    }
    assert validate_payload(image) == []


# --- the sandbox and the CLI, through the registry ----------------------------------------------


def _file(tmp_path: Path, payload: dict[str, Any], name: str = "voice.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(payload), encoding="utf-8")
    return str(path)


def test_cli_validate_knows_the_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", _file(tmp_path, example("voice_call_button"))]) == 0
    bad = _file(tmp_path, voice(ttl_minutes=0), "bad.json")
    assert main(["validate", "--json", bad]) == 1
    result = json.loads(capsys.readouterr().out)
    assert [i["rule"] for i in result[0]["issues"]] == ["voice_call.ttl_minutes"]


def test_cli_send_goes_inside_the_window_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    message = _file(tmp_path, sample_payload("voice_call"))
    assert main(["send", message]) == 0  # the sample's contact: window open
    assert capsys.readouterr().out.strip().startswith("wamid.")
    assert main(["send", message, "--to", CLOSED]) == 1
    assert "131047" in capsys.readouterr().err


def test_the_sandbox_sends_it_in_the_window_and_refuses_it_outside() -> None:
    import httpx

    from composer.sandbox import (
        CLOSED_CONTACT,
        OPEN_CONTACT,
        SANDBOX_PHONE_NUMBER_ID,
        Sandbox,
        SandboxTransport,
        StatusDelays,
    )
    from tests.core.sandbox.helpers import AUTH, Clock

    url = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"
    with (
        Sandbox(Clock(), delays=StatusDelays(None, None, None)) as sandbox,
        httpx.Client(
            base_url="https://graph.facebook.com", transport=SandboxTransport(sandbox)
        ) as c,
    ):
        ok = c.post(url, json=sample_payload("voice_call", OPEN_CONTACT.number), headers=AUTH)
        assert ok.status_code == 200 and ok.json()["messages"][0]["id"].startswith("wamid.")
        closed = c.post(url, json=sample_payload("voice_call", CLOSED_CONTACT.number), headers=AUTH)
        assert closed.status_code == 400 and closed.json()["error"]["code"] == 131047
        bad = c.post(url, json={**voice(ttl_minutes=0), "to": OPEN_CONTACT.number}, headers=AUTH)
        assert bad.status_code == 400
        assert "ttl_minutes" in json.dumps(bad.json())


def test_a_decimal_ttl_is_refused_with_its_value_named() -> None:
    from composer.codec.errors import PayloadError
    from composer.payload import from_payload

    payload = {"messaging_product": "whatsapp", "to": "+15550100001", "type": "interactive",
               "interactive": {"type": "voice_call", "body": {"text": "Call us"},
                               "action": {"name": "voice_call",
                                          "parameters": {"ttl_minutes": 1440.0}}}}  # fmt: skip
    try:
        from_payload(payload)
    except PayloadError as exc:
        (issue,) = [i for i in exc.issues if i.rule == "voice_call.ttl_minutes"]
        assert "whole number, not the decimal number 1440.0" in issue.message
    else:
        raise AssertionError("a decimal ttl_minutes must be refused")
