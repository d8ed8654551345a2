"""run_with_retries: bounded, visible, and never retrying an unknown outcome."""

from __future__ import annotations

import pytest

from composer.graph import errors as E
from composer.graph.retry import Attempt, RetryPolicy, run_with_retries
from tests.core.sandbox.helpers import SimClock


def failing(*errors: E.GraphError) -> tuple[list[int], object]:
    calls: list[int] = []

    def call() -> str:
        calls.append(1)
        if len(calls) <= len(errors):
            raise errors[len(calls) - 1]
        return "done"

    return calls, call


def retryable() -> E.GraphError:
    return E.ServerError("t", "e.", "n", code=131000, retryable=True)


def test_success_first_time_reports_one_attempt() -> None:
    seen: list[Attempt] = []
    result, attempts = run_with_retries(lambda: 5, RetryPolicy(), on_attempt=seen.append)
    assert result == 5 and [a.ok for a in attempts] == [True] and seen == list(attempts)


def test_exponential_backoff_then_success() -> None:
    clock = SimClock()
    calls, call = failing(retryable(), retryable())
    result, attempts = run_with_retries(call, RetryPolicy(), sleep=clock.sleep, clock=clock)
    assert result == "done" and len(calls) == 3
    assert clock.sleeps == [1.0, 2.0]
    assert [a.will_retry for a in attempts] == [True, True, False]


def test_unknown_outcome_is_never_retried_even_if_marked_retryable() -> None:
    clock = SimClock()
    odd = E.OutcomeUnknownError("t", "e.", "n", retryable=True, delivery_unknown=True)
    calls, call = failing(odd)
    with pytest.raises(E.OutcomeUnknownError) as caught:
        run_with_retries(call, RetryPolicy(), sleep=clock.sleep, clock=clock)
    assert len(calls) == 1 and clock.sleeps == [] and len(caught.value.attempts) == 1


def test_non_retryable_error_stops_at_once() -> None:
    calls, call = failing(E.RecipientError("t", "e.", "n", code=131026))
    with pytest.raises(E.RecipientError):
        run_with_retries(call, RetryPolicy(), sleep=SimClock().sleep)
    assert len(calls) == 1


def test_pair_rate_delays_are_powers_of_four_and_retry_after_wins() -> None:
    policy = RetryPolicy()
    pair = E.PairRateLimitError("t", "e.", "n", code=131056, retryable=True)
    assert [policy.delay(pair, i, i) for i in range(3)] == [1.0, 4.0, 16.0]
    pair.retry_after = 2.5
    assert policy.delay(pair, 0, 3) == 2.5


def test_backoff_is_capped() -> None:
    policy = RetryPolicy(base_delay=1, max_delay=5)
    assert policy.delay(retryable(), 10, 0) == 5.0


@pytest.mark.parametrize("attempts", [1, 2, 5])
def test_count_bound(attempts: int) -> None:
    clock = SimClock()
    calls, call = failing(*[retryable() for _ in range(10)])
    with pytest.raises(E.ServerError) as caught:
        run_with_retries(call, RetryPolicy(max_attempts=attempts), sleep=clock.sleep, clock=clock)
    assert len(calls) == attempts == len(caught.value.attempts)


def test_a_retry_after_longer_than_the_app_waits_says_so_instead_of_waiting() -> None:
    """A 429 with Retry-After 3600 said "the app retries automatically" and then gave up."""
    clock = SimClock()
    limited = E.RateLimitError(
        "Too many requests", "e.", "Nothing to do: the app retries", retryable=True
    )
    limited.retry_after = 3600
    calls, call = failing(limited)
    with pytest.raises(E.RateLimitError) as caught:
        run_with_retries(call, RetryPolicy(), sleep=clock.sleep, clock=clock)
    assert len(calls) == 1 and clock.sleeps == []
    assert caught.value.next_step == (
        "WhatsApp asked to wait 3600 s, longer than the app waits (60 s in all). "
        "Nothing was sent: send it again in about 60 minutes."
    )
    assert "retries automatically" not in caught.value.describe()


def test_a_retryable_error_left_after_every_attempt_says_what_happened() -> None:
    clock = SimClock()
    calls, call = failing(*[retryable() for _ in range(4)])
    with pytest.raises(E.ServerError) as caught:
        run_with_retries(call, RetryPolicy(), sleep=clock.sleep, clock=clock)
    assert len(calls) == 4
    assert caught.value.next_step == (
        "The app tried 4 times over 7 s and WhatsApp refused. "
        "Nothing was sent: wait a minute, then send it again."
    )
