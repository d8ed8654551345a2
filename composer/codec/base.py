"""Small helpers for reading untrusted JSON: collect shape problems instead of raising."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from composer.rules.issue import Issue, Severity

__all__ = ["Reader", "describe", "index", "join"]


def join(path: str, key: str) -> str:
    return key if path in ("", "$") else f"{path}.{key}"


def index(path: str, i: int) -> str:
    return f"{path}[{i}]"


def describe(value: object) -> str:
    """A JSON type in words, for messages such as 'must be text, not a list'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, float):
        return f"the decimal number {value!r}"  # "must be a whole number, not ... 1440.0"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"


class Reader:
    """Collects shape issues while the payload is read; the caller raises once at the end."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def problem(self, path: str, message: str, rule: str = "payload.shape") -> None:
        self.issues.append(Issue(rule, path or "$", Severity.ERROR, message))

    def free_json(self, value: Any, path: str) -> Any:
        """A private copy of free-form JSON (later edits of the input never reach a model); a key
        that is not text (possible in a Python dict, never in JSON) is a shape problem."""
        if isinstance(value, dict):
            copied = {}
            for key, item in value.items():
                if isinstance(key, str):
                    copied[key] = self.free_json(item, join(path, key))
                else:
                    self.problem(path, f"Object keys must be text, not {describe(key)}.")
            return copied
        if isinstance(value, list):
            return [self.free_json(item, index(path, i)) for i, item in enumerate(value)]
        return value

    def obj(self, value: object, path: str, what: str) -> dict[Any, Any] | None:
        if isinstance(value, dict):
            return value
        self.problem(path, f"{what} must be a JSON object, not {describe(value)}.")
        return None

    def array(self, d: dict[Any, Any], key: str, path: str, what: str) -> list[Any] | None:
        """The list at ``d[key]``; None (and no issue) when absent."""
        if key not in d:
            return None
        value = d[key]
        if isinstance(value, list):
            return value
        self.problem(path, f"{what} must be a list, not {describe(value)}.")
        return None

    def known(self, d: dict[Any, Any], path: str, allowed: tuple[str, ...], where: str) -> None:
        for key in d:
            if key not in allowed:
                shown = (key if isinstance(key, str) else repr(key))[:40]
                self.problem(
                    join(path, str(shown)),
                    f"'{shown}' is not a field of {where}; WhatsApp does not accept it here.",
                    "payload.unknown_field",
                )

    def objects(
        self, d: dict[Any, Any], key: str, path: str, what: str, allowed: tuple[str, ...]
    ) -> Iterator[tuple[dict[Any, Any], str]]:
        """Each JSON object of the list at ``d[key]`` with its path (``...sections[1]``).

        ``what`` names the items ("section"): "The sections must be a list", "A section must be
        a JSON object", "not a field of a section". Non-objects are reported and skipped.
        """
        lpath = join(path, key)
        for i, item in enumerate(self.array(d, key, lpath, f"The {what}s") or ()):
            ipath = index(lpath, i)
            obj = self.obj(item, ipath, f"A {what}")
            if obj is not None:
                self.known(obj, ipath, allowed, f"a {what}")
                yield obj, ipath

    def opt_text(self, d: dict[Any, Any], key: str, path: str, label: str) -> str | None:
        if key not in d:
            return None
        value = d[key]
        if isinstance(value, str):
            if not value.isascii():
                self._check_encodable(value, path, label)
            return value
        self.problem(path, f"{label} must be text, not {describe(value)}.")
        return None

    def _check_encodable(self, value: str, path: str, label: str) -> None:
        """A lone surrogate (JSON ``"\\ud800"``) is not a character: it cannot be sent."""
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            self.problem(
                path,
                f"{label} has a broken character at position {exc.start + 1} (half of an emoji "
                "or symbol, often from a bad copy); retype that part.",
            )

    def text(self, d: dict[Any, Any], key: str, path: str, label: str) -> str:
        """A required text: ``""`` when absent (the validator reports it with its own rule)."""
        value = self.opt_text(d, key, path, label)
        return "" if value is None else value

    def integer(self, d: dict[Any, Any], key: str, path: str, label: str, rule: str) -> int | None:
        value = d.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if key not in d:
            self.problem(path, f"{label} is missing.", rule)
        else:
            self.problem(path, f"{label} must be a whole number, not {describe(value)}.", rule)
        return None
