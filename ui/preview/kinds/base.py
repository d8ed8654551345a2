"""The parts of one kind's preview: how its bubble is drawn, its sheet, and what its taps do.

Each module of ``ui.preview.kinds`` builds one ``PreviewLayout``; ``ui.preview.kinds`` maps
``MessageKind`` to it, so the chat, the sheet and the phone's taps look a kind up instead of
testing ``isinstance`` one kind after another.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal, TypeVar

import msgspec

from composer.messages import Interactive, Message, MessageKind
from composer.webhooks.replies import WebhookContext
from ui.preview.chat_base import ChatBase
from ui.preview.layout import ChatState, Rect
from ui.preview.sheet_parts import Rows, SheetPlace
from ui.preview.taps import Action, NoWebhook, Tapped

T = TypeVar("T")

BubbleLayout = Callable[[ChatBase, Message], None]
TapHandler = Callable[[Message, Action, ChatState, WebhookContext], Tapped]


class SheetLayout(msgspec.Struct, frozen=True):
    """A sheet a kind opens over the chat: its title, rows and (optional) foot."""

    name: Literal["list", "products"]  # the ``ChatState.sheet`` value that shows it
    title: Callable[[Message], str]
    rows: Callable[[SheetPlace], Rows]
    foot_h: float
    foot: Callable[[SheetPlace, Rect], None] | None = None  # draws in the foot strip (a Rect)
    # Whether a chosen (section, row) still exists after an edit; None: rows cannot be chosen.
    has_row: Callable[[Message, tuple[int, int]], bool] | None = None


class PreviewLayout(msgspec.Struct, frozen=True):
    """One kind's preview: its bubble, its sheet if any, and a handler per tap action name."""

    kind: MessageKind
    bubble: BubbleLayout
    sheet: SheetLayout | None = None
    taps: Mapping[str, TapHandler] = msgspec.field(default_factory=dict)
    # The line a customer's reply quotes (None: the body, else the text header, as most kinds)
    quote: Callable[[ChatBase, Message], str] | None = None


def content_of(msg: Message, cls: type[T]) -> T:
    """``msg.content`` as the kind's model (a registry mix-up fails loudly, not as a blank)."""
    c = msg.content
    if not isinstance(c, cls):
        raise TypeError(f"preview: a {type(c).__name__} reached the {cls.__name__} layout")
    return c


def no_webhook(reason: NoWebhook) -> TapHandler:
    """A tap handler for a tap the business never hears about."""

    def handler(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
        return Tapped.silent(reason)

    return handler


def action_bubble(
    chat: ChatBase,
    msg: Message,
    c: Interactive,
    label: str,
    icon: str,
    action: Action,
    tooltip: str = "",
) -> Rect:
    """The common bubble: header, body, footer, time, then one action row under a divider."""
    parts = chat.start(msg)
    chat.header(parts, c.header)
    chat.texts(parts, c)
    parts.action_row(label, icon, action, tooltip=tooltip)
    return chat.emit(parts, outgoing=False)
