"""The one mapping function: Graph error bodies and webhook error items -> error classes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.graph import errors as E
from composer.graph.errors import error_from_graph, error_from_webhook_error
from tests.paths import REFERENCE_SHAPES_JSON

SHAPES: dict[str, Any] = json.loads(REFERENCE_SHAPES_JSON.read_text(encoding="utf-8"))

# Spec section 11.4, code -> family the user sees.
EXPECTED = {
    0: E.AuthenticationError,
    190: E.AuthenticationError,
    3: E.GraphPermissionError,
    10: E.GraphPermissionError,
    200: E.GraphPermissionError,
    299: E.GraphPermissionError,
    4: E.RateLimitError,
    80007: E.RateLimitError,
    100: E.InvalidParameterError,
    131008: E.InvalidParameterError,
    131009: E.InvalidParameterError,
    130429: E.RateLimitError,
    131048: E.AccountError,
    131056: E.PairRateLimitError,
    131026: E.RecipientError,
    131047: E.WindowClosedError,
    131030: E.RecipientError,
    131051: E.UnsupportedMessageError,
    131052: E.MediaError,
    131053: E.MediaError,
    131049: E.AccountError,
    131050: E.RecipientError,
    131021: E.RecipientError,
    131031: E.AccountError,
    368: E.AccountError,
    130497: E.AccountError,
    131042: E.AccountError,
    131000: E.ServerError,
    131016: E.ServerError,
    2: E.ServerError,
    131057: E.ServerError,
    133010: E.AccountError,
    135000: E.InvalidParameterError,
    1026: E.UnsupportedMessageError,
    # docs/spec/templates.md section 6
    132000: E.TemplateError,
    132001: E.TemplateError,
    132005: E.TemplateError,
    132007: E.TemplateError,
    132012: E.TemplateError,
    132015: E.TemplateError,
    132016: E.TemplateError,
    132018: E.TemplateError,
}
RETRYABLE = {130429, 131056, 131000, 131016, 2, 131057}


def body(code: int, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "message": f"(#{code}) x", **extra}}


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_spec_code_maps_to_its_class(code: int) -> None:
    err = error_from_graph(body(code, fbtrace_id="T1"), 400)
    assert type(err) is EXPECTED[code]
    assert err.code == code and err.fbtrace_id == "T1" and err.http_status == 400
    assert err.title and err.explanation.endswith(".") and err.next_step
    assert err.retryable is (code in RETRYABLE)
    assert not err.delivery_unknown


def test_table_covers_exactly_the_spec_codes() -> None:
    assert set(E.CODES) == set(EXPECTED) - {200, 299}


def test_reference_shapes_map_with_details_and_trace_ids() -> None:
    limit = error_from_graph(SHAPES["error_response_rate_limit_130429"], 400)
    assert isinstance(limit, E.RateLimitError) and limit.retryable
    assert limit.details == "Cloud API message throughput has been reached."
    assert limit.subcode == 2494055 and limit.fbtrace_id == "Az8or2yhqkZfEZ-_4Qn_Bam"
    allowed = error_from_graph(SHAPES["error_response_test_number_not_allowed_131030"], 400)
    assert "allowed list" in allowed.next_step
    expired = error_from_graph(SHAPES["error_response_token_expired_190"], 401)
    assert isinstance(expired, E.AuthenticationError) and "new access token" in expired.next_step
    assert expired.details is None and not expired.retryable


def test_field_path_from_reference_131009_with_payload() -> None:
    payload = {
        "interactive": {
            "action": {
                "buttons": [
                    {"reply": {"id": "a", "title": "Fine"}},
                    {"reply": {"id": "b", "title": "Twenty-one characters"}},
                ]
            }
        }
    }
    err = error_from_graph(SHAPES["error_response_param_invalid_131009"], 400, payload)
    assert err.field_path == "interactive.action.buttons[1].reply.title"
    assert error_from_graph(SHAPES["error_response_param_invalid_131009"], 400).field_path is None


def test_is_transient_makes_an_unknown_code_retryable() -> None:
    err = error_from_graph(body(555555, is_transient=True, title="Odd"), 500)
    assert isinstance(err, E.ServerError) and err.retryable
    plain = error_from_graph(body(555555), 400)
    assert isinstance(plain, E.UnknownGraphError) and not plain.retryable
    assert "(#555555) x" in plain.explanation


@pytest.mark.parametrize(
    "junk", [None, "text", [], {}, {"error": "nope"}, {"error": []}, {"data": 1}]
)
def test_non_graph_bodies_are_malformed(junk: object) -> None:
    err = error_from_graph(junk, 400)
    assert isinstance(err, E.MalformedResponseError) and not err.delivery_unknown
    assert error_from_graph(junk, 200).delivery_unknown
    assert error_from_graph(junk, 503).delivery_unknown


def test_odd_field_types_do_not_break_the_mapping() -> None:
    err = error_from_graph(
        {"error": {"code": "131047", "error_data": "x", "fbtrace_id": 5, "message": 7}}, 400
    )
    assert isinstance(err, E.WindowClosedError)
    assert err.details is None and err.fbtrace_id is None
    assert isinstance(error_from_graph({"error": {"code": True}}, 400), E.UnknownGraphError)


def test_webhook_error_items_use_the_same_mapping() -> None:
    item = {
        "code": 131047,
        "title": "Re-engagement message",
        "message": "Re-engagement message",
        "error_data": {"details": "Message failed to send because more than 24 hours ..."},
        "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/",
    }
    err = error_from_webhook_error(item)
    assert isinstance(err, E.WindowClosedError) and err.http_status is None
    assert err.details and err.details.startswith("Message failed")
    assert isinstance(error_from_webhook_error("junk"), E.MalformedResponseError)
    field = error_from_webhook_error(
        {"code": 100, "message": "(#100) The parameter interactive['body']['text'] is required."}
    )
    assert field.field_path == "interactive.body.text"


def test_to_dict_and_describe_are_complete() -> None:
    err = error_from_graph(body(131026, fbtrace_id="TT", error_data={"details": "D"}), 400)
    data = err.to_dict()
    assert data["type"] == "RecipientError" and data["code"] == 131026
    assert {"title", "explanation", "next_step", "details", "fbtrace_id", "field_path"} <= set(data)
    text = err.describe()
    assert "Next step:" in text and "fbtrace_id: TT" in text and "D" in text
    json.dumps(data)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)
ERROR_KEYS = st.sampled_from(
    ["code", "message", "error_data", "fbtrace_id", "is_transient", "title"]
)


@settings(max_examples=200, deadline=None)
@given(
    error=st.dictionaries(ERROR_KEYS, JSON, max_size=6),
    payload=st.dictionaries(st.text(max_size=12), JSON, max_size=4) | st.none(),
    status=st.none() | st.integers(100, 599),
)
def test_mapping_never_raises_whatever_the_server_sends(
    error: dict[str, Any], payload: dict[str, Any] | None, status: int | None
) -> None:
    for body in ({"error": error}, error):
        err = error_from_graph(body, status, payload)
        assert isinstance(err, E.GraphError) and err.title and err.next_step
        json.dumps(err.to_dict())
    assert isinstance(error_from_webhook_error(error, payload), E.GraphError)
