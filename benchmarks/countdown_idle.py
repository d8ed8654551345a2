"""CPU used by the window countdown while idle (prints figures; asserts nothing).

Runs the Qt event loop for SECONDS with (a) a countdown whose window is unknown (the shared
ticker is stopped), (b) one live countdown, (c) ten live countdowns sharing the one ticker, and
prints the process CPU time per case. Usage:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/countdown_idle.py [SECONDS]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from composer.storage.history import Store
from ui.panels.window_countdown import WindowCountdown, shared_ticker


def measure(seconds: float) -> float:
    # A local loop: QApplication.quit() would close (hide) the windows under test.
    loop = QEventLoop()
    start = time.process_time()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    return time.process_time() - start


def main() -> None:
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 5.0
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "db.sqlite3") as store:
        store.set_last_inbound("15550100001", datetime.now(UTC) - timedelta(hours=2), "webhook")
        host = QWidget()
        layout = QVBoxLayout(host)
        widgets = [WindowCountdown(store=store) for _ in range(10)]
        for widget in widgets:
            layout.addWidget(widget)
        host.show()
        app.processEvents()
        cases = (
            ("unknown (ticker stopped)", 0, "15550100002"),
            ("1 live countdown", 1, None),
            ("10 live countdowns", 10, None),
        )
        for label, live, unknown_number in cases:
            for i, widget in enumerate(widgets):
                widget.set_recipient(unknown_number or ("15550100001" if i < live else ""))
            cpu = measure(seconds)
            print(
                f"{label:26s} ticker running={shared_ticker().is_running()!s:5s} "
                f"CPU {cpu * 1000:7.1f} ms over {seconds:.0f} s ({cpu / seconds * 100:.2f} %)"
            )
        host.close()
        for widget in widgets:
            widget.set_recipient("")


if __name__ == "__main__":
    main()
