"""How often an idle composer window wakes up (issue 14: at most twice a second).

Builds the real window as a new user first sees it (sandbox profile, the first sample addressed
to a demo contact, the in-app webhook receiver running with the sandbox attached), lets it settle,
then leaves it alone for SECONDS and counts:
- Qt timer events delivered on the UI thread (an application-wide event filter), by receiver;
- wake-ups of every thread of the process: voluntary context switches from
  /proc/self/task/*/status (a thread blocked in select/poll/wait that wakes up is one switch),
  so polling loops in worker threads (the receiver's stop poll) count too.
Prints both per second, and the busiest sources. Usage:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/idle_wakeups.py [SECONDS]
"""

from __future__ import annotations

import collections
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer


class TimerCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.by_receiver: collections.Counter[str] = collections.Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Timer:
            parent = watched.parent()
            owner = f" of {type(parent).__name__}" if parent is not None else ""
            self.by_receiver[f"{type(watched).__name__}{owner}"] += 1
        return False


def thread_switches() -> dict[str, int]:
    """Voluntary context switches per thread (name:tid), Linux only ({} elsewhere)."""
    import threading

    names = {t.native_id: t.name for t in threading.enumerate()}
    out: dict[str, int] = {}
    tasks = Path("/proc/self/task")
    if not tasks.is_dir():
        return out
    for task in tasks.iterdir():
        try:
            status = (task / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":\t", 1) for line in status.splitlines() if ":\t" in line)
        name = names.get(int(task.name)) or fields.get("Name", "?").strip()
        key = f"{name} (tid {task.name})"
        out[key] = int(fields.get("voluntary_ctxt_switches", "0"))
    return out


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> int:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["WA_COMPOSER_HOME"] = tmp
        from composer.storage.drafts import DraftStore
        from ui.app import finish_then_collect, make_app, make_window
        from ui.services import Services

        app = make_app()
        services = Services(drafts=DraftStore(Path(tmp) / "drafts"))
        window = make_window(services)  # the app's defaults: first sample, autosave on
        window.show()
        window.start_editor()
        finish_then_collect(window)  # as the app finishes its start
        wait(1500)  # settle: first autosave, deferred work
        counter = TimerCounter()
        app.installEventFilter(counter)
        before = thread_switches()
        start = time.perf_counter()
        wait(int(seconds * 1000))
        elapsed = time.perf_counter() - start
        after = thread_switches()
        app.removeEventFilter(counter)
        counter.by_receiver["QTimer"] -= 1  # the benchmark's own single-shot timer
        timers = sum(counter.by_receiver.values())
        wakeups = {k: after[k] - before.get(k, 0) for k in after}
        print(f"idle for {elapsed:.1f} s; receiver running: {window.webhooks.running}")
        print("Qt timer events on the UI thread, by receiver:")
        for name, n in counter.by_receiver.most_common(8):
            if n <= 0:
                continue
            print(f"  {name:50s} {n / elapsed:6.2f}/s")
        print("thread wake-ups (voluntary context switches), by thread:")
        for name, n in sorted(wakeups.items(), key=lambda kv: -kv[1])[:8]:
            print(f"  {name:50s} {n / elapsed:6.2f}/s")
        total = sum(wakeups.values())
        print(
            f"idle: {timers / elapsed:.2f} timer events/s on the UI thread,"
            f" {total / elapsed:.2f} wake-ups/s for the whole process (target <= 2)"
        )
        window.close()
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
