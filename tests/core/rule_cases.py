"""Helpers shared by the validation tests: example payloads and a tiny JSON-path editor."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

EXAMPLES: dict[str, Any] = json.loads(
    (Path(__file__).parents[1] / "data" / "examples.json").read_text("utf-8")
)
VALID: dict[str, Any] = {k: v for k, v in EXAMPLES.items() if k != "invalid"}
INVALID: list[dict[str, Any]] = EXAMPLES["invalid"]

DELETE = object()
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _tokens(path: str) -> list[str | int]:
    return [int(i) if i else key for key, i in _TOKEN.findall(path)]


def edit(base: str | dict[str, Any], *changes: tuple[str, Any]) -> dict[str, Any]:
    """A deep copy of an example with ``(json_path, value)`` changes (``DELETE`` removes)."""
    doc = copy.deepcopy(VALID[base] if isinstance(base, str) else base)
    for path, value in changes:
        *parents, last = _tokens(path)
        node: Any = doc
        for token in parents:
            node = node[token]
        if value is DELETE:
            del node[last]
        else:
            node[last] = copy.deepcopy(value)
    return doc


def quick_reply_carousel(replies: int = 1) -> dict[str, Any]:
    """The media carousel example with quick-reply buttons instead of URL buttons."""
    doc: dict[str, Any] = copy.deepcopy(VALID["media_carousel_url_buttons"])
    for c, card in enumerate(doc["interactive"]["action"]["cards"]):
        card["action"] = {
            "buttons": [
                {"type": "quick_reply", "quick_reply": {"id": f"c{c}q{q}", "title": f"Pick {q}"}}
                for q in range(replies)
            ]
        }
    return doc
