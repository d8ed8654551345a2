"""Location request (``interactive.type: location_request_message``): asks the user to share."""

from __future__ import annotations

from typing import Any

from composer.codec.parts import named_action, read_action_name
from composer.kinds.kind_spec import Absent, KindSpec, interactive_sample
from composer.messages import LocationRequest, MessageKind
from composer.rules.actions import check_location_request
from composer.rules.parts import NO_HEADER, PartsPolicy


def write(content: LocationRequest) -> dict[str, Any]:
    return named_action(content.action_name)


SAMPLE = interactive_sample({
    "type": "location_request_message",
    "body": {"text": "To find the nearest store, please *share your location*."},
    "action": {"name": "send_location"},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.LOCATION_REQUEST,
    model=LocationRequest,
    read=read_action_name,
    write=write,
    check=check_location_request,
    parts=PartsPolicy("location requests", NO_HEADER, footer=False),
    limits=Absent("only the action name: no length or count limit beyond the body"),
    sample=SAMPLE,
    replies=("location_reply_webhook",),
)
