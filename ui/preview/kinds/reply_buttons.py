"""Reply buttons: rows inside the bubble (or detached cards, per theme); a tap is a button_reply."""

from __future__ import annotations

from composer.messages import Message, MessageKind, ReplyButtons
from composer.webhooks.replies import WebhookContext, button_reply_webhook
from ui.preview.bubble import row_content
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, content_of
from ui.preview.layout import ChatState, Hit, Rect, Reply, ShapeItem
from ui.preview.taps import Action, Tapped


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, ReplyButtons)
    t = chat.t
    parts = chat.start(msg)
    chat.header(parts, c.header)
    chat.texts(parts, c)
    parts.full = True
    if t.reply_buttons_in_bubble:
        for i, button in enumerate(c.buttons):
            parts.action_row(button.title, "reply", ("button", i))
    rect = chat.emit(parts, outgoing=False)
    if not t.reply_buttons_in_bubble:
        _detached_buttons(chat, c, rect)


def _detached_buttons(chat: ChatBase, c: ReplyButtons, bubble: Rect) -> None:
    """The older look: one white card per button under the bubble."""
    t = chat.t
    y = bubble.bottom
    for i, button in enumerate(c.buttons):
        y += t.button_gap
        row = Rect(bubble.x, y, bubble.w, t.button_row_h)
        chat.s.chat.append(
            ShapeItem("round_rect", row, t.bubble_in, t.bubble_radius, "reply_button")
        )
        chat.s.chat.extend(row_content(chat.e, t, row, button.title, "reply", t.action_label))
        chat.s.chat_hits.append(Hit(row, ("button", i)))
        y = row.bottom
    chat.y = y + t.bubble_gap


def _tap_button(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    c = content_of(msg, ReplyButtons)
    body = button_reply_webhook(msg, action[1], context=ctx)
    return Tapped.sent(body, Reply("text", c.buttons[action[1]].title))


LAYOUT = PreviewLayout(MessageKind.BUTTON, _bubble, taps={"button": _tap_button})
