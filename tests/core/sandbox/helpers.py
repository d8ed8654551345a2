"""Shared pieces for the sandbox and client tests: injected clocks, a hand-driven scheduler."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
TOKEN = "EAAG-test-token-never-real"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


class Clock:
    """The sandbox's clock seam: time only moves when a test moves it."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class SimClock:
    """Monotonic seconds that move only when the code under test sleeps: exact backoff figures,
    fast tests (the client's and run_with_retries' ``sleep``/``clock`` seams)."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self) -> float:
        return self.now


class ManualScheduler:
    """The status feed's scheduler seam, driven by hand: callbacks run only in ``advance``, in
    due order, on the test's thread. "Nothing else arrives" is then a fact, not a wait."""

    def __init__(self) -> None:
        self.now = 0.0
        self.closed = False
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = itertools.count()

    def call_later(self, delay: float, fn: Callable[[], None]) -> None:
        if not self.closed:
            heapq.heappush(self._heap, (self.now + delay, next(self._seq), fn))

    def close(self) -> None:
        self.closed = True
        self._heap.clear()

    def pending(self) -> int:
        return len(self._heap)

    def advance(self, seconds: float) -> int:
        """Move time on and run what became due (also what those calls schedule); the count."""
        target, ran = self.now + seconds, 0
        while self._heap and self._heap[0][0] <= target:
            due, _, fn = heapq.heappop(self._heap)
            self.now = due
            fn()
            ran += 1
        self.now = target
        return ran
