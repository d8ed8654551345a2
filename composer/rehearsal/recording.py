"""A played conversation as a script ("Save rehearsal…"): what the customer did becomes steps,
what the bot sent becomes expectations on the fields that make a message itself.

Only what the script format can say is kept: texts, taps (button and list row ids) and shared
locations; reactions and completed forms are left out (``skipped`` counts them). A bot message
the sandbox refused is left out too: replaying it would fail. Each expectation checks ``type``
and, by kind, ``text.body``, ``interactive.type``, the button ids or the list's row ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from composer.rehearsal.events import BotMessage, CustomerAction, RehearsalEvent
from composer.rehearsal.matching import lookup

__all__ = ["expectation_for", "script_from_events"]


def script_from_events(
    events: Iterable[RehearsalEvent], customer: str, customer_name: str | None = None
) -> tuple[dict[str, Any], int]:
    """(the script as JSON, how many customer actions it could not hold)."""
    steps: list[dict[str, Any]] = []
    skipped = 0
    for event in events:
        if isinstance(event, CustomerAction):
            step = _step(event)
            if step is None:
                skipped += 1
            else:
                steps.append(step)
        elif isinstance(event, BotMessage) and event.accepted:
            steps.append({"expect": expectation_for(event.payload)})
    script: dict[str, Any] = {"customer": customer}
    if customer_name:
        script["customer_name"] = customer_name
    script["steps"] = steps
    return script, skipped


def _step(action: CustomerAction) -> dict[str, Any] | None:
    message = action.message
    if action.kind == "text":
        return {"says": message["text"]["body"]}
    if action.kind in ("button_reply", "list_reply"):
        return {"taps": message["interactive"][action.kind]["id"]}
    if action.kind == "location":
        return {"shares_location": dict(message["location"])}
    return None


def expectation_for(payload: object) -> dict[str, Any]:
    """The MATCH that recognises this bot message again."""
    match: dict[str, Any] = {}
    for path in ("type", "text.body", "interactive.type"):
        found, value = lookup(payload, path)
        if found:
            match[path] = value
    _, buttons = lookup(payload, "interactive.action.buttons")
    for i, button in enumerate(buttons if isinstance(buttons, list) else []):
        found, value = lookup(button, "reply.id")
        if found:
            match[f"interactive.action.buttons.{i}.reply.id"] = value
    _, sections = lookup(payload, "interactive.action.sections")
    for s, section in enumerate(sections if isinstance(sections, list) else []):
        _, rows = lookup(section, "rows")
        for r, row in enumerate(rows if isinstance(rows, list) else []):
            found, value = lookup(row, "id")
            if found:
                match[f"interactive.action.sections.{s}.rows.{r}.id"] = value
    return match
