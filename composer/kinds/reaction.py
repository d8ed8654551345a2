"""Reaction (``type: reaction``): one emoji on an earlier message; ``""`` removes it."""

from __future__ import annotations

from typing import Any

from composer.codec.base import Reader, join
from composer.kinds.kind_spec import SAMPLE_REACTED_TO, Absent, Fields, JsonObject, KindSpec
from composer.messages import MessageKind, Reaction
from composer.rules.reaction import check_reaction


def read(r: Reader, d: JsonObject, path: str) -> Fields:
    r.known(d, path, ("message_id", "emoji"), "a reaction")
    message_id = r.text(d, "message_id", join(path, "message_id"), "Reacted-to message id")
    if "emoji" not in d:
        r.problem(
            join(path, "emoji"),
            'The reaction emoji is missing; send one emoji, or "" to remove a reaction.',
            "reaction.emoji",
        )
    emoji = r.text(d, "emoji", join(path, "emoji"), "Reaction emoji")
    return {"message_id": message_id, "emoji": emoji}


def write(content: Reaction) -> dict[str, Any]:
    return {"message_id": content.message_id, "emoji": content.emoji}


SAMPLE = {
    "type": "reaction",
    "reaction": {"message_id": SAMPLE_REACTED_TO, "emoji": "\N{THUMBS UP SIGN}"},
}

SPEC = KindSpec(
    kind=MessageKind.REACTION,
    model=Reaction,
    read=read,
    write=write,
    check=check_reaction,
    parts=Absent("not interactive: a reaction has no header, body or footer"),
    limits=Absent("one emoji (a rule of its own, reaction.emoji), no length limit"),
    sample=SAMPLE,
    replies=Absent("a reaction has nothing to tap"),
)
