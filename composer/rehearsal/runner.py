"""Playing a script against a started ``Rehearsal``: the customer steps are sent, each
``expect`` waits for the bot's next message and checks it; the first failure stops the run.

"The next message" is the first one the bot sends after the step before the expectation (and
after the message the previous expectation took): a reply the script does not expect is passed
over when the customer acts again. A message the sandbox refused fails the expectation whatever
it matched: it never reached the customer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from composer.rehearsal.events import BotMessage, CustomerAction, DeliveryAttempt
from composer.rehearsal.script import DEFAULT_WITHIN_S, Expect, Says, Script, Step, Taps
from composer.rehearsal.session import Rehearsal
from composer.rehearsal.taps import TapError

__all__ = ["Failure", "Mismatch", "lookup", "mismatches", "run_script"]

Problem = Literal["timeout", "mismatch", "refused", "tap"]


@dataclass(frozen=True)
class Mismatch:
    """``path`` should be ``expected``; it is ``actual`` (``found`` False: not there at all)."""

    path: str
    expected: Any
    actual: Any
    found: bool


@dataclass(frozen=True)
class Failure:
    """Why step ``step`` (1-based) failed, with what the bot sent and what it was answering."""

    step: int
    action: Step
    problem: Problem
    detail: str
    got: BotMessage | None = None
    answering: CustomerAction | None = None
    deliveries: tuple[DeliveryAttempt, ...] = ()
    mismatches: tuple[Mismatch, ...] = field(default_factory=tuple)


def lookup(payload: object, path: str) -> tuple[bool, Any]:
    """(found, value) at dotted ``path``: object keys by name, list items by number."""
    value = payload
    for part in path.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return False, None
    return True, value


def json_equal(a: object, b: object) -> bool:
    """JSON equality: ``true`` is not ``1``, ``1`` is ``1.0``."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b, strict=True))
    comparable = type(a) is type(b) or {type(a), type(b)} <= {int, float}
    return comparable and a == b


def mismatches(match: dict[str, Any], payload: object) -> list[Mismatch]:
    out = []
    for path, expected in match.items():
        found, actual = lookup(payload, path)
        if not found or not json_equal(actual, expected):
            out.append(Mismatch(path, expected, actual, found))
    return out


StepObserver = Callable[[int, Step, float], None]


def run_script(
    script: Script, rehearsal: Rehearsal, on_step: StepObserver | None = None
) -> Failure | None:
    """Play every step; the first ``Failure`` or None when every expectation held.
    ``on_step(number, step, seconds)`` is called after each step that went well."""
    for number, step in enumerate(script.steps, start=1):
        started = time.monotonic()
        failure = _play(number, step, rehearsal)
        if failure is not None:
            return failure
        if on_step is not None:
            on_step(number, step, time.monotonic() - started)
    return None


def _play(number: int, step: Step, rehearsal: Rehearsal) -> Failure | None:
    if isinstance(step, Expect):
        return _expect(number, step, rehearsal)
    rehearsal.skip_bot_messages()
    if isinstance(step, Says):
        rehearsal.customer_says(step.text)
    elif isinstance(step, Taps):
        return _tap(number, step, rehearsal)
    else:
        rehearsal.customer_shares_location(step.latitude, step.longitude, step.name, step.address)
    return None


def _tap(number: int, step: Taps, rehearsal: Rehearsal) -> Failure | None:
    """Tap, waiting (up to the default ``within_s``) for a bot message that offers the id."""
    deadline = time.monotonic() + DEFAULT_WITHIN_S
    while True:
        try:
            rehearsal.customer_taps(step.id)
            return None
        except TapError as exc:
            if time.monotonic() >= deadline:
                return Failure(number, step, "tap", str(exc), answering=_last_action(rehearsal))
        time.sleep(0.05)


def _expect(number: int, step: Expect, rehearsal: Rehearsal) -> Failure | None:
    got = rehearsal.next_bot_message(step.within_s)
    if got is None:
        answering = _last_action(rehearsal)
        detail = f"the bot sent no message within {step.within_s:g} s"
        return Failure(number, step, "timeout", detail, None, answering,
                       _deliveries(rehearsal, answering))  # fmt: skip
    answering = _action(rehearsal, got.answering)
    wrong = tuple(mismatches(step.match, got.payload))
    if not got.accepted:
        detail = "the sandbox refused the bot's message"
        return Failure(number, step, "refused", detail, got, answering,
                       _deliveries(rehearsal, answering), wrong)  # fmt: skip
    if wrong:
        detail = "the bot's message does not match"
        return Failure(number, step, "mismatch", detail, got, answering,
                       _deliveries(rehearsal, answering), wrong)  # fmt: skip
    return None


def _last_action(rehearsal: Rehearsal) -> CustomerAction | None:
    actions = [e for e in rehearsal.transcript() if isinstance(e, CustomerAction)]
    return actions[-1] if actions else None


def _action(rehearsal: Rehearsal, wamid: str | None) -> CustomerAction | None:
    for event in rehearsal.transcript():
        if isinstance(event, CustomerAction) and event.message_id == wamid:
            return event
    return None


def _deliveries(rehearsal: Rehearsal, action: CustomerAction | None) -> tuple[DeliveryAttempt, ...]:
    if action is None:
        return ()
    return tuple(
        e
        for e in rehearsal.transcript()
        if isinstance(e, DeliveryAttempt) and e.webhook_id == action.message_id
    )
