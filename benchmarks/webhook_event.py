"""Time on the UI thread per webhook status event, with a large history (issue 14).

Builds the real window (in-process sandbox, a history store in a temporary home) with ROWS sends
in the store. For each event it applies the status to the store (off the clock: the receiver's
thread does that), then times on the UI thread the window's handling of the event
(``webhooks.event_received``, as the receiver emits it) plus the event loop until idle, repaints
included. The events move the 100 newest sends (those on screen) through sent and delivered with
the History tab shown, then read and failed with it hidden (a failure also refreshes the
countdown). Prints p50/p95/max per case (wall time, then the UI thread's CPU time, which other
processes on a busy machine do not inflate), and where the slowest event was. Usage:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/webhook_event.py [--rows N] [--events N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def settle(app: object) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WA_COMPOSER_HOME"] = tmp
        from composer.sandbox import Sandbox, StatusDelays
        from composer.storage.drafts import DraftStore
        from composer.webhooks.parsing import StatusUpdate
        from ui.app import finish_then_collect, make_app, make_window
        from ui.services import Services

        app = make_app()
        quiet = StatusDelays(sent=None, delivered=None, read=None)
        services = Services(
            drafts=DraftStore(Path(tmp) / "drafts"), sandbox_factory=lambda: Sandbox(delays=quiet)
        )
        window = make_window(services, autosave=False)
        window.show()
        window.start_editor()
        finish_then_collect(window)  # as the app finishes its start
        store = services.store()
        payload = {
            "messaging_product": "whatsapp", "to": "+15550100001", "type": "interactive",
            "interactive": {"type": "button", "body": {"text": "Is 14:00 tomorrow fine?"},
                            "action": {"buttons": [{"type": "reply",
                                                    "reply": {"id": "y", "title": "Yes"}}]}},
        }  # fmt: skip
        start = time.perf_counter()
        for n in range(args.rows):
            store.record_send(
                profile="sandbox", recipient="+15550100001", payload=payload,
                outcome="accepted", wamid=f"wamid.bench{n}",
            )  # fmt: skip
        print(f"store: {args.rows} sends recorded in {time.perf_counter() - start:.1f} s")
        window.refresh_history()
        settle(app)
        at = datetime.now(UTC)
        # The newest sends (the ones on screen) move on by one status per round of events.
        shown = min(100, args.rows)
        newest = [f"wamid.bench{args.rows - 1 - i}" for i in range(shown)]
        statuses = iter(("sent", "delivered", "read", "failed"))
        results: dict[str, list[float]] = {}
        for case in ("History tab shown", "History tab hidden"):
            window.tabs.setCurrentWidget(window.history if "shown" in case else window.json_view)
            settle(app)  # the tab's first paint is not an event's
            times: list[float] = []
            cpu: list[float] = []
            while len(times) < args.events:
                status = next(statuses, "failed")
                for wamid in newest[: args.events - len(times)]:
                    store.update_status(wamid, status, at)
                    event = StatusUpdate(wamid, status, at, recipient_id="15550100001")
                    t0, c0 = time.perf_counter(), time.thread_time()
                    window.webhooks.event_received.emit(event)
                    app.processEvents()
                    cpu.append((time.thread_time() - c0) * 1000)
                    times.append((time.perf_counter() - t0) * 1000)
            results[case] = times
            results[f"{case}, CPU"] = cpu
        for case, times in results.items():
            print(
                f"{case:25s} per event: p50 {statistics.median(times):6.2f} ms"
                f"  p95 {percentile(times, 0.95):6.2f} ms  max {max(times):6.2f} ms"
                f" (event #{times.index(max(times)) + 1}; {len(times)} events,"
                f" {args.rows} rows in the store)"
            )
        window.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
