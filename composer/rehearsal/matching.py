"""MATCH: dotted paths into a bot message's POST body (list indexes as numbers) and the JSON
values they must equal. Shared by the runner (checking) and the recording (writing scripts)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Mismatch", "json_equal", "lookup", "mismatches"]


@dataclass(frozen=True)
class Mismatch:
    """``path`` should be ``expected``; it is ``actual`` (``found`` False: not there at all)."""

    path: str
    expected: Any
    actual: Any
    found: bool


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
