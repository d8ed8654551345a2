"""Webhook receiver throughput and latency on loopback (prints figures; asserts nothing).

Spec 13.2's rule of thumb: median latency <= 250 ms and < 1 % over 1 s. Usage:
    .venv/bin/python benchmarks/webhook_receiver.py [POSTS] [CLIENT_THREADS]
Each POST is a signed inbound-message body for a distinct customer, recorded in a fresh SQLite
store in a temporary directory.
"""

from __future__ import annotations

import secrets
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from composer.storage.history import Store
from composer.webhooks.parsing import SIGNATURE_HEADER, canonical_body, sign
from composer.webhooks.recorder import WebhookRecorder
from composer.webhooks.server import WebhookServer

SECRET = secrets.token_hex(16)


def body(i: int) -> bytes:
    return canonical_body(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "1",
                    "changes": [
                        {
                            "field": "messages",
                            "value": {
                                "messaging_product": "whatsapp",
                                "metadata": {"phone_number_id": "1"},
                                "messages": [
                                    {
                                        "from": f"1555{i:07d}",
                                        "id": f"wamid.bench-{i}",
                                        "timestamp": str(1750000000 + i),
                                        "type": "text",
                                        "text": {"body": "olá 👋"},
                                    }
                                ],
                            },
                        }
                    ],
                }
            ],
        }
    )


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 4
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.sqlite3") as store:
        server = WebhookServer(
            WebhookRecorder(store), app_secret=SECRET, verify_token=secrets.token_hex(8)
        )
        with server:
            url = server.url

            def run(worker: int) -> list[float]:
                latencies = []
                with httpx.Client() as client:
                    for i in range(worker, total, workers):
                        raw = body(i)
                        headers = {SIGNATURE_HEADER: sign(raw, SECRET)}
                        start = time.perf_counter()
                        response = client.post(url, content=raw, headers=headers)
                        latencies.append(time.perf_counter() - start)
                        response.raise_for_status()
                return latencies

            began = time.perf_counter()
            with ThreadPoolExecutor(workers) as pool:
                latencies = sorted(x for chunk in pool.map(run, range(workers)) for x in chunk)
            elapsed = time.perf_counter() - began
            recorded = server.recorder.total.recorded
    ms = [x * 1000 for x in latencies]
    print(f"posts: {total} from {workers} keep-alive clients, recorded: {recorded}")
    print(f"throughput: {total / elapsed:.0f} POST/s ({elapsed:.2f} s)")
    print(
        f"latency ms: median {statistics.median(ms):.1f}, p95 {ms[int(len(ms) * 0.95)]:.1f}, "
        f"p99 {ms[int(len(ms) * 0.99)]:.1f}, max {ms[-1]:.1f}; over 1 s: "
        f"{sum(1 for x in ms if x > 1000)}"
    )


if __name__ == "__main__":
    main()
