"""The one loader of tests/data: examples.json and reference-shapes.json are parsed once per run.

Every call returns a fresh deep copy, so a test that edits what it got never changes what the
next test sees. ``tests/conftest.py`` offers the same as the ``examples`` fixture; module-level
parametrisation calls the functions directly.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from typing import Any

from tests.paths import EXAMPLES_JSON, REFERENCE_SHAPES_JSON


@cache
def _read(path: str) -> Any:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def examples() -> dict[str, Any]:
    """Every valid example payload by name (examples.json without its "invalid" list)."""
    data: dict[str, Any] = copy.deepcopy(_read(str(EXAMPLES_JSON)))
    data.pop("invalid", None)
    return data


def example(name: str, to: str | None = None) -> dict[str, Any]:
    """One example payload (a copy), addressed to ``to`` when given."""
    payload: dict[str, Any] = copy.deepcopy(_read(str(EXAMPLES_JSON))[name])
    if to is not None:
        payload["to"] = to
    return payload


def invalid_examples() -> list[dict[str, Any]]:
    """The "invalid" cases of examples.json: each a payload and the issue it must raise."""
    found: list[dict[str, Any]] = copy.deepcopy(_read(str(EXAMPLES_JSON))["invalid"])
    return found


def reference_shapes() -> dict[str, Any]:
    """Meta's documented bodies (reference-shapes.json) by name."""
    shapes: dict[str, Any] = copy.deepcopy(_read(str(REFERENCE_SHAPES_JSON)))
    return shapes


def json_shape(value: Any) -> Any:
    """Keys and value types, recursively (lists by their first item): what a webhook body is
    compared with Meta's reference bodies by."""
    if isinstance(value, dict):
        return {k: json_shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_shape(value[0])] if value else []
    return type(value).__name__


def inbound_message(body: dict[str, Any]) -> dict[str, Any]:
    """The one message of an inbound webhook body (entry[0].changes[0].value.messages[0])."""
    message: dict[str, Any] = body["entry"][0]["changes"][0]["value"]["messages"][0]
    return message
