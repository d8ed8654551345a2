"""Reply-button rules: 1-3 buttons of type reply, ids 1-256 without edge spaces, titles 1-20,
ids unique, titles unique ignoring case (WhatsApp rejected "Whatsapp" next to "WhatsApp")."""

from __future__ import annotations

from composer import limits
from composer.messages import ReplyButtons
from composer.rules.base import Out

__all__ = ["check_reply_buttons"]

_PATH = "interactive.action.buttons"


def check_reply_buttons(content: ReplyButtons, out: Out) -> None:
    out.count(len(content.buttons), limits.BUTTONS, _PATH, "This message")
    ids: dict[str, int] = {}
    titles: dict[str, int] = {}
    for i, button in enumerate(content.buttons):
        path = f"{_PATH}[{i}]"
        if button.type != "reply":
            out.error(
                "button.type",
                path + ".type",
                f'Button {i + 1} has type "{button.type[:20]}"; it must be "reply".',
            )
        out.length(button.id, limits.BUTTON_ID, path + ".reply.id")
        if button.id and button.id != button.id.strip():
            out.error(
                "button.id_spaces",
                path + ".reply.id",
                f"Button {i + 1}'s id starts or ends with a space; WhatsApp rejects that.",
            )
        out.length(button.title, limits.BUTTON_TITLE, path + ".reply.title")
        if button.id:
            first = ids.setdefault(button.id, i)
            if first != i:
                out.error(
                    "button.id_unique",
                    path + ".reply.id",
                    f'Button {i + 1} has the id "{button.id[:40]}", already used by button '
                    f"{first + 1}; ids must be unique.",
                )
        if button.title:
            key = button.title.casefold()
            first = titles.setdefault(key, i)
            if first != i:
                out.error(
                    "button.title_unique",
                    path + ".reply.title",
                    f"Button {i + 1}'s title \"{button.title[:40]}\" repeats button {first + 1}'s "
                    "(upper/lower case does not count); titles must be unique.",
                )
