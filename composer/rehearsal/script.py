"""Rehearsal scripts: one JSON object that replays a conversation headlessly.

Format (issue 13)::

    {"customer": "+16505550123",          # a number or a BSUID
     "customer_name": "Ana",              # optional
     "steps": [
       {"says": "hi"},
       {"expect": {"type": "interactive", "interactive.type": "button"}, "within_s": 5},
       {"taps": "menu"},                  # a button or list row id the bot offered
       {"shares_location": {"latitude": 38.72, "longitude": -9.14, "name": "...",
                            "address": "..."}},
       {"expect": {"interactive.action.sections.0.rows.0.id": "coffee"}}]}

Each step is exactly one of ``says`` / ``taps`` / ``shares_location`` / ``expect``; ``within_s``
(seconds, default 10) goes only with ``expect``. MATCH maps dotted paths into the bot's message
POST body (list indexes as numbers) to the JSON values they must equal. Anything else (an unknown
key, a wrong type) makes the script invalid: ``ScriptError`` names the place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Final, TypeGuard

from composer import limits
from composer.codec.strict_json import JsonRefused, loads_strict
from composer.phone import is_phone_like, normalize
from composer.user_ids import bsuid_problem, looks_like_bsuid

__all__ = [
    "DEFAULT_WITHIN_S",
    "Expect",
    "Says",
    "Script",
    "ScriptError",
    "SharesLocation",
    "Step",
    "Taps",
    "load_script",
    "parse_script",
]

DEFAULT_WITHIN_S: Final = 10.0
_TOP_KEYS: Final = ("customer", "customer_name", "steps")
_ACTIONS: Final = ("says", "taps", "shares_location", "expect")
_PLACE_KEYS: Final = ("latitude", "longitude", "name", "address")


class ScriptError(ValueError):
    """The script is not valid; the message starts with where (``steps[2].expect``)."""


@dataclass(frozen=True)
class Says:
    text: str


@dataclass(frozen=True)
class Taps:
    id: str


@dataclass(frozen=True)
class SharesLocation:
    latitude: float
    longitude: float
    name: str | None = None
    address: str | None = None


@dataclass(frozen=True)
class Expect:
    match: dict[str, Any]
    within_s: float = DEFAULT_WITHIN_S


Step = Says | Taps | SharesLocation | Expect


@dataclass(frozen=True)
class Script:
    customer: str
    customer_name: str | None
    steps: tuple[Step, ...]


def load_script(text: str | bytes) -> Script:
    """Parse the JSON text of a script (the strict JSON rule of the rest of the app)."""
    try:
        data = loads_strict(text.encode() if isinstance(text, str) else text)
    except JsonRefused as exc:
        raise ScriptError(f"the script is not valid JSON: {exc.reason}") from None
    return parse_script(data)


def parse_script(data: object) -> Script:
    if not isinstance(data, dict):
        raise ScriptError("the script must be one JSON object with customer and steps")
    _no_unknown(data, _TOP_KEYS, "the script")
    customer = data.get("customer")
    if not isinstance(customer, str) or not customer.strip():
        raise ScriptError("customer: a phone number or a BSUID (text) is required")
    problem = _customer_problem(customer.strip())
    if problem is not None:
        raise ScriptError(f"customer: {problem}")
    name = data.get("customer_name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise ScriptError("customer_name: must be a non-empty text when given")
    steps = data.get("steps")
    if not isinstance(steps, list) or not steps:
        raise ScriptError("steps: a non-empty list of steps is required")
    parsed = tuple(_step(step, f"steps[{i}]") for i, step in enumerate(steps))
    return Script(customer.strip(), name, parsed)


def _customer_problem(customer: str) -> str | None:
    if looks_like_bsuid(customer):
        return bsuid_problem(customer)
    digits = limits.PHONE_DIGITS
    if not is_phone_like(customer):
        return f'"{customer[:40]}" is neither a phone number (+16505550123) nor a BSUID'
    if not digits.minimum <= len(normalize(customer)) <= digits.maximum:
        return f"a phone number has {digits.minimum} to {digits.maximum} digits"
    return None


def _no_unknown(data: dict[str, Any], known: tuple[str, ...], where: str) -> None:
    unknown = [k for k in data if k not in known]
    if unknown:
        raise ScriptError(f'{where}: unknown key "{unknown[0]}" (known: {", ".join(known)})')


def _step(step: object, where: str) -> Step:
    if not isinstance(step, dict):
        raise ScriptError(f"{where}: a step is an object with one of {', '.join(_ACTIONS)}")
    _no_unknown(step, (*_ACTIONS, "within_s"), where)
    actions = [k for k in _ACTIONS if k in step]
    if len(actions) != 1:
        raise ScriptError(f"{where}: a step has exactly one of {', '.join(_ACTIONS)}")
    action = actions[0]
    value = step[action]
    if "within_s" in step and action != "expect":
        raise ScriptError(f"{where}.within_s: only an expect step has within_s")
    if action in ("says", "taps"):
        if not isinstance(value, str) or not value.strip():
            raise ScriptError(f"{where}.{action}: must be a non-empty text")
        return Says(value) if action == "says" else Taps(value)
    if action == "shares_location":
        return _place(value, f"{where}.shares_location")
    return Expect(_match(value, f"{where}.expect"), _within(step, where))


def _place(value: object, where: str) -> SharesLocation:
    if not isinstance(value, dict):
        raise ScriptError(f"{where}: an object with latitude and longitude")
    _no_unknown(value, _PLACE_KEYS, where)
    coords = []
    for key, bound in (("latitude", 90), ("longitude", 180)):
        number = value.get(key)
        if not _is_number(number) or not -bound <= float(number) <= bound:
            raise ScriptError(f"{where}.{key}: a number from -{bound} to {bound} is required")
        coords.append(float(number))
    texts = []
    for key in ("name", "address"):
        text = value.get(key)
        if text is not None and not isinstance(text, str):
            raise ScriptError(f"{where}.{key}: must be a text when given")
        texts.append(text or None)
    return SharesLocation(coords[0], coords[1], texts[0], texts[1])


def _match(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not value:
        raise ScriptError(f"{where}: a non-empty object of dotted paths and values")
    for path in value:
        if not path or any(not part for part in path.split(".")):
            raise ScriptError(f'{where}: "{path}" is not a dotted path (like "interactive.type")')
    return dict(value)


def _within(step: dict[str, Any], where: str) -> float:
    value = step.get("within_s", DEFAULT_WITHIN_S)
    if not _is_number(value) or not 0 < float(value) <= 3600:
        raise ScriptError(f"{where}.within_s: seconds, more than 0 and at most 3600")
    return float(value)


def _is_number(value: object) -> TypeGuard[int | float]:
    if not isinstance(value, int | float) or isinstance(value, bool):
        return False
    return math.isfinite(float(value))
