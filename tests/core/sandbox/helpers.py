"""Shared pieces for the sandbox and client tests: injected clocks and example payloads from
tests/data."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.paths import DATA

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


def examples() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / "examples.json").read_text(encoding="utf-8"))
    return data


def example(name: str, to: str) -> dict[str, Any]:
    payload = copy.deepcopy(examples()[name])
    payload["to"] = to
    return payload


def invalid_examples() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = examples()["invalid"]
    return found
