"""The chat of a whole thread (rehearse mode): the bot's messages, the customer's, the refusals.

Each business turn is drawn by its kind's layout (``ui.preview.kinds``), exactly as the one
message is; its taps are tagged ``("in", turn, *tap)`` so the phone knows which message was
tapped (an earlier list can be opened and answered again). Under each business bubble a small
line shows the business's ticks for it (sent, delivered, read), which the rehearsal feeds from
the sandbox's statuses. A message the sandbox refused is a red row with the rule it broke.
"""

from __future__ import annotations

from collections.abc import Mapping

from msgspec.structs import replace

from composer.messages import Message
from ui.preview.chat import quote_of, reply_bubble
from ui.preview.chat_base import ChatBase, MessageLookup, TemplateLookup, no_messages, no_templates
from ui.preview.kinds import layout_for, why_no_layout
from ui.preview.kinds.reaction import reaction_pill
from ui.preview.layout import (
    BusinessTurn,
    ChatState,
    CustomerTurn,
    Hit,
    ProductPreview,
    Rect,
    Screen,
    ShapeItem,
    TextItem,
    ThreadEntry,
)
from ui.preview.text_engine import TextEngine

EMPTY = "Rehearsal: the bot's messages appear here. Type below to write to it as the customer."
STATUS_TEXT = {"sent": "Sent", "delivered": "Delivered", "read": "Read"}
REFUSED = "Refused by WhatsApp"


def build_thread(
    engine: TextEngine,
    screen: Screen,
    state: ChatState,
    products: Mapping[str, ProductPreview],
    image_sizes: Mapping[str, tuple[int, int]],
    templates: TemplateLookup = no_templates,
    messages: MessageLookup = no_messages,
) -> None:
    """Lay out ``state.thread`` into ``screen``'s chat (a reply quotes the turn it answers)."""
    thread = state.thread or ()
    lookup = _lookup(thread, messages)
    chat = ChatBase(engine, screen, state, products, image_sizes, templates, lookup, quote_of)
    t = screen.theme
    chat.chip("Today", t.chip_bg, t.chip_text)
    if not thread:
        chat.chip(EMPTY, t.chip_bg, t.chip_text, role="empty_chip")
    for index, entry in enumerate(thread):
        chat.state = replace(state, time_text=_time_of(entry) or state.time_text)
        if isinstance(entry, BusinessTurn):
            _business(chat, index, entry)
        elif isinstance(entry, CustomerTurn):
            answered = _answered(thread, entry.answers)
            quoted = quote_of(chat, answered) if answered is not None else None
            reply_bubble(chat, entry.reply, quoted)
        else:
            text = f"⚠ {REFUSED}: {entry.text} ({entry.rule})"
            chat.chip(text, t.error_chip_bg, t.error_chip_text, role="refused")
    chat.state = state
    screen.content_height = chat.y + 12


def thread_message(state: ChatState, index: int) -> Message | None:
    """The message of business turn ``index`` of the thread (None: no such turn)."""
    thread = state.thread or ()
    entry = thread[index] if 0 <= index < len(thread) else None
    return entry.message if isinstance(entry, BusinessTurn) else None


def _business(chat: ChatBase, index: int, turn: BusinessTurn) -> None:
    screen = chat.s
    first_hit, first_item = len(screen.chat_hits), len(screen.chat)
    layout = layout_for(turn.message.kind)
    if layout is None:
        text = f"No preview for {turn.message.kind} yet: {why_no_layout(turn.message.kind)}"
        chat.chip(text, chat.t.chip_bg, chat.t.chip_text, "empty_chip")
        return
    layout.bubble(chat, turn.message)
    screen.chat_hits[first_hit:] = [
        Hit(h.rect, ("in", index, *h.action), h.tooltip) for h in screen.chat_hits[first_hit:]
    ]
    bubble = next(
        (
            i.rect
            for i in screen.chat[first_item:]
            if isinstance(i, ShapeItem) and i.name == "bubble_in"
        ),
        None,
    )
    if bubble is None:
        return
    screen.regions.append(Hit(bubble, ("react", index)))
    if turn.reaction:
        chat.y = max(chat.y, reaction_pill(chat, bubble, turn.reaction, False))
    _status(chat, turn.status)


def _status(chat: ChatBase, status: str) -> None:
    """The business's ticks for the turn just drawn: one grey tick sent, two delivered, two blue
    read (what the bot's status webhooks say), in a small line under the bubble."""
    t = chat.t
    text = STATUS_TEXT.get(status, status)
    para = chat.e.paragraph(t, "time", text, 120, max_lines=1)
    y = chat.y - t.bubble_gap + 2
    icon = "check" if status == "sent" else "ticks"
    colour = t.tick_read if status == "read" else t.meta
    chat.s.chat.append(ShapeItem("icon", Rect(chat.left + 4, y + 1, 16, 11), colour, 0, icon))
    chat.s.chat.append(
        TextItem(
            Rect(chat.left + 24, y, para.width, para.height), "turn_status", text, t.meta, para
        )
    )
    chat.y = y + para.height + t.bubble_gap


def _answered(thread: tuple[ThreadEntry, ...], index: int | None) -> Message | None:
    if index is None or not 0 <= index < len(thread):
        return None
    entry = thread[index]
    return entry.message if isinstance(entry, BusinessTurn) else None


def _time_of(entry: ThreadEntry) -> str:
    return entry.time_text if isinstance(entry, BusinessTurn | CustomerTurn) else ""


def _lookup(thread: tuple[ThreadEntry, ...], fallback: MessageLookup) -> MessageLookup:
    """Wamid -> the thread's business message with that id, else what the window knows."""
    by_id = {e.wamid: e.message for e in thread if isinstance(e, BusinessTurn) and e.wamid}

    def lookup(wamid: str) -> Message | None:
        return by_id.get(wamid) or fallback(wamid)

    return lookup
