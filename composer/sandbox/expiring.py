"""A bounded memory of ids: what the sandbox remembers about each message and media item.

Why: a ``wa-composer sandbox`` left running for days kept every id it ever handed out. Meta keeps
uploaded media for 30 days and lets a reaction target only messages of the last 30 days, so
anything older can be forgotten with no visible change; the size cap bounds a burst within those
30 days too (the oldest entries go first).
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime, timedelta
from typing import Final, Generic, TypeVar

from composer import limits

V = TypeVar("V")

MAX_AGE: Final = timedelta(seconds=limits.REACTION_MAX_AGE_SECONDS)
MAX_ENTRIES: Final = 200_000
"""About 40 MB of small records at most; far above any session's sends."""


class ExpiringIds(Generic[V]):
    """id -> value, forgetting entries older than ``max_age`` (by the time they were added) and
    the oldest ones past ``max_entries``. Not thread-safe: callers hold their own lock."""

    def __init__(self, max_age: timedelta = MAX_AGE, max_entries: int = MAX_ENTRIES) -> None:
        self.max_age = max_age
        self.max_entries = max_entries
        self._items: OrderedDict[str, tuple[datetime, V]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def put(self, key: str, value: V, at: datetime) -> None:
        self._items[key] = (at, value)
        self._items.move_to_end(key)
        self.prune(at)

    def get(self, key: str) -> V | None:
        item = self._items.get(key)
        return None if item is None else item[1]

    def prune(self, now: datetime) -> None:
        """Drop what is too old at ``now``, then the oldest past the size cap."""
        while self._items:
            oldest_key, (at, _value) = next(iter(self._items.items()))
            if now - at <= self.max_age and len(self._items) <= self.max_entries:
                break
            del self._items[oldest_key]
