"""The words of ``wa-composer rehearse``: a failed expectation as a report, and as JSON.

A report says which step, what was expected, what the bot sent (with the sandbox's refusal and
the rule it broke), the webhook the bot was answering and how its delivery went.
"""

from __future__ import annotations

import json
from typing import Any

from composer.rehearsal.events import DeliveryAttempt
from composer.rehearsal.runner import Failure
from composer.rehearsal.script import Expect, Says, SharesLocation, Step, Taps

__all__ = ["describe_step", "failure_json", "format_failure"]


def describe_step(step: Step) -> str:
    if isinstance(step, Says):
        return f"says {json.dumps(step.text, ensure_ascii=False)}"
    if isinstance(step, Taps):
        return f"taps {json.dumps(step.id, ensure_ascii=False)}"
    if isinstance(step, SharesLocation):
        return f"shares_location {step.latitude:g},{step.longitude:g}"
    return f"expect {_compact(step.match)} within {step.within_s:g} s"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def _indented(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return "\n".join("    " + line for line in text.splitlines())


def _attempt(a: DeliveryAttempt) -> str:
    answer = f"HTTP {a.status}" if a.status is not None else (a.error or "no answer")
    then = f", retried in {a.retry_in:g} s" if a.retry_in is not None else ""
    return f"  attempt {a.attempt}/{a.attempts}: {answer} in {a.elapsed_ms:.0f} ms{then}"


def format_failure(failure: Failure) -> str:
    step = failure.action
    lines = [f"Step {failure.step} ({describe_step(step)}) failed: {failure.detail}."]
    if isinstance(step, Expect):
        lines.append("Expected:")
        lines += [f"  {path} = {_compact(value)}" for path, value in step.match.items()]
    got = failure.got
    if got is not None:
        lines.append(f"The bot sent (the sandbox answered HTTP {got.status}):")
        lines.append(_indented(got.payload))
        if not got.accepted:
            rule = f"rule {got.rule}, " if got.rule else ""
            code = f"error {got.error_code}" if got.error_code is not None else "refused"
            lines.append(f"Refused by the sandbox ({rule}{code}): {got.reason or 'no details'}")
    for wrong in failure.mismatches:
        actual = _compact(wrong.actual) if wrong.found else "(missing)"
        lines.append(f"  {wrong.path}: expected {_compact(wrong.expected)}, got {actual}")
    answering = failure.answering
    if answering is not None:
        lines.append(f"It was answering this webhook ({answering.kind}, {answering.message_id}):")
        lines.append(_indented(answering.webhook))
        if failure.deliveries:
            lines.append("Delivered to the bot:")
            lines += [_attempt(a) for a in failure.deliveries]
    return "\n".join(lines)


def failure_json(failure: Failure) -> dict[str, Any]:
    return {
        "step": failure.step,
        "action": describe_step(failure.action),
        "problem": failure.problem,
        "detail": failure.detail,
        "got": None if failure.got is None else failure.got.to_json(),
        "answering": None if failure.answering is None else failure.answering.to_json(),
        "deliveries": [a.to_json() for a in failure.deliveries],
        "mismatches": [
            {"path": m.path, "expected": m.expected, "actual": m.actual, "found": m.found}
            for m in failure.mismatches
        ],
    }
