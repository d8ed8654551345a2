"""Start-up cost of the composer window against a bare PySide6 window (issue 4, target <= 1.5x).

Runs ``wa-composer --exit-after-first-paint`` and a bare QMainWindow script that quits the same
way, alternating, N times each in one go, and prints the medians of wall time (process start to
exit) and peak RSS (from ``os.wait4``'s per-child rusage) with their ratios. Qt is offscreen
unless a DISPLAY is set. ``WA_COMPOSER_HOME`` points at a fresh temporary directory so the
composer restores no draft (pass ``--with-draft`` to measure a restore of a saved draft too).

The "ready" row is printed for honesty: the composer paints its window first and builds the
editors (pydantic, validation, the sandbox's contacts, the history store) right after, so it also
runs ``wa-composer`` with ``WA_COMPOSER_EXIT_WHEN_READY=1`` and reports that time.

Usage: .venv/bin/python benchmarks/startup.py [-n 15] [--with-draft]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication(sys.argv)
w = QMainWindow()
w.setWindowTitle("bare")
w.setCentralWidget(QLabel("bare"))
w.resize(1280, 800)
q = Quit()
w.installEventFilter(q)
w.show()
sys.exit(app.exec())
"""


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one child run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {err[-400:]}")
    return wall, usage.ru_maxrss / 1024  # ru_maxrss is KiB on Linux


def seed_draft(home: Path) -> None:
    examples = Path(__file__).resolve().parents[1] / "tests" / "data" / "examples.json"
    payload = json.loads(examples.read_text(encoding="utf-8"))["list_single_section"]
    drafts = home / "data" / "drafts"
    drafts.mkdir(parents=True, exist_ok=True)
    record = {"name": "current", "saved_at": "2026-01-01T00:00:00+00:00",
              "data": {"kind": "list", "payload": payload, "profile": "sandbox"}}  # fmt: skip
    (drafts / "current.json").write_text(json.dumps(record), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=15, help="runs of each (default 15)")
    parser.add_argument("--with-draft", action="store_true", help="restore a saved list draft")
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    composer = [str(bindir / "wa-composer"), "--exit-after-first-paint"]
    bare = [sys.executable, "-c", BARE]
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        env["WA_COMPOSER_HOME"] = tmp
        # An installed app runs from compiled bytecode (pip compiles it); let the warm-up run
        # write __pycache__ so both sides are measured that way.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        if not env.get("DISPLAY"):
            env["QT_QPA_PLATFORM"] = "offscreen"
        if args.with_draft:
            seed_draft(Path(tmp))
        run_once(composer, env)  # warm the file cache for both
        run_once(bare, env)
        ready_env = dict(env, WA_COMPOSER_EXIT_WHEN_READY="1")
        results: dict[str, list[tuple[float, float]]] = {"composer": [], "bare": [], "ready": []}
        for _ in range(args.n):
            results["composer"].append(run_once(composer, env))
            results["bare"].append(run_once(bare, env))
            results["ready"].append(run_once([composer[0]], ready_env))
    med = {k: (statistics.median(w for w, _ in v), statistics.median(r for _, r in v))
           for k, v in results.items()}  # fmt: skip
    print(f"runs: {args.n} each, alternating; platform: {env.get('QT_QPA_PLATFORM', 'display')}")
    print(f"{'':10}{'wall ms':>10}{'peak RSS MiB':>15}")
    for k, (w, r) in med.items():
        print(f"{k:10}{w * 1000:10.0f}{r:15.1f}")
    (cw, cr), (bw, br) = med["composer"], med["bare"]
    print(f"{'ratio':10}{cw / bw:10.2f}{cr / br:15.2f}   (composer / bare; target <= 1.5 for both)")
    rw, rr = med["ready"]
    print(
        f"ready (editor built, draft restored, after the first paint): {rw * 1000:.0f} ms,"
        f" peak RSS {rr:.1f} MiB ({rw / bw:.2f}x / {rr / br:.2f}x the bare window)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
