"""Plain text (``type: text``): not interactive, but the simplest thing one can send."""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, describe, join
from composer.kinds.kind_spec import Absent, Fields, JsonObject, KindSpec
from composer.messages import MessageKind, TextMessage
from composer.rules.reaction import check_text


def read(r: Reader, d: JsonObject, path: str) -> Fields:
    r.known(d, path, ("body", "preview_url"), "a text message")
    body = r.text(d, "body", join(path, "body"), "Message text")
    preview = d.get("preview_url")
    if preview is not None and not isinstance(preview, bool):
        text = f"preview_url must be true or false, not {describe(preview)}."
        r.problem(join(path, "preview_url"), text)
        preview = None
    return {"body": body, "preview_url": preview}


def write(content: TextMessage) -> dict[str, Any]:
    text: dict[str, Any] = {"body": content.body}
    if content.preview_url is not None:
        text["preview_url"] = content.preview_url
    return text


SAMPLE = {
    "type": "text",
    "text": {
        "preview_url": True,
        "body": (
            "Hi Ana! Your order *#4471* has shipped \N{PACKAGE}\n"
            "_Estimated delivery:_ Tuesday\n"
            "Track it here: https://www.example.com/track?id=TRK-88213"
        ),
    },
}

SPEC = KindSpec(
    kind=MessageKind.TEXT,
    model=TextMessage,
    read=read,
    write=write,
    check=check_text,
    parts=Absent("not interactive: a text message is only its body"),
    limits=(limits.TEXT_BODY,),
    sample=SAMPLE,
    replies=Absent("a text message has nothing to tap"),
)
