"""Sandbox send latency (in-process and over loopback) and store write rate (prints figures).

Usage: .venv/bin/python benchmarks/sandbox_send.py [SENDS]
Each send is the reply-buttons example to a fresh number (so no pair-rate refusals), validated
by the sandbox exactly as in the app; the store figures are record_send + three update_status
calls per message in a fresh SQLite file (WAL, synchronous=NORMAL).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import httpx

from composer.sandbox import (
    SANDBOX_PHONE_NUMBER_ID,
    RateRules,
    Sandbox,
    SandboxTransport,
    StatusDelays,
    serve,
)
from composer.storage.history import Store

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = json.loads((ROOT / "tests" / "data" / "examples.json").read_text())[
    "reply_buttons_text_header"
]
PATH = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"
AUTH = {"Authorization": "Bearer benchmark"}


def _sandbox() -> Sandbox:
    rules = RateRules(throughput_per_second=10**9)
    return Sandbox(delays=StatusDelays(None, None, None), rates=rules)


def _time_sends(client: httpx.Client, n: int) -> list[float]:
    times = []
    for i in range(n):
        body = dict(EXAMPLE, to=f"+4477{i:08d}")
        start = time.perf_counter()
        response = client.post(PATH, json=body, headers=AUTH)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.text
    return times


def _report(name: str, times: list[float]) -> None:
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{name}: median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, n={len(times)}")


def main(n: int) -> None:
    with _sandbox() as sandbox:
        transport = SandboxTransport(sandbox)
        with httpx.Client(base_url="https://graph.facebook.com", transport=transport) as c:
            _time_sends(c, 20)  # warm-up
            _report("in-process send (SandboxTransport)", _time_sends(c, n))
    with serve(sandbox=_sandbox()) as server, httpx.Client(base_url=server.url) as c:
        _time_sends(c, 20)
        _report("loopback send (HTTP server)", _time_sends(c, n))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite3") as store:
        now = datetime.now(UTC)
        start = time.perf_counter()
        for i in range(n):
            store.record_send(
                profile="bench",
                recipient="+15550100001",
                payload=EXAMPLE,
                outcome="accepted",
                wamid=f"wamid.{i}",
            )
            for status in ("sent", "delivered", "read"):
                store.update_status(f"wamid.{i}", status, now)
        elapsed = time.perf_counter() - start
        print(
            f"store: {n} sends with 3 statuses each in {elapsed:.2f} s "
            f"({n * 4 / elapsed:.0f} transactions/s)"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
