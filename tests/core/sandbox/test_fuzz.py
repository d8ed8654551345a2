"""Whatever arrives, the sandbox answers with Meta-shaped JSON and never raises."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from composer.sandbox import SANDBOX_PHONE_NUMBER_ID, RateRules, Sandbox, StatusDelays
from composer.sandbox.wire import SandboxRequest
from tests.core.sandbox.helpers import Clock
from tests.examples import examples

SANDBOX = Sandbox(
    Clock(),
    delays=StatusDelays(None, None, None),
    rates=RateRules(throughput_per_second=10**9, pair_burst=10**9),
)
HEADERS = {"authorization": "Bearer fuzz", "content-type": "application/json"}
MESSAGES = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"
VALID = list(examples().values())

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


def check(status: int, body: dict[str, Any]) -> None:
    if status == 200:
        assert body["messages"][0]["id"].startswith("wamid.")
    else:
        error = body["error"]
        assert isinstance(error["code"], int)
        # Meta answers 404 for a template that does not exist in that language (132001)
        assert status in (400, 401) or (status, error["code"]) == (404, 132001), (status, error)
        assert isinstance(error["message"], str) and error["fbtrace_id"]


def _paths(node: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _paths(value, (*prefix, index))
    return found


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(json_values)
def test_any_json_gets_a_meta_shaped_answer(value: object) -> None:
    answer = SANDBOX.handle(SandboxRequest("POST", MESSAGES, HEADERS, json.dumps(value).encode()))
    check(answer.status, answer.body)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_examples_get_a_meta_shaped_answer(data: st.DataObject) -> None:
    payload = json.loads(json.dumps(data.draw(st.sampled_from(VALID))))
    path = data.draw(st.sampled_from(_paths(payload)[1:]))
    parent = payload
    for step in path[:-1]:
        parent = parent[step]
    if data.draw(st.booleans()) and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = data.draw(json_values)
    answer = SANDBOX.handle(SandboxRequest("POST", MESSAGES, HEADERS, json.dumps(payload).encode()))
    check(answer.status, answer.body)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200), st.text(max_size=40), st.sampled_from(["GET", "POST", "PUT"]))
def test_any_bytes_path_and_method(body: bytes, path: str, method: str) -> None:
    for target in (MESSAGES, f"/{SANDBOX_PHONE_NUMBER_ID}/media", "/" + path):
        answer = SANDBOX.handle(SandboxRequest(method, target, HEADERS, body))
        check(answer.status, answer.body)
        json.loads(answer.content())
