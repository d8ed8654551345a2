"""Reaction and plain-text rules (the two non-interactive types)."""

from __future__ import annotations

from composer import limits
from composer.messages import Reaction, TextMessage
from composer.rules.base import Out
from composer.rules.emoji import is_single_emoji

__all__ = ["check_reaction", "check_text"]


def check_reaction(content: Reaction, out: Out) -> None:
    if not content.message_id.strip():
        out.error(
            "reaction.message_id",
            "reaction.message_id",
            "A reaction needs the id (wamid) of the message it reacts to.",
        )
    emoji = content.emoji
    if emoji and not is_single_emoji(emoji):
        shown = f' "{emoji}"' if len(emoji) <= 20 and emoji.isprintable() else ""
        out.error(
            "reaction.emoji",
            "reaction.emoji",
            f"The reaction{shown} is not a single emoji; send exactly one emoji "
            '(skin tones and flags are fine), or "" to remove a reaction.',
        )


def check_text(content: TextMessage, out: Out) -> None:
    out.length(content.body, limits.TEXT_BODY, "text.body")
