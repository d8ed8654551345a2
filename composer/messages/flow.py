"""Flow message (``interactive.type: flow``): a button that opens a WhatsApp Flow."""

from __future__ import annotations

import json
from typing import Any, ClassVar, Final

from composer import limits
from composer.messages.parts import Interactive, MessageKind, Model

FLOW_MODES: Final = ("published", "draft")
"""The values of ``parameters.mode`` WhatsApp accepts (the editor offers them in this order)."""
FLOW_ACTIONS: Final = ("navigate", "data_exchange")
"""The values of ``parameters.flow_action`` WhatsApp accepts."""


class FlowActionPayload(Model, frozen=True, kw_only=True):
    """``flow_action_payload``: the first screen and optional initial data (any JSON object).

    ``data_text`` is the initial data as typed when it is not a JSON object: the model carries it
    so that ``check()`` reports it (``flow.data_json``) like any other rule; it is never written
    to the payload.
    """

    screen: str | None = None
    data: dict[str, Any] | None = None
    data_text: str | None = None


class Flow(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.FLOW

    flow_message_version: str = limits.FLOW_MESSAGE_VERSION
    flow_cta: str = ""
    flow_id: str | None = None
    flow_name: str | None = None
    flow_token: str | None = None
    mode: str | None = None
    flow_action: str | None = None
    flow_action_payload: FlowActionPayload | None = None
    action_name: str = "flow"


def flow_data_from_text(text: str) -> tuple[dict[str, Any] | None, str | None]:
    """The flow's initial data typed as JSON text: ``(object, None)``, ``(None, None)`` when
    blank, or ``(None, problem)`` when it is not a JSON object (``check()`` reports that)."""
    text = text.strip()
    if not text:
        return None, None
    try:
        value = json.loads(text)
    except ValueError as exc:
        return None, f"Screen data is not valid JSON ({exc.args[0]})."
    if not isinstance(value, dict):
        return None, 'Screen data must be a JSON object, like {"party_size": 2}.'
    return value, None


def flow_data_problem(text: str) -> str | None:
    """Why ``text`` is not usable as the flow's initial data (None when it is)."""
    return flow_data_from_text(text)[1]
