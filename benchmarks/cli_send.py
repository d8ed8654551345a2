"""``wa-composer send`` end to end (new process, validate, in-process sandbox, history row).

Usage: .venv/bin/python benchmarks/cli_send.py [RUNS]
Prints the median and worst wall time of a whole command, and of ``wa-composer profile list``
(the start-up floor of a sub-command that imports no HTTP/keyring code).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "composer", *args], capture_output=True, env=env, cwd=ROOT
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{args} failed: {result.stderr.decode()}")
    return elapsed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    examples = json.loads((ROOT / "tests" / "data" / "examples.json").read_text())
    with tempfile.TemporaryDirectory() as tmp:
        msg = Path(tmp) / "m.json"
        msg.write_text(json.dumps(examples["reply_buttons_text_header"]))
        env = {**os.environ, "WA_COMPOSER_HOME": tmp}
        env.pop("WA_COMPOSER_TOKEN", None)
        for label, args in (
            ("profile list", ["profile", "list"]),
            ("send to sandbox", ["send", str(msg), "--to", "+15550100001"]),
        ):
            times = [timed(args, env) for _ in range(runs)]
            print(
                f"{label:16s} median {statistics.median(times) * 1000:6.0f} ms   "
                f"max {max(times) * 1000:6.0f} ms   ({runs} runs)"
            )


if __name__ == "__main__":
    main()
