"""Reply buttons (``interactive.type: button``): 1-3 tappable buttons."""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, join
from composer.kinds.kind_spec import Fields, JsonObject, KindSpec, interactive_sample
from composer.messages import MessageKind, ReplyButton, ReplyButtons
from composer.rules.buttons import check_reply_buttons
from composer.rules.parts import ALL_HEADERS, PartsPolicy


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("buttons",), "a reply-button action")
    buttons = []
    for b, ipath in r.objects(a, "buttons", path, "button", ("type", "reply")):
        btype = r.text(b, "type", join(ipath, "type"), "Button type")
        rpath = join(ipath, "reply")
        reply = r.obj(b.get("reply", {}), rpath, "The button's reply object")
        if reply is None:
            continue
        r.known(reply, rpath, ("id", "title"), "a button reply")
        buttons.append(
            ReplyButton(
                id=r.text(reply, "id", join(rpath, "id"), "Button id"),
                title=r.text(reply, "title", join(rpath, "title"), "Button title"),
                type=btype,
            )
        )
    return {"buttons": tuple(buttons)}


def write(content: ReplyButtons) -> dict[str, Any]:
    return {
        "buttons": [
            {"type": b.type, "reply": {"id": b.id, "title": b.title}} for b in content.buttons
        ]
    }


SAMPLE = interactive_sample({
    "type": "button",
    "header": {"type": "text", "text": "Appointment reminder"},
    "body": {"text": "Hi Ana! Your appointment is *tomorrow at 9:00*. Do you want to keep it?"},
    "footer": {"text": "Reply using the buttons below"},
    "action": {"buttons": [
        {"type": "reply", "reply": {"id": "appt_keep_4471", "title": "Keep it"}},
        {"type": "reply", "reply": {"id": "appt_move_4471", "title": "Reschedule"}},
        {"type": "reply", "reply": {"id": "appt_cancel_4471", "title": "Cancel"}},
    ]},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.BUTTON,
    model=ReplyButtons,
    read=read,
    write=write,
    check=check_reply_buttons,
    parts=PartsPolicy("reply-button messages", ALL_HEADERS),
    limits=(limits.BUTTONS, limits.BUTTON_ID, limits.BUTTON_TITLE),
    sample=SAMPLE,
    replies=("button_reply_webhook",),
)
