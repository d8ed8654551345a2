"""A plain text message: the body with WhatsApp markup, and the time."""

from __future__ import annotations

from composer.messages import Message, MessageKind, TextMessage
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, content_of


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, TextMessage)
    parts = chat.start(msg)
    parts.body(c.body)
    parts.time(chat.state.time_text)
    chat.emit(parts, outgoing=False)


LAYOUT = PreviewLayout(MessageKind.TEXT, _bubble)
