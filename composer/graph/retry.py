"""Bounded retries that can never send a message twice.

Only errors that say the request was NOT accepted and that are marked ``retryable`` (throughput
130429, pair rate 131056, 131000/131016/2/131057, ``is_transient``, HTTP 429, or a connection that
failed before anything was sent) are tried again. Errors with an unknown outcome are re-raised at
once. Each attempt is reported to the caller, and the sleep and clock are injectable so tests run
fast without patching.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from composer.graph.errors import GraphError, PairRateLimitError

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How hard to try. ``max_total_seconds`` bounds the waiting, ``max_attempts`` the requests."""

    max_attempts: int = 4
    max_total_seconds: float = 60.0
    base_delay: float = 1.0
    max_delay: float = 30.0
    # Spec section 17: after 131056 wait 4^X seconds, X = 0, 1, 2, ...
    pair_rate_base: float = 4.0

    def delay(self, error: GraphError, retry_index: int, pair_index: int) -> float:
        """Seconds to wait before the next try; Retry-After wins when the server sent it."""
        if error.retry_after is not None:
            return max(0.0, error.retry_after)
        if isinstance(error, PairRateLimitError):
            return float(self.pair_rate_base**pair_index)
        return float(min(self.max_delay, self.base_delay * 2**retry_index))


NO_RETRY = RetryPolicy(max_attempts=1)


@dataclass(frozen=True, slots=True)
class Attempt:
    """One request and what came of it, as shown to the user while sending."""

    number: int
    ok: bool
    seconds: float
    error: GraphError | None = None
    will_retry: bool = False
    delay: float | None = None

    def describe(self) -> str:
        if self.ok:
            return f"attempt {self.number}: accepted"
        assert self.error is not None
        text = f"attempt {self.number}: {self.error.summary()}"
        if self.will_retry and self.delay is not None:
            text += f" - retrying in {self.delay:g} s"
        return text


def _say_why_we_stopped(
    error: GraphError, policy: RetryPolicy, number: int, delay: float, waited: float
) -> None:
    """A retryable error that ends the loop must not still say "the app retries automatically"."""
    if not error.retryable or error.delivery_unknown:
        return
    if number < policy.max_attempts:  # stopped because the wait would pass the bound
        minutes = max(1, round(delay / 60))
        error.next_step = (
            f"WhatsApp asked to wait {delay:g} s, longer than the app waits "
            f"({policy.max_total_seconds:g} s in all). Nothing was sent: send it again in "
            f"about {minutes} minute{'' if minutes == 1 else 's'}."
        )
    else:
        tried = "once" if number == 1 else f"{number} times over {waited:.0f} s"
        error.next_step = (
            f"The app tried {tried} and WhatsApp refused. "
            "Nothing was sent: wait a minute, then send it again."
        )


def run_with_retries(
    call: Callable[[], T],
    policy: RetryPolicy,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
    on_attempt: Callable[[Attempt], None] | None = None,
) -> tuple[T, tuple[Attempt, ...]]:
    """Call until success, a final error, or the bounds are hit; returns the result and attempts.

    The GraphError that ends the loop is raised with ``.attempts`` set.
    """
    attempts: list[Attempt] = []
    start = clock()
    pair_index = 0
    for number in range(1, max(1, policy.max_attempts) + 1):
        began = clock()
        try:
            result = call()
        except GraphError as error:
            delay = policy.delay(error, number - 1, pair_index)
            if isinstance(error, PairRateLimitError):
                pair_index += 1
            waited = clock() - start
            retry = (
                error.retryable
                and not error.delivery_unknown
                and number < policy.max_attempts
                and waited + delay <= policy.max_total_seconds
            )
            spent = clock() - began
            attempt = Attempt(number, False, spent, error, retry, delay if retry else None)
            attempts.append(attempt)
            if on_attempt:
                on_attempt(attempt)
            if not retry:
                error.attempts = tuple(attempts)
                _say_why_we_stopped(error, policy, number, delay, waited)
                raise
            sleep(delay)
            continue
        attempt = Attempt(number, True, clock() - began)
        attempts.append(attempt)
        if on_attempt:
            on_attempt(attempt)
        return result, tuple(attempts)
    raise AssertionError("unreachable: the last attempt either returns or raises")
