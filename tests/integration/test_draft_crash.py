"""SIGKILL the app while typing, start it again: the draft is back, minus at most one second."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("_typing_child.py")
ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["WA_COMPOSER_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    env.pop("WA_COMPOSER_START_TYPE", None)
    return env


def _text_of(n: int) -> str:
    return "".join(chr(97 + i % 26) for i in range(n))


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
@pytest.mark.parametrize("typing_seconds", [1.3, 2.7])
def test_sigkill_while_typing_loses_at_most_the_last_second(
    tmp_path: Path, typing_seconds: float
) -> None:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), "type"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=_env(tmp_path),
    )
    typed: list[tuple[int, float]] = []
    try:
        assert child.stdout is not None
        first: float | None = None
        for line in child.stdout:
            _, n, at = line.split()
            typed.append((int(n), float(at)))
            first = first if first is not None else float(at)
            if float(at) - first >= typing_seconds:
                break
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.kill()
        child.wait(10)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert typed, "the child never typed"

    report = subprocess.run(
        [sys.executable, str(CHILD), "report"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        timeout=60,
        check=True,
    )
    restored = json.loads(report.stdout.strip().splitlines()[-1])
    assert restored["kind"] == "button"
    body = restored["body"] or ""
    assert body == _text_of(len(body)), "the draft is a clean prefix of what was typed"
    must_have = max((n for n, at in typed if at <= killed_at - 1.0), default=0)
    assert len(body) >= must_have, f"lost more than a second: {len(body)} < {must_have}"
    assert len(body) <= typed[-1][0] + 1
    assert must_have > 0 or typing_seconds < 1.0
