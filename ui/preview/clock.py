"""The phone's "HH:MM": the bubbles' and the status bar's time (local, formatted once a minute:
strftime is not free on every keystroke)."""

from __future__ import annotations

import time
from datetime import datetime

_CLOCK: list[tuple[int, str]] = [(-1, "")]


def clock_text() -> str:
    """Local "HH:MM" now."""
    minute = int(time.time() // 60)
    if _CLOCK[0][0] != minute:
        _CLOCK[0] = (minute, datetime.now().strftime("%H:%M"))
    return _CLOCK[0][1]
