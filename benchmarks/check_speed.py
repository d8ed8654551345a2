"""Prints how long ``import composer.validation.check`` takes and how fast ``check()`` is.

check() runs on every keystroke, so the budget is under 1 ms on the largest legal list message:
10 sections, 10 rows in total with 72-character descriptions, a 4096-character body with
emoji, a 60-character header and footer. Usage: ``.venv/bin/python benchmarks/check_speed.py``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from composer import limits  # noqa: E402
from composer.messages import ListMessage, ListRow, ListSection, Message, TextHeader  # noqa: E402
from composer.payload import from_payload, to_payload  # noqa: E402
from composer.validation.check import check  # noqa: E402

RUNS = 5000
IMPORT_RUNS = 7


def largest_list() -> Message:
    body = ("Choose your delivery slot 🚚📦 " * 200)[: limits.LIST_BODY_TEXT.maximum]
    sections = tuple(
        ListSection(
            title=f"Section {s} ⏰".ljust(limits.LIST_SECTION_TITLE.maximum, "."),
            rows=(
                ListRow(
                    id=f"row_{s}_" + "i" * (limits.LIST_ROW_ID.maximum - 8),
                    title=f"Slot {s} 🕘".ljust(limits.LIST_ROW_TITLE.maximum, "."),
                    description=("Delivered by our own van, no extra fee 🙂 " * 3)[
                        : limits.LIST_ROW_DESCRIPTION.maximum
                    ],
                ),
            ),
        )
        for s in range(limits.LIST_SECTIONS.maximum)
    )
    return Message(
        to="+16505550123",
        content=ListMessage(
            header=TextHeader(text="H" * limits.HEADER_TEXT.maximum),
            body=body,
            footer="F" * limits.FOOTER_TEXT.maximum,
            button="B" * limits.LIST_BUTTON.maximum,
            sections=sections,
        ),
    )


def _seconds(code: str) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
    return time.perf_counter() - began


def import_time() -> tuple[float, float]:
    """Median wall time of ``import composer.validation.check`` minus a bare interpreter start."""
    bare = statistics.median(_seconds("pass") for _ in range(IMPORT_RUNS))
    full = statistics.median(
        _seconds("import composer.validation.check") for _ in range(IMPORT_RUNS)
    )
    return full - bare, bare


def self_import_time() -> float:
    """Cumulative microseconds reported by ``-X importtime`` for ``composer.validation.check``."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import composer.validation.check"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    for line in proc.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "composer.validation.check":
            return int(parts[1]) / 1e6
    return float("nan")


def timings(msg: Message) -> list[float]:
    for _ in range(200):  # warm up
        check(msg)
    out = []
    for _ in range(RUNS):
        began = time.perf_counter_ns()
        check(msg)
        out.append((time.perf_counter_ns() - began) / 1e6)
    return out


def report(label: str, msg: Message) -> None:
    issues = check(msg)
    assert from_payload(to_payload(msg)) == msg
    samples = sorted(timings(msg))
    median = statistics.median(samples)
    p95 = samples[int(len(samples) * 0.95)]
    rules = sorted({f"{i.rule} ({i.severity.value})" for i in issues})
    print(f"{label}: {len(issues)} issues {rules}")
    print(
        f"  check() over {RUNS} runs: median {median:.3f} ms, p95 {p95:.3f} ms, "
        f"max {samples[-1]:.3f} ms -> target < 1 ms {'met' if p95 < 1.0 else 'NOT met'}"
    )


def main() -> None:
    delta, bare = import_time()
    print(
        f"import composer.validation.check: {delta * 1000:.0f} ms"
        f" over a bare interpreter start ({bare * 1000:.0f} ms)"
    )
    print(f"  -X importtime cumulative: {self_import_time() * 1000:.0f} ms")
    biggest = largest_list()
    report("largest list, 4096-char body", biggest)
    content = biggest.content
    assert isinstance(content, ListMessage)
    body = (content.body or "")[: limits.LIST_BODY_TEXT.warn_above or 0]
    report(
        "largest list, 1024-char body",
        Message(
            to=biggest.to,
            content=ListMessage(
                header=content.header,
                body=body,
                footer=content.footer,
                button=content.button,
                sections=content.sections,
            ),
        ),
    )


if __name__ == "__main__":
    main()
