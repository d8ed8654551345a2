"""A rehearsal written down as a script (issue 13's format), to replay it with
``wa-composer rehearse``: the window's "Save rehearsal…".

The customer's actions become ``says`` / ``taps`` / ``shares_location`` steps; each message the
bot sent becomes an ``expect`` on its key fields: ``type``, ``interactive.type`` and the ids it
offers (button ids, list row ids), which a replay must find again. Texts, titles and bodies are
left out on purpose: a bot may word them differently (a time, a name) and still be right.
Reactions and submitted forms have no step in the format and are left out (``skipped`` counts
them). A message the sandbox refused is expected too: the replay then fails at it, as it should.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from composer.rehearsal.events import BotMessage, CustomerAction

__all__ = ["Recording", "expect_of", "record"]


@dataclass(frozen=True, slots=True)
class Recording:
    """The script (a JSON-ready dict) and how many customer actions it could not hold."""

    script: dict[str, Any]
    skipped: int


def record(customer: str, customer_name: str | None, events: Iterable[object]) -> Recording:
    """The script of a rehearsal's transcript (events in the order they happened)."""
    steps: list[dict[str, Any]] = []
    skipped = 0
    for event in events:
        if isinstance(event, CustomerAction):
            step = _step(event)
            if step is None:
                skipped += 1
            else:
                steps.append(step)
        elif isinstance(event, BotMessage) and isinstance(event.payload, dict):
            steps.append({"expect": expect_of(event.payload)})
    script: dict[str, Any] = {"customer": customer}
    if customer_name:
        script["customer_name"] = customer_name
    script["steps"] = steps
    return Recording(script, skipped)


def _step(action: CustomerAction) -> dict[str, Any] | None:
    message = action.message
    if action.kind == "text":
        return {"says": str(message["text"]["body"])}
    if action.kind in ("button_reply", "list_reply"):
        return {"taps": str(message["interactive"][action.kind]["id"])}
    if action.kind == "location":
        where = message["location"]
        place = {k: where[k] for k in ("latitude", "longitude", "name", "address") if k in where}
        return {"shares_location": place}
    return None


def expect_of(payload: dict[str, Any]) -> dict[str, Any]:
    """The key fields of a bot's message POST body, as dotted paths."""
    match: dict[str, Any] = {"type": payload.get("type")}
    interactive = payload.get("interactive")
    if not isinstance(interactive, dict):
        return match
    match["interactive.type"] = interactive.get("type")
    action = interactive.get("action")
    if not isinstance(action, dict):
        return match
    for b, button in enumerate(_items(action.get("buttons"))):
        reply = button.get("reply")
        if isinstance(reply, dict) and "id" in reply:
            match[f"interactive.action.buttons.{b}.reply.id"] = reply["id"]
    for s, section in enumerate(_items(action.get("sections"))):
        for r, row in enumerate(_items(section.get("rows"))):
            if "id" in row:
                match[f"interactive.action.sections.{s}.rows.{r}.id"] = row["id"]
    return match


def _items(value: object) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
