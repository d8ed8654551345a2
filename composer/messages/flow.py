"""Flow message (``interactive.type: flow``): a button that opens a WhatsApp Flow."""

from __future__ import annotations

from typing import Any, ClassVar

from composer import limits
from composer.messages.parts import Interactive, MessageKind, Model


class FlowActionPayload(Model):
    """``flow_action_payload``: the first screen and optional initial data (any JSON object)."""

    screen: str | None = None
    data: dict[str, Any] | None = None


class Flow(Interactive):
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
