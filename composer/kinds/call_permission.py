"""Call permission request (``interactive.type: call_permission_request``): the customer allows
or declines calls from the business; the answer comes back as a ``call_permission_reply``."""

from __future__ import annotations

from typing import Any

from composer.codec.parts import named_action, read_action_name
from composer.kinds.kind_spec import Absent, KindSpec, interactive_sample
from composer.messages import CallPermissionRequest, MessageKind
from composer.rules.actions import check_call_permission
from composer.rules.parts import NO_HEADER, PartsPolicy


def write(content: CallPermissionRequest) -> dict[str, Any]:
    return named_action(content.action_name)


SAMPLE = interactive_sample({
    "type": "call_permission_request",
    "body": {"text": "May we call you on WhatsApp about your delivery? It takes two minutes."},
    "action": {"name": "call_permission_request"},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.CALL_PERMISSION,
    model=CallPermissionRequest,
    read=read_action_name,
    write=write,
    check=check_call_permission,
    # Free-form requests: no header or footer, and the body is optional (but recommended).
    parts=PartsPolicy("call-permission requests", NO_HEADER, body_required=False, footer=False),
    limits=Absent("only the action name: no length or count limit beyond the body"),
    sample=SAMPLE,
    replies=("call_permission_reply_webhook",),
)
