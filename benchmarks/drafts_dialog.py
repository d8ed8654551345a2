"""How long the drafts dialog takes to open with 1,000 and 10,000 saved drafts (issue 14: <= 10 ms).

Writes N drafts as the app saves them (one JSON file each; plain writes, without the app's fsyncs,
to set up faster) into a temporary library and lets it rest for a few seconds (a folder changed
within the last two seconds is looked at file by file: the drafts index's "racy" rule). Then it
times, from the dialog's construction until the event loop is idle with it painted, the first
open (which builds the library's index when there is one) and the median and best of five later
opens. Usage:
    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/drafts_dialog.py [N ...]
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

KINDS = ("button", "list", "text", "cta_url")


def write_drafts(library: Path, count: int) -> None:
    library.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        record = {
            "name": f"Draft {n:05d}",
            "saved_at": f"2026-01-01T00:{n // 60 % 60:02d}:{n % 60:02d}+00:00",
            "data": {"kind": kind, "profile": "sandbox", "payload": {
                "messaging_product": "whatsapp", "to": "+15550100001", "type": "interactive",
                "interactive": {"type": kind, "body": {"text": f"Body text of draft {n}"}}}},
        }  # fmt: skip
        (library / f"Draft {n:05d}.json").write_text(json.dumps(record), encoding="utf-8")


def open_ms(keeper: object) -> tuple[float, float]:
    """(wall ms, UI thread CPU ms) from construction to painted."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from ui.panels.dialogs.drafts_dialog import DraftsDialog

    start, cpu = time.perf_counter(), time.thread_time()
    dialog = DraftsDialog(keeper, None)  # type: ignore[arg-type]
    dialog.show()
    QApplication.processEvents()  # laid out and painted
    elapsed = (time.perf_counter() - start) * 1000, (time.thread_time() - cpu) * 1000
    dialog.close()
    dialog.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone, not piling up
    return elapsed


def main() -> int:
    counts = [int(a) for a in sys.argv[1:]] or [1_000, 10_000]
    from composer.storage.drafts import DraftStore
    from ui.app import make_app

    make_app()
    for count in counts:
        with tempfile.TemporaryDirectory() as tmp:
            write_drafts(Path(tmp) / "drafts" / "library", count)
            time.sleep(2.5)
            store = DraftStore(Path(tmp) / "drafts")
            keeper = SimpleNamespace(store=store)
            first, _ = open_ms(keeper)
            later = [open_ms(keeper) for _ in range(5)]
            wall, cpu = [w for w, _ in later], [c for _, c in later]
            print(
                f"{count:6d} drafts: first open {first:7.1f} ms; later opens: median"
                f" {statistics.median(wall):5.1f} ms (best {min(wall):5.1f}), UI thread CPU"
                f" {statistics.median(cpu):5.1f} ms (target <= 10)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
