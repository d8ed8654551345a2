"""CTA URL (``interactive.type: cta_url``): one button that opens a web address."""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, join
from composer.codec.parts import named_action, read_parameters
from composer.kinds.kind_spec import Absent, Fields, JsonObject, KindSpec, interactive_sample
from composer.messages import CtaUrl, MessageKind
from composer.rules.actions import check_cta_url
from composer.rules.parts import ALL_HEADERS, PartsPolicy


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    p = read_parameters(r, a, path, ("display_text", "url")) or {}
    ppath = join(path, "parameters")
    return {
        "action_name": r.text(a, "name", join(path, "name"), "Action name"),
        "display_text": r.text(p, "display_text", join(ppath, "display_text"), "Button label"),
        "url": r.text(p, "url", join(ppath, "url"), "Button URL"),
    }


def write(content: CtaUrl) -> dict[str, Any]:
    button = {"display_text": content.display_text, "url": content.url}
    return named_action(content.action_name, button)


SAMPLE = interactive_sample({
    "type": "cta_url",
    "header": {"type": "text", "text": "New workshop dates"},
    "body": {"text": "Tap the button to see the available dates and book a seat."},
    "footer": {"text": "Dates subject to change"},
    "action": {"name": "cta_url", "parameters": {
        "display_text": "See dates",
        "url": "https://www.example.com/workshops?utm_source=whatsapp&id=88213",
    }},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.CTA_URL,
    model=CtaUrl,
    read=read,
    write=write,
    check=check_cta_url,
    parts=PartsPolicy("CTA URL messages", ALL_HEADERS),
    limits=(limits.CTA_DISPLAY_TEXT,),
    sample=SAMPLE,
    replies=Absent("a tap opens the URL in the browser; WhatsApp sends the business no webhook"),
)
