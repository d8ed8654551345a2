"""``benchmarks/preview_latency.py --app`` runs and ends with its one JSON line (no timing is
asserted: benchmarks print figures, tests only check that they can)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_benchmark_prints_the_four_figures_on_its_last_line(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WA_COMPOSER_HOME": str(tmp_path)}
    script = ROOT / "benchmarks" / "preview_latency.py"
    done = subprocess.run(
        [sys.executable, str(script), "--app", "--keys", "3", "--body-chars", "1030"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert set(figures) == {"p50_ms", "p95_ms", "max_ms", "paints_per_key"}
    assert all(isinstance(v, (int, float)) and v >= 0 for v in figures.values())
    assert figures["paints_per_key"] > 0, "a key repaints at least the editor and the phone"
    assert "body 1030 -> 1033 characters" in done.stdout
