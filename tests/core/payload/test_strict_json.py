"""One JSON reading rule: validate, send and the sandbox accept and refuse the same documents."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.cli.validate import InputError, parse_json, validate_bytes
from composer.codec.strict_json import MAX_DEPTH, JsonRefused, loads_strict
from composer.sandbox import SANDBOX_PHONE_NUMBER_ID, Sandbox, SandboxTransport, StatusDelays
from tests.core.sandbox.helpers import AUTH, Clock
from tests.examples import example

MESSAGES = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"
SHAPE_CODES = {100, 131008, 131009}


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[NaN]", "NaN is not allowed"),
        (b"[-Infinity]", "-Infinity is not allowed"),
        (b"[1e400]", "too large"),
        (b'{"a": "\\ud800"}', "lone surrogate"),
        (b'{"\\udfff": 1}', "lone surrogate"),
        (b'"\xed\xa0\x80"', "not UTF-8"),  # a surrogate encoded in UTF-8 bytes
        ('{"a": 1}'.encode("utf-16"), "not UTF-8"),
        ('{"a": 1}'.encode("utf-32"), "not UTF-8"),
        (b"[" * (MAX_DEPTH + 1) + b"]" * (MAX_DEPTH + 1), "nested too deeply"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b"[1" + b"0" * 5000 + b"]", "thousands of digits"),
        (b"{nope", "Expecting property name"),
        (b"[" + b"1," * 100_000 + b"1]", "over 100,000 values"),
    ],
)
def test_refused_documents_say_why(data: bytes, reason: str) -> None:
    with pytest.raises(JsonRefused, match=reason):
        loads_strict(data)


@pytest.mark.parametrize(
    ("data", "value"),
    [
        (b"\xef\xbb\xbf{}", {}),
        (b'{"a": "\\ud83d\\udc4d"}', {"a": "\N{THUMBS UP SIGN}"}),  # a proper surrogate pair
        (b"[1e308, -0.5, 12345678901234567890]", [1e308, -0.5, 12345678901234567890]),
        (b"[" * MAX_DEPTH + b"]" * MAX_DEPTH, json.loads("[" * MAX_DEPTH + "]" * MAX_DEPTH)),
    ],
)
def test_accepted_documents_read_as_json_does(data: bytes, value: object) -> None:
    assert loads_strict(data) == value


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with Sandbox(Clock(), delays=StatusDelays(None, None, None)) as sandbox:
        transport = SandboxTransport(sandbox)
        with httpx.Client(base_url="https://graph.facebook.com", transport=transport) as c:
            yield c


_FRAGMENTS = st.sampled_from([
    '"\\ud800"', '"\\udc00x"', "NaN", "Infinity", "1e400", "-1e999", "1.5", "0", '"ok"',
    '"\\ud83d\\udc4d"', "null", "true", "[]", "{}", '"é"',
])  # fmt: skip


@st.composite
def _bodies(draw: st.DrawFn) -> bytes:
    """A real message with one value replaced by an edge-case fragment, in some encoding."""
    payload = example("reply_buttons_text_header", "+15550100001")
    if draw(st.booleans()):
        payload["interactive"]["action"]["buttons"][0]["reply"]["title"] = "@@HOLE@@"
    else:
        payload["biz_opaque_callback_data"] = "@@HOLE@@"
    text = json.dumps(payload, ensure_ascii=False).replace('"@@HOLE@@"', draw(_FRAGMENTS))
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8", "utf-16", "utf-8-sig"]))
    return text.encode(encoding, errors="surrogatepass")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=_bodies())
def test_validate_send_and_the_sandbox_agree_on_every_body(
    client: httpx.Client, body: bytes
) -> None:
    result = validate_bytes("f.json", body)
    try:
        parse_json(body)  # what `send` reads with
        send_reads = True
    except InputError:
        send_reads = False
    answer = client.post(
        MESSAGES, content=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    sandbox_reads = "not valid JSON" not in answer.text
    assert result.readable == send_reads == sandbox_reads, (body[:200], answer.text)
    if result.valid:  # validate said exit 0: the sandbox finds no shape problem either
        code = answer.json().get("error", {}).get("code")
        assert answer.status_code == 200 or code not in SHAPE_CODES, answer.text
