"""GraphClient over real HTTP on loopback against the scripted fake Graph server."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from composer.accounts import Profile
from composer.graph import errors as E
from composer.graph.client import GraphClient
from composer.graph.retry import Attempt, RetryPolicy
from tests.core.sandbox.helpers import SimClock
from tests.integration.client_helpers import PAYLOAD, PNID, TOKEN, make_client
from tests.integration.fake_graph import SUCCESS_WAMID, FakeGraph, Reply, graph_error

HTTP_FOR_CODE = {0: 401, 190: 401, 3: 500, 10: 403, 368: 403, 130497: 403, 131031: 403}
HTTP_FOR_CODE |= {131000: 500, 131016: 500, 2: 503, 131057: 500}
ALL_CODES = [*sorted(E.CODES), 250]


def test_send_makes_exactly_the_documented_request(graph: FakeGraph) -> None:
    seen: list[Attempt] = []
    with make_client(graph.url) as client:
        result = client.send_message(PAYLOAD, on_attempt=seen.append)
    assert result.wamid == SUCCESS_WAMID
    assert result.wa_id == "16505550123"
    assert result.input == "+16505550123"
    assert [a.ok for a in result.attempts] == [True] and seen == list(result.attempts)
    [request] = graph.requests
    assert request.method == "POST"
    assert request.path == f"/v24.0/{PNID}/messages"
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert request.headers["content-type"] == "application/json"
    assert request.json() == PAYLOAD


def test_unencodable_payload_is_a_graph_error_and_nothing_is_sent(graph: FakeGraph) -> None:
    deep: object = []
    for _ in range(5000):  # deeper than json.dumps can go: was a bare RecursionError
        deep = [deep]
    with make_client(graph.url) as client:
        for bad in ({"a": deep}, {"a": float("nan")}, {"a": object()}):
            with pytest.raises(E.InvalidParameterError, match="can't be encoded as JSON"):
                client.send_message(bad)
    assert graph.requests == []


def test_version_and_base_url_come_from_the_profile(graph: FakeGraph) -> None:
    profile = Profile("p", PNID, api_version="v23.0", base_url=graph.url + "/prefix")
    with GraphClient(profile, TOKEN) as client:
        client.send_message(PAYLOAD)
    assert graph.requests[0].path == f"/prefix/v23.0/{PNID}/messages"


@pytest.mark.parametrize("code", ALL_CODES)
def test_every_mapped_code_becomes_its_class(graph: FakeGraph, code: int) -> None:
    info = E.CODES.get(code)
    status = HTTP_FOR_CODE.get(code, 400)
    graph.add(*[Reply(status, graph_error(code, details=f"detail {code}"))] * 3)
    clock = SimClock()
    client = make_client(graph.url, clock, RetryPolicy(max_attempts=3))
    with client, pytest.raises(E.GraphError) as caught:
        client.send_message(PAYLOAD)
    err = caught.value
    expected = info.cls if info else E.GraphPermissionError
    assert type(err) is expected
    assert (err.code, err.http_status, err.fbtrace_id) == (code, status, f"trace{code}")
    assert err.details == f"detail {code}"
    assert err.explanation and err.next_step and not err.delivery_unknown
    retried = info is not None and info.retryable
    assert len(graph.requests) == (3 if retried else 1)
    assert len(err.attempts) == len(graph.requests)
    assert len(clock.sleeps) == len(graph.requests) - 1


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (131047, "template"),
        (131030, "allowed list"),
        (190, "new access token"),
        (0, "new access token"),
        (131026, "number"),
    ],
)
def test_next_steps_say_what_to_do(graph: FakeGraph, code: int, words: str) -> None:
    graph.add(Reply(400, graph_error(code)))
    with make_client(graph.url) as client, pytest.raises(E.GraphError) as caught:
        client.send_message(PAYLOAD)
    assert words in caught.value.next_step


def test_window_closed_is_its_own_class(graph: FakeGraph) -> None:
    graph.add(Reply(400, graph_error(131047, "Re-engagement message")))
    with make_client(graph.url) as client, pytest.raises(E.WindowClosedError):
        client.send_message(PAYLOAD)


def test_field_detail_points_at_the_offending_button(graph: FakeGraph) -> None:
    graph.add(
        Reply(
            400,
            graph_error(
                131009,
                "(#131009) Parameter value is not valid",
                "Button title length invalid. Min length: 1, Max length: 20",
            ),
        )
    )
    with make_client(graph.url) as client, pytest.raises(E.InvalidParameterError) as caught:
        client.send_message(PAYLOAD)
    assert caught.value.field_path == "interactive.action.buttons[1].reply.title"
    assert "interactive.action.buttons[1].reply.title" in caught.value.describe()


def test_throughput_error_is_retried_then_succeeds(graph: FakeGraph) -> None:
    graph.add(Reply(400, graph_error(130429, "(#130429) Rate limit hit")))
    clock, seen = SimClock(), []
    with make_client(graph.url, clock) as client:
        result = client.send_message(PAYLOAD, on_attempt=seen.append)
    assert result.wamid == SUCCESS_WAMID
    assert len(graph.requests) == 2
    assert [a.ok for a in seen] == [False, True]
    assert seen[0].will_retry and seen[0].delay == 1.0 and clock.sleeps == [1.0]
    assert isinstance(seen[0].error, E.RateLimitError)
    assert "retrying in 1 s" in seen[0].describe()


def test_pair_rate_limit_backs_off_4_to_the_x(graph: FakeGraph) -> None:
    graph.add(*[Reply(400, graph_error(131056))] * 3)
    clock = SimClock()
    with make_client(graph.url, clock, RetryPolicy(max_attempts=4)) as client:
        result = client.send_message(PAYLOAD)
    assert clock.sleeps == [1.0, 4.0, 16.0]
    assert len(result.attempts) == 4 and len(graph.requests) == 4


def test_429_retry_after_is_honoured(graph: FakeGraph) -> None:
    graph.add(Reply(429, "slow down", {"Retry-After": "7", "Content-Type": "text/plain"}))
    clock = SimClock()
    with make_client(graph.url, clock) as client:
        client.send_message(PAYLOAD)
    assert clock.sleeps == [7.0]
    assert len(graph.requests) == 2


def test_retry_after_beyond_the_time_budget_gives_up(graph: FakeGraph) -> None:
    graph.add(Reply(429, graph_error(130429), {"Retry-After": "120"}))
    clock = SimClock()
    policy = RetryPolicy(max_total_seconds=60)
    with make_client(graph.url, clock, policy) as client, pytest.raises(E.RateLimitError):
        client.send_message(PAYLOAD)
    assert clock.sleeps == [] and len(graph.requests) == 1


def test_retries_are_bounded_in_count(graph: FakeGraph) -> None:
    graph.add(*[Reply(500, graph_error(131000))] * 10)
    clock = SimClock()
    client = make_client(graph.url, clock, RetryPolicy(max_attempts=3))
    with client, pytest.raises(E.ServerError) as caught:
        client.send_message(PAYLOAD)
    assert len(graph.requests) == 3 and len(caught.value.attempts) == 3
    assert clock.sleeps == [1.0, 2.0]


def test_retries_are_bounded_in_time(graph: FakeGraph) -> None:
    graph.add(*[Reply(503, graph_error(2))] * 10)
    clock = SimClock()
    policy = RetryPolicy(max_attempts=10, max_total_seconds=10, base_delay=2)
    with make_client(graph.url, clock, policy) as client, pytest.raises(E.ServerError):
        client.send_message(PAYLOAD)
    # 2 + 4 = 6 s waited; the next 8 s wait would pass the 10 s budget.
    assert clock.sleeps == [2.0, 4.0] and len(graph.requests) == 3


def test_is_transient_hint_is_retried(graph: FakeGraph) -> None:
    graph.add(Reply(500, graph_error(987654, "(#987654) Odd", is_transient=True)))
    with make_client(graph.url) as client:
        client.send_message(PAYLOAD)
    assert len(graph.requests) == 2


def test_unknown_code_keeps_the_raw_message(graph: FakeGraph) -> None:
    graph.add(Reply(400, graph_error(987654, "(#987654) Something new")))
    with make_client(graph.url) as client, pytest.raises(E.UnknownGraphError) as caught:
        client.send_message(PAYLOAD)
    assert "Something new" in caught.value.explanation
    assert len(graph.requests) == 1


@pytest.mark.parametrize(
    ("reply", "unknown"),
    [
        (Reply(200, b"{not json"), True),
        (Reply(200, {"messaging_product": "whatsapp"}), True),
        (Reply(200, b"[1, 2]"), True),
        (Reply(200, b"[" * 10_000 + b"]" * 10_000), True),  # was a bare RecursionError
        (Reply(400, b'{"error": ' * 10_000 + b"1" + b"}" * 10_000), False),
        (Reply(500, b"<html>Internal error</html>", {"Content-Type": "text/html"}), True),
        (Reply(502, b"Bad gateway", {"Content-Type": "text/plain"}), True),
        (Reply(404, b"<html>Not found</html>", {"Content-Type": "text/html"}), False),
    ],
)
def test_malformed_answers_are_never_retried(graph: FakeGraph, reply: Reply, unknown: bool) -> None:
    graph.add(reply, reply)
    with make_client(graph.url) as client, pytest.raises(E.MalformedResponseError) as caught:
        client.send_message(PAYLOAD)
    assert caught.value.delivery_unknown is unknown
    assert caught.value.http_status == reply.status
    assert len(graph.requests) == 1
    if unknown:
        assert "may or may not have been delivered" in caught.value.explanation


def test_slow_answer_is_outcome_unknown_and_sent_once(graph: FakeGraph) -> None:
    graph.add(Reply(delay=3.0), Reply())
    timeout = httpx.Timeout(5.0, read=0.3)
    client = make_client(graph.url, timeout=timeout)
    with client, pytest.raises(E.OutcomeUnknownError) as caught:
        client.send_message(PAYLOAD)
    err = caught.value
    assert err.delivery_unknown and not err.retryable
    assert "may or may not have been delivered" in err.explanation
    assert len(graph.requests) == 1 and len(err.attempts) == 1


def test_dropped_connection_is_outcome_unknown_and_sent_once(graph: FakeGraph) -> None:
    graph.add(Reply(drop=True), Reply())
    with make_client(graph.url) as client, pytest.raises(E.OutcomeUnknownError) as caught:
        client.send_message(PAYLOAD)
    assert "may or may not have been delivered" in str(caught.value)
    assert len(graph.requests) == 1
    assert graph.requests[0].json() == PAYLOAD  # the request did reach the server


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_connection_refused_is_safe_to_retry() -> None:
    clock = SimClock()
    url = f"http://127.0.0.1:{_closed_port()}"
    client = make_client(url, clock, RetryPolicy(max_attempts=3))
    with client, pytest.raises(E.NetworkError) as caught:
        client.send_message(PAYLOAD)
    assert len(caught.value.attempts) == 3 and clock.sleeps == [1.0, 2.0]
    assert "nothing was sent" in caught.value.explanation


def test_token_is_never_shown(graph: FakeGraph) -> None:
    graph.add(Reply(401, graph_error(190, "Error validating access token")))
    with make_client(graph.url) as client, pytest.raises(E.GraphError) as caught:
        client.send_message(PAYLOAD)
    err = caught.value
    shown = [repr(client), str(err), repr(err), err.describe(), json.dumps(err.to_dict())]
    shown += [a.describe() for a in err.attempts]
    assert all(TOKEN not in text for text in shown)


def test_token_echoed_by_the_server_is_scrubbed(graph: FakeGraph) -> None:
    echo = graph_error(190, f"Invalid OAuth access token {TOKEN}", details=f"token {TOKEN}")
    graph.add(Reply(401, echo))
    with make_client(graph.url) as client, pytest.raises(E.AuthenticationError) as caught:
        client.send_message(PAYLOAD)
    err = caught.value
    assert err.details == "token ***"
    assert TOKEN not in err.describe() + str(err) + json.dumps(err.to_dict())
