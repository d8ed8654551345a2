"""Helpers shared by the validation tests: example payloads and a tiny JSON-path editor."""

from __future__ import annotations

import copy
import re
from typing import Any

from composer.validation.check import Severity
from tests.examples import examples, invalid_examples

VALID: dict[str, Any] = examples()
INVALID: list[dict[str, Any]] = invalid_examples()
EXAMPLES: dict[str, Any] = {**VALID, "invalid": INVALID}  # the file's shape, for its importers

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


# --- paths and builders shared by the per-rule case tables -----------------------------------
BUTTON0 = "interactive.action.buttons[0].reply"
ROW0 = "interactive.action.sections[0].rows[0]"
PARAMS = "interactive.action.parameters"
CARDS = "interactive.action.cards"
PSECTIONS = "interactive.action.sections"


def two_sections(first: int, second: int) -> dict[str, Any]:
    def rows(prefix: str, n: int) -> list[dict[str, str]]:
        return [{"id": f"{prefix}{i}", "title": f"{prefix} row {i}"} for i in range(n)]

    return edit(
        "list_single_section",
        (
            "interactive.action.sections",
            [{"title": "A", "rows": rows("a", first)}, {"title": "B", "rows": rows("b", second)}],
        ),
    )


def products(counts: list[int]) -> list[dict[str, Any]]:
    return [
        {
            "title": f"S{s}",
            "product_items": [{"product_retailer_id": f"SKU-{s}-{i}"} for i in range(n)],
        }
        for s, n in enumerate(counts)
    ]


def cards(n: int) -> list[dict[str, Any]]:
    card = VALID["media_carousel_url_buttons"]["interactive"]["action"]["cards"][0]
    return [{**card, "card_index": i} for i in range(n)]


E, W = Severity.ERROR, Severity.WARNING
QR = CARDS + "[0].action.buttons[0]"
MEDIA = "media_carousel_url_buttons"
FLOW = "flow_navigate_by_id"


Case = tuple[str, Severity, dict[str, Any], dict[str, Any]]
