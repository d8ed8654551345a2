"""Start-up of the composer window against a bare PySide6 window (issue 14: the editor usable in
<= 2.0x the bare window's time, peak RSS <= 1.6x).

Headline: ``wa-composer`` with ``WA_COMPOSER_EXIT_WHEN_READY=1`` quits once the editor is usable
(built, the draft restored or a first sample shown: ``MainWindow.ready``, then the form's next
paint); a bare QMainWindow script quits after its first paint. Both print that moment
(``time.monotonic()``, the same clock in every process) just before quitting, and the time from
just before the process is spawned to that moment is what the user waits: the headline. The
process's teardown after it is not part of the wait; the wall time to exit is shown beside it.
All rows run interleaved, N times each, and the medians of those times and of peak RSS
(``os.wait4``'s per-child rusage) are compared.

For honesty two more rows: "first paint" (``--exit-after-first-paint``: the empty frame, which
says nothing about when the user can type) and "settled" (``WA_COMPOSER_EXIT_WHEN_READY=settled``:
the rest of the window built too: history, countdown, webhook receiver; Send enabled).
Qt is offscreen unless a DISPLAY is set. ``WA_COMPOSER_HOME`` points at a fresh temporary
directory. The warm-up run shows the first sample and saves it as the current draft when it
quits, so the measured runs restore that draft (with its profile), as every launch after a user's
first does; ``--with-draft`` seeds a list draft instead.

``--against DIR`` (repeatable) adds a row "ready @DIR": the ready run from another checkout
(e.g. ``git worktree add /tmp/old REV``), interleaved with the others; each round runs them in
the opposite order of the last, so no row always follows the same one. On a machine whose speed
drifts (2x within minutes on a shared VM) only interleaved runs compare two commits; compare two
``@`` rows (``--against /tmp/old --against /tmp/new``), which start the same way (``python -c``
with the checkout first on ``sys.path``), rather than an ``@`` row with "ready" (the console
script): the same tree has read 44 ms faster, and 48 ms slower, as an ``@`` row. Each later
``@`` row also gets the median of its per-round differences from the first one: the two run
side by side in every round, so that figure is steadier than the difference of two medians.

Usage: .venv/bin/python benchmarks/startup.py [-n 15] [--with-draft] [--against DIR ...]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

def stamp():
    print(f"bare: first paint at monotonic {time.monotonic():.6f}", flush=True)
    QApplication.quit()

class Quit(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, stamp)
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


STAMP = re.compile(r" at monotonic (\d+\.\d+)$", re.MULTILINE)


def run_once(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """(seconds to the moment the child printed, seconds to its exit, peak RSS MiB) of one run."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        printed, errors = out.read().decode(errors="replace"), err.read().decode(errors="replace")
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {errors[-400:]}")
    moment = STAMP.search(printed)
    if moment is None:
        raise SystemExit(f"{cmd[0]} printed no moment: {printed[-400:]!r}")
    return float(moment.group(1)) - start, wall, usage.ru_maxrss / 1024  # KiB on Linux


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
    parser.add_argument(
        "--against", type=Path, action="append", default=[], help="another checkout (repeatable)"
    )
    args = parser.parse_args()
    bindir = Path(sys.executable).parent
    composer = str(bindir / "wa-composer")
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
        runs = {
            "ready": ([composer], dict(env, WA_COMPOSER_EXIT_WHEN_READY="1")),
            "bare": (bare, env),
            "first paint": ([composer, "--exit-after-first-paint"], env),
            "settled": ([composer], dict(env, WA_COMPOSER_EXIT_WHEN_READY="settled")),
        }
        for checkout in args.against:
            where = str(checkout.resolve())
            launch = (f"import sys; sys.path.insert(0, {where!r}); "
                      "from wa_composer.launcher import main; sys.exit(main([]))")  # fmt: skip
            ready_env = dict(env, WA_COMPOSER_EXIT_WHEN_READY="1")
            runs["ready @" + checkout.name] = ([sys.executable, "-c", launch], ready_env)
        for cmd, run_env in runs.values():
            run_once(cmd, run_env)  # warm the file cache and the bytecode
        results: dict[str, list[tuple[float, float, float]]] = {k: [] for k in runs}
        order = list(runs.items())
        for _ in range(args.n):
            for name, (cmd, run_env) in order:
                results[name].append(run_once(cmd, run_env))
            order.reverse()  # no row always runs right after the same other one
    med = {k: tuple(statistics.median(run[i] for run in v) for i in range(3))
           for k, v in results.items()}  # fmt: skip
    bw, bx, br = med["bare"]
    print(f"runs: {args.n} each, interleaved; platform: {env.get('QT_QPA_PLATFORM', 'display')}")
    wide = max(12, *(len(k) + 1 for k in med))
    print(f"{'':{wide}}{'to moment ms':>13}{'x bare':>8}{'to exit ms':>12}{'x bare':>8}"
          f"{'peak RSS MiB':>14}{'RSS x bare':>12}")  # fmt: skip
    for k, (w, x, r) in med.items():
        print(f"{k:{wide}}{w * 1000:13.0f}{w / bw:8.2f}{x * 1000:12.0f}{x / bx:8.2f}"
              f"{r:14.1f}{r / br:12.2f}")  # fmt: skip
    against = [k for k in results if k.startswith("ready @")]
    for k in against[1:]:  # same round, side by side: the machine's drift cancels out
        paired = [a[0] - b[0] for a, b in zip(results[k], results[against[0]], strict=True)]
        print(f"{k} - {against[0]}: paired median {statistics.median(paired) * 1000:+.1f} ms")
    rw, _, rr = med["ready"]
    print(
        f"editor usable in {rw / bw:.2f}x the bare window's time (target <= 2.0), "
        f"peak RSS {rr / br:.2f}x (target <= 1.6)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
