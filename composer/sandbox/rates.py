"""The two send-rate rules of spec 17, on the sandbox's injected clock.

* Throughput: at most ``throughput_per_second`` messages per business number in any one-second
  window (default 80); the next one gets 130429.
* Pair rate: one message every ``pair_interval_seconds`` (6 s) to the same user, with a burst of
  ``pair_burst`` (45) that borrows future quota. Modelled as a token bucket holding ``pair_burst``
  tokens and refilling one every 6 s: after a burst of 20 the user's quota takes 2 min to come
  back, as Meta describes. Going over gets 131056.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from composer import limits


@dataclass(frozen=True)
class RateRules:
    """Configurable so that demos and tests can trip the limits quickly."""

    throughput_per_second: int = limits.NUMBER_THROUGHPUT_PER_SECOND
    pair_interval_seconds: float = limits.PAIR_RATE_SECONDS
    pair_burst: int = limits.PAIR_RATE_BURST


class RateLimiter:
    """Not thread-safe by itself: the sandbox calls it under its own lock."""

    def __init__(self, rules: RateRules) -> None:
        self.rules = rules
        self._recent: deque[float] = deque()
        self._buckets: dict[str, tuple[float, float]] = {}  # wa_id -> (tokens, at)

    def check(self, wa_id: str, now: float) -> int | None:
        """Count one message to ``wa_id`` at ``now`` (seconds); the error code if refused.

        A refused message consumes no quota, as with the real API's rejected requests.
        """
        while self._recent and self._recent[0] <= now - 1.0:
            self._recent.popleft()
        if len(self._recent) >= self.rules.throughput_per_second:
            return 130429
        tokens, at = self._buckets.get(wa_id, (float(self.rules.pair_burst), now))
        refill = (now - at) / self.rules.pair_interval_seconds if now > at else 0.0
        tokens = min(float(self.rules.pair_burst), tokens + refill)
        if tokens < 1.0:
            self._buckets[wa_id] = (tokens, max(now, at))
            return 131056
        self._buckets[wa_id] = (tokens - 1.0, max(now, at))
        self._recent.append(now)
        return None
