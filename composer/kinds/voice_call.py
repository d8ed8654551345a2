"""Voice call button (``interactive.type: voice_call``): "Call on WhatsApp" under the body.

A tap starts a WhatsApp call to the sending business number; the business hears about it through
the Calling API's ``calls`` webhooks (with ``payload`` echoed as ``cta_payload``), not through a
message webhook. Free-form only, so it needs the customer's 24-hour window like any non-template.
Facts and sources: docs/spec/calling-and-replies.md.
"""

from __future__ import annotations

from typing import Any, ClassVar

from composer import limits
from composer.codec.base import Reader, join
from composer.codec.parts import named_action, read_parameters
from composer.kinds.kind_spec import Absent, Fields, JsonObject, KindSpec, interactive_sample
from composer.messages.kind import MessageKind
from composer.messages.parts import Interactive
from composer.rules.actions import check_action_name
from composer.rules.base import Out
from composer.rules.parts import ALL_HEADERS, PartsPolicy

_PARAMS = "interactive.action.parameters"


class VoiceCall(Interactive, frozen=True, kw_only=True):
    """Every parameter is optional; ``None`` means "left out" (WhatsApp then uses its default)."""

    kind: ClassVar[MessageKind] = MessageKind.VOICE_CALL

    display_text: str | None = None
    ttl_minutes: int | None = None
    payload: str | None = None
    action_name: str = "voice_call"


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    p = read_parameters(r, a, path, ("display_text", "ttl_minutes", "payload")) or {}
    ppath = join(path, "parameters")
    fields: Fields = {
        "action_name": r.text(a, "name", join(path, "name"), "Action name"),
        "display_text": r.opt_text(p, "display_text", join(ppath, "display_text"), "Button label"),
        "payload": r.opt_text(p, "payload", join(ppath, "payload"), "Call payload"),
    }
    if "ttl_minutes" in p:
        fields["ttl_minutes"] = r.integer(
            p, "ttl_minutes", join(ppath, "ttl_minutes"), "ttl_minutes", "voice_call.ttl_minutes"
        )
    return fields


def write(content: VoiceCall) -> dict[str, Any]:
    params: dict[str, Any] = {}
    if content.display_text is not None:
        params["display_text"] = content.display_text
    if content.ttl_minutes is not None:
        params["ttl_minutes"] = content.ttl_minutes
    if content.payload is not None:
        params["payload"] = content.payload
    return named_action(content.action_name, params or None)


def check(content: VoiceCall, out: Out) -> None:
    check_action_name(
        content.action_name, "voice_call", "voice_call.action_name", "interactive.action", out
    )
    if content.display_text is not None:
        out.length(content.display_text, limits.VOICE_CALL_DISPLAY_TEXT, _PARAMS + ".display_text")
    ttl, limit = content.ttl_minutes, limits.VOICE_CALL_TTL_MINUTES
    if ttl is not None and (limit.is_under(ttl) or limit.is_over(ttl)):
        out.error(
            limit.rule,
            _PARAMS + ".ttl_minutes",
            f"ttl_minutes is {ttl}; the button must live {limit.minimum} to {limit.maximum} "
            f"minutes (30 days). Leave it out for WhatsApp's "
            f"{limits.VOICE_CALL_DEFAULT_TTL_MINUTES} (7 days).",
        )
    if content.payload is not None:
        out.length(content.payload, limits.VOICE_CALL_PAYLOAD, _PARAMS + ".payload")


SAMPLE = interactive_sample({
    "type": "voice_call",
    "body": {"text": "Questions about your order? Call us on WhatsApp, we answer in minutes."},
    "footer": {"text": "Support 9:00-18:00"},
    "action": {"name": "voice_call", "parameters": {
        "display_text": "Call support",
        "ttl_minutes": 1440,
        "payload": "order-88213",
    }},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.VOICE_CALL,
    model=VoiceCall,
    read=read,
    write=write,
    check=check,
    parts=PartsPolicy("voice call messages", ALL_HEADERS),
    limits=(
        limits.VOICE_CALL_DISPLAY_TEXT,
        limits.VOICE_CALL_TTL_MINUTES,
        limits.VOICE_CALL_PAYLOAD,
    ),
    sample=SAMPLE,
    replies=Absent("a tap starts a WhatsApp call; call webhooks come from the Calling API"),
)
