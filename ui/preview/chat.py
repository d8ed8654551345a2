"""The scrollable chat: the business message as WhatsApp draws it, then the customer's replies.

The business message is drawn by its kind's layout (``ui.preview.kinds``); this module adds the
chips around it and the customer's reply bubbles, which look the same whatever the kind.
"""

from __future__ import annotations

from collections.abc import Mapping

from composer.messages import Message
from ui.preview.bubble import BubbleParts
from ui.preview.chat_base import (
    ChatBase,
    MessageLookup,
    TemplateLookup,
    no_messages,
    no_templates,
    quoted_text,
)
from ui.preview.kinds import layout_for, why_no_layout
from ui.preview.layout import ChatState, ProductPreview, Rect, Reply, Screen, ShapeItem
from ui.preview.text_engine import TextEngine


def build_chat(
    engine: TextEngine,
    screen: Screen,
    msg: Message | None,
    state: ChatState,
    products: Mapping[str, ProductPreview],
    image_sizes: Mapping[str, tuple[int, int]],
    templates: TemplateLookup = no_templates,
    messages: MessageLookup = no_messages,
) -> None:
    t = screen.theme
    chat = ChatBase(engine, screen, state, products, image_sizes, templates, messages, quote_of)
    chat.chip("Today", t.chip_bg, t.chip_text)
    if state.error_count:
        noun = "problem" if state.error_count == 1 else "problems"
        chat.chip(
            f"⚠ {state.error_count} {noun}: WhatsApp would reject this message",
            t.error_chip_bg,
            t.error_chip_text,
            role="error_chip",
        )
    if msg is None:
        chat.chip("No message to preview yet", t.chip_bg, t.chip_text, role="empty_chip")
    else:
        _business(chat, msg)
    for reply in state.replies:
        _reply(chat, reply, msg)
    screen.content_height = chat.y + 12


def _business(chat: ChatBase, msg: Message) -> None:
    layout = layout_for(msg.kind)
    if layout is None:
        t = chat.t
        text = f"No preview for {msg.kind} yet: {why_no_layout(msg.kind)}"
        chat.chip(text, t.chip_bg, t.chip_text, "empty_chip")
        return
    layout.bubble(chat, msg)


def quote_of(chat: ChatBase, msg: Message) -> str:
    """The line a quote of ``msg`` shows: its kind's own (a template's filled body), else the
    body or text header."""
    layout = layout_for(msg.kind)
    if layout is not None and layout.quote is not None:
        return layout.quote(chat, msg)
    return quoted_text(msg)


def _reply(chat: ChatBase, reply: Reply, msg: Message | None) -> None:
    quoted = quote_of(chat, msg) if msg is not None else quoted_text(msg)
    reply_bubble(chat, reply, quoted)


def reply_bubble(chat: ChatBase, reply: Reply, quoted: str | None) -> Rect:
    """The customer's reply bubble (outgoing, right), quoting the business message's line
    ``quoted`` (None: a message the customer typed, which quotes nothing)."""
    t = chat.t
    chat.y += t.sender_gap - t.bubble_gap
    parts = BubbleParts(chat.e, t, chat.max_w)
    if quoted is not None:
        bar, deeper = t.quote_bar_other, t.bubble_out_deeper
        chat.quote(parts, chat.state.business_name, quoted, bar, deeper)
    if reply.kind == "location":
        rect = parts.block_top(140)
        parts.add(ShapeItem("map", rect, t.media_placeholder, 4, "map"))
        if reply.title:  # a named place has a caption; a dropped pin has none
            parts.text("small", reply.title, t.text_primary, "reply_title")
    else:
        parts.text("body", reply.title, t.text_primary, "reply_title")
        if reply.description:
            parts.text("small", reply.description, t.text_secondary, "reply_description")
    parts.time(chat.state.time_text, ticks=True)
    return chat.emit(parts, outgoing=True)
