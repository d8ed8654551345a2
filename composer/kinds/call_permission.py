"""Call permission request (``interactive.type: call_permission_request``)."""

from __future__ import annotations

from typing import Any

from composer.codec.parts import named_action, read_action_name
from composer.kinds.kind_spec import Absent, KindSpec
from composer.messages import CallPermissionRequest, MessageKind
from composer.rules.actions import check_call_permission
from composer.rules.parts import NO_HEADER, PartsPolicy


def write(content: CallPermissionRequest) -> dict[str, Any]:
    return named_action(content.action_name)


SPEC = KindSpec(
    kind=MessageKind.CALL_PERMISSION,
    model=CallPermissionRequest,
    read=read_action_name,
    write=write,
    check=check_call_permission,
    parts=PartsPolicy("call-permission requests", NO_HEADER, footer=False),
    limits=Absent("only the action name: no length or count limit beyond the body"),
    sample=Absent("no editor yet, so no starting point to offer"),
    replies=Absent("the call-permission answer webhook is not built yet"),
)
