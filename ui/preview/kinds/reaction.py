"""A reaction: the customer's message it reacts to, with the emoji pill (or "removed")."""

from __future__ import annotations

from composer.messages import Message, MessageKind, Reaction
from ui.preview.bubble import BubbleParts
from ui.preview.chat_base import ChatBase, short_id
from ui.preview.kinds.base import PreviewLayout, content_of
from ui.preview.layout import Rect, ShapeItem, TextItem


def _bubble(chat: ChatBase, msg: Message) -> None:
    r = content_of(msg, Reaction)
    t = chat.t
    parts = BubbleParts(chat.e, t, chat.max_w)
    parts.text("body", f"Your message {short_id(r.message_id)}", t.text_primary, "reacted_to")
    parts.time(chat.state.time_text, ticks=True)
    rect = chat.emit(parts, outgoing=True)
    if not r.emoji:
        chat.y += 6
        chat.chip("Reaction removed", t.chip_bg, t.chip_text, role="reaction_removed")
        return
    para = chat.e.paragraph(t, "body", r.emoji, 80, max_lines=1)
    w, h = para.natural_width + 14, para.height + 6
    x = rect.right - 10 - w if t.reaction_out_right else rect.x + 10
    pill = Rect(x, rect.bottom - t.reaction_offset, w, h)
    chat.s.chat.append(
        ShapeItem("pill", pill, t.reaction_pill, h / 2, "reaction_pill", (t.reaction_border,))
    )
    chat.s.chat.append(
        TextItem(
            Rect(pill.x + 7, pill.y + 3, para.width, para.height),
            "reaction",
            r.emoji,
            t.text_primary,
            para,
        )
    )
    chat.y = pill.bottom + 6


LAYOUT = PreviewLayout(MessageKind.REACTION, _bubble)
