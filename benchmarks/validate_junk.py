"""Bounded validation (issue 15): ``wa-composer validate`` on 40 MB junk files, time and memory.

Budget: each file is validated in at most 10 s and 500 MiB peak RSS on this 2-core machine.
Files: a message with 8,000,000 buttons, a 40 MB body text, 40 MB of random bytes, 40 MB of
nested brackets, and 40 MB of a long list of small objects. Each runs in a fresh process; the
peak RSS comes from ``os.wait4``'s rusage of that child.

Usage: .venv/bin/python benchmarks/validate_junk.py
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

SIZE = 40 * 2**20
BUDGET_S, BUDGET_MIB = 10.0, 500


def _buttons() -> bytes:
    head = b'{"messaging_product":"whatsapp","to":"+15550100001","type":"interactive",'
    head += b'"interactive":{"type":"button","body":{"text":"b"},"action":{"buttons":['
    one = b'{"type":"reply","reply":{"id":"a","title":"b"}},'
    count = (SIZE - len(head)) // len(one)
    return head + one * count + one[:-1] + b"]}}}"


def _long_body() -> bytes:
    doc = {"messaging_product": "whatsapp", "to": "+15550100001", "type": "text",
           "text": {"body": "x" * SIZE}}  # fmt: skip
    return json.dumps(doc).encode()


def _random() -> bytes:
    return random.Random(7).randbytes(SIZE)


def _deep() -> bytes:
    return b"[" * (SIZE // 2) + b"]" * (SIZE // 2)


def _objects() -> bytes:
    return b"[" + b'{"a":1},' * (SIZE // 8) + b"{}]"


FILES: dict[str, Callable[[], bytes]] = {
    "8M buttons": _buttons, "40 MB body": _long_body, "random bytes": _random,
    "deep brackets": _deep, "5M objects": _objects,
}  # fmt: skip


def _run(path: Path) -> tuple[float, float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "composer", "validate", str(path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> int:
    worst = 0.0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in FILES.items():
            path = Path(tmp) / "junk.json"
            path.write_bytes(make())
            seconds, mib, code = _run(path)
            worst = max(worst[0], seconds), max(worst[1], mib)
            print(f"{name:14s} {path.stat().st_size / 2**20:5.1f} MB  exit {code}  "
                  f"{seconds:5.2f} s  peak {mib:6.1f} MiB")  # fmt: skip
    ok = worst[0] <= BUDGET_S and worst[1] <= BUDGET_MIB
    print(f"worst: {worst[0]:.2f} s, {worst[1]:.1f} MiB "
          f"(budget {BUDGET_S:.0f} s, {BUDGET_MIB} MiB): {'within' if ok else 'OVER'}")  # fmt: skip
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
