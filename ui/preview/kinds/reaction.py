"""A reaction: the message it reacts to, with the emoji pill (nothing when it is removed).

The reacted-to message is the business's own when the send history knows its wamid (an
incoming bubble with its text), else the customer's (an outgoing bubble by its type: the
business never stored its text). A removed reaction (empty emoji) leaves the message bare, as
WhatsApp does.
"""

from __future__ import annotations

from composer.messages import Message, MessageKind, Reaction
from ui.preview.bubble import BubbleParts
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, content_of
from ui.preview.layout import Rect, ShapeItem, TextItem


def _bubble(chat: ChatBase, msg: Message) -> None:
    r = content_of(msg, Reaction)
    t = chat.t
    _author, text, by_business = chat.replied_to(r.message_id)
    parts = BubbleParts(chat.e, t, chat.max_w)
    parts.text("body", text, t.text_primary, "reacted_to")
    parts.time(chat.state.time_text, ticks=not by_business)
    rect = chat.emit(parts, outgoing=not by_business)
    if r.emoji:
        chat.y = reaction_pill(chat, rect, r.emoji, t.reaction_out_right and not by_business)


def reaction_pill(chat: ChatBase, bubble: Rect, emoji: str, right: bool) -> float:
    """The emoji pill on the bottom edge of ``bubble`` (at its right end when ``right``);
    returns the y below it. A thread draws the customer's reactions with it too."""
    t = chat.t
    para = chat.e.paragraph(t, "body", emoji, 80, max_lines=1)
    w, h = para.natural_width + 14, para.height + 6
    x = bubble.right - 10 - w if right else bubble.x + 10
    pill = Rect(x, bubble.bottom - t.reaction_offset, w, h)
    chat.s.chat.append(
        ShapeItem("pill", pill, t.reaction_pill, h / 2, "reaction_pill", (t.reaction_border,))
    )
    chat.s.chat.append(
        TextItem(
            Rect(pill.x + 7, pill.y + 3, para.width, para.height),
            "reaction",
            emoji,
            t.text_primary,
            para,
        )
    )
    return pill.bottom + 6


LAYOUT = PreviewLayout(MessageKind.REACTION, _bubble)
