"""Runs a probe script in a fresh Python with the app's environment: a start-up fact (modules
imported, classes defined) is only true of a process that has not run other tests first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.paths import DATA


def probe_json(code: str, home: Path, *, timeout: float = 60) -> Any:
    """The JSON the probe ``code`` prints last, run offscreen on data folder ``home``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WA_COMPOSER_HOME=str(home))
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=DATA.parents[1], env=env, capture_output=True,
        text=True, timeout=timeout, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])
