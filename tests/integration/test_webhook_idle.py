"""The webhook receiver sleeps while nothing arrives, still answers at once, and closes at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest

from composer.storage.history import Store
from composer.webhooks.recorder import WebhookRecorder
from composer.webhooks.server import WebhookServer


def wakeups(thread: threading.Thread) -> int:
    """Times ``thread`` has gone to sleep and woken up (Linux: voluntary context switches)."""
    status = Path(f"/proc/self/task/{thread.native_id}/status").read_text()
    line = next(x for x in status.splitlines() if x.startswith("voluntary_ctxt_switches"))
    return int(line.split()[1])


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")
def test_an_idle_receiver_never_wakes_and_closes_at_once(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite3") as store:
        server = WebhookServer(WebhookRecorder(store), app_secret="s", verify_token="v").start()
        thread = server._thread
        assert thread is not None
        time.sleep(0.1)  # settled in its wait
        before = wakeups(thread)
        time.sleep(1.0)
        assert wakeups(thread) - before <= 1  # it polled 20 times a second before
        answer = httpx.get(server.url, params={"hub.mode": "subscribe", "hub.verify_token": "v",
                                               "hub.challenge": "42"}, timeout=5)  # fmt: skip
        assert (answer.status_code, answer.text) == (200, "42")  # a request still wakes it
        started = time.monotonic()
        server.close()
        assert time.monotonic() - started < 0.5 and not thread.is_alive()
        assert not server.running
