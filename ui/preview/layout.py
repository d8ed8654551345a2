"""The preview as plain data: where every box, text run, button and row goes.

A ``Screen`` holds lists of items (``TextItem`` with the visible text and its styled spans,
``ShapeItem`` for boxes, icons and images) and ``Hit`` regions for taps. ``layouter.py`` builds
it, ``painter.py`` draws it, and tests read it instead of pixels. This module imports no other
preview module but the text engine and themes, so every builder can depend on it without a cycle.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from composer.formatting import BlockKind, Style
from ui.preview.text_engine import Para
from ui.preview.themes import Theme

if TYPE_CHECKING:
    from composer.messages import Message


class Rect(msgspec.Struct, frozen=True):
    x: float
    y: float
    w: float
    h: float

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def right(self) -> float:
        return self.x + self.w

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.x + self.w and self.y <= y < self.y + self.h

    def moved(self, dx: float, dy: float) -> Rect:
        return Rect(self.x + dx, self.y + dy, self.w, self.h)


class TextItem(msgspec.Struct, frozen=True):
    """A paragraph of visible text; ``spans`` are (text, styles) with markers already removed.
    ``para`` (its laid-out lines) compares by identity: two items are equal when they share it."""

    rect: Rect
    role: str
    text: str
    color: str
    para: Para
    spans: tuple[tuple[str, frozenset[Style]], ...] = ()
    rtl: bool = False
    block: BlockKind | None = None
    marker: str = ""


class ShapeItem(msgspec.Struct, frozen=True):
    """A box, line, circle, icon or image. ``kind`` tells the painter what to draw."""

    kind: str
    rect: Rect
    color: str = ""
    radius: float = 0.0
    name: str = ""  # icon name, image key, or role of the shape ("bubble_in", "button", ...)
    flags: tuple[str, ...] = ()


Item = TextItem | ShapeItem


class Hit(msgspec.Struct, frozen=True):
    """A tappable region and what tapping it does, e.g. ("button", 1) or ("row", 0, 2)."""

    rect: Rect
    action: tuple[Any, ...]
    tooltip: str = ""


class ProductPreview(msgspec.Struct, frozen=True):
    """A catalog product as the preview draws it: name, price as shown, picture (path or link)."""

    name: str = ""
    price: str = ""
    image: str = ""  # a local path or an http(s) link


class Reply(msgspec.Struct, frozen=True):
    """A customer's reply bubble produced by a tap (outgoing, right, green)."""

    kind: Literal["text", "list", "location"]
    title: str
    description: str = ""


class BusinessTurn(msgspec.Struct, frozen=True):
    """A message the business (the rehearsed bot) sent, in a whole thread. ``status`` is what the
    business's ticks show (sent, delivered, read); ``reaction`` the customer's emoji on it."""

    message: Message
    wamid: str = ""
    time_text: str = ""
    status: str = "sent"
    reaction: str = ""


class CustomerTurn(msgspec.Struct, frozen=True):
    """What the customer sent: a tap's reply (quoting business turn ``answers``) or typed text."""

    reply: Reply
    time_text: str = ""
    answers: int | None = None


class RefusedTurn(msgspec.Struct, frozen=True):
    """A message the sandbox refused, as WhatsApp would: the rule it broke and why."""

    rule: str
    text: str


ThreadEntry = BusinessTurn | CustomerTurn | RefusedTurn


class ChatState(msgspec.Struct, frozen=True):
    """Everything besides the message that changes the picture."""

    business_name: str = "WA Composer Sandbox"
    avatar: str = ""  # image key of the business's picture ("" = the plain avatar)
    verified: bool = False  # the verified-business badge beside the name
    time_text: str = "12:34"
    replies: tuple[Reply, ...] = ()
    sheet: Literal["", "list", "products"] = ""
    selected: tuple[int, int] | None = None
    error_count: int = 0
    carousel_first: int = 0  # the first card a carousel shows (swiped with drag, arrows, keys)
    # A whole conversation (rehearse mode) instead of the one message; None: the one message.
    thread: tuple[ThreadEntry, ...] | None = None
    sheet_owner: int = -1  # in a thread: the business turn whose sheet is open
    typing: bool = False  # the business is typing: "typing…" under its name


class Swipe(msgspec.Struct, frozen=True):
    """A strip of the chat that scrolls sideways a whole card at a time (a carousel's cards).

    The canvas turns a drag or an arrow key into ``target(steps)``, the tap that shows another
    card first; ``items`` are the chat items that follow the finger while dragging."""

    rect: Rect  # content coordinates, like the chat's hits
    step: float  # one card and the gap after it
    first: int
    last: int  # the last card that can come first (the strip cannot scroll past its end)
    items: tuple[int, int]  # [start, end) in ``Screen.chat``
    action: str = "carousel_scroll"

    def target(self, steps: int) -> tuple[Any, ...] | None:
        to = max(0, min(self.last, self.first + steps))
        return (self.action, to) if to != self.first else None

    def steps_for(self, dx: float) -> int:
        """Cards to move for a drag of ``dx`` (left is forward); a short flick moves one."""
        steps = -round(dx / self.step)
        if steps == 0 and abs(dx) >= self.step * 0.15:
            steps = -1 if dx > 0 else 1
        return steps


class Screen(msgspec.Struct):
    """The laid-out preview in device coordinates. Chat items use content coordinates:
    x as on screen, y from the top of the scrollable chat (painter shifts by chat_rect.y - scroll).
    Sheet list items likewise scroll inside ``sheet_rect``."""

    theme: Theme
    width: float
    height: float
    screen_rect: Rect
    chat_rect: Rect
    background: list[Item] = msgspec.field(default_factory=list)
    chrome: list[Item] = msgspec.field(default_factory=list)
    chat: list[Item] = msgspec.field(default_factory=list)
    chat_hits: list[Hit] = msgspec.field(default_factory=list)
    content_height: float = 0.0
    overlay: list[Item] = msgspec.field(default_factory=list)
    overlay_hits: list[Hit] = msgspec.field(default_factory=list)
    sheet_rect: Rect | None = None
    sheet_items: list[Item] = msgspec.field(default_factory=list)
    sheet_hits: list[Hit] = msgspec.field(default_factory=list)
    sheet_content_height: float = 0.0
    swipe: Swipe | None = None
    # Right-click targets (content coordinates): a thread's business bubbles, ("react", turn).
    regions: list[Hit] = msgspec.field(default_factory=list)

    def all_items(self) -> list[Item]:
        return [*self.background, *self.chrome, *self.chat, *self.overlay, *self.sheet_items]

    def texts(self, role: str) -> list[str]:
        """Visible texts of one role in paint order (chat, then sheet)."""
        return [i.text for i in self.all_items() if isinstance(i, TextItem) and i.role == role]

    def text_items(self, role: str) -> list[TextItem]:
        return [i for i in self.all_items() if isinstance(i, TextItem) and i.role == role]

    def shapes(self, name: str) -> list[ShapeItem]:
        return [i for i in self.all_items() if isinstance(i, ShapeItem) and i.name == name]

    def hit_actions(self) -> list[tuple[Any, ...]]:
        hits = self.overlay_hits + self.sheet_hits if self.sheet_rect else self.chat_hits
        return [h.action for h in hits]

    def max_chat_scroll(self) -> float:
        return max(0.0, self.content_height - self.chat_rect.h)

    def max_sheet_scroll(self) -> float:
        if self.sheet_rect is None:
            return 0.0
        return max(0.0, self.sheet_content_height - self.sheet_rect.h)


def moved(item: Item, dx: float, dy: float) -> Item:
    """``item`` shifted by (dx, dy); direct construction (cheaper than ``replace``)."""
    r = item.rect
    rect = Rect(r.x + dx, r.y + dy, r.w, r.h)
    if isinstance(item, TextItem):
        return TextItem(
            rect,
            item.role,
            item.text,
            item.color,
            item.para,
            item.spans,
            item.rtl,
            item.block,
            item.marker,
        )
    return ShapeItem(item.kind, rect, item.color, item.radius, item.name, item.flags)


BAND_PAD = 4  # room for antialiasing and strokes past an item's box


def bands(items: list[Item], height: float) -> list[tuple[int, int, list[Item]]]:
    """The items grouped by the horizontal bands of the screen they cover (whole pixels, padded),
    overlapping bands merged: (top, bottom, items) from the top down."""
    spans = sorted(
        (
            max(0, math.floor(i.rect.y) - BAND_PAD),
            min(math.ceil(height), math.ceil(i.rect.bottom) + BAND_PAD),
            n,
        )
        for n, i in enumerate(items)
    )
    bands: list[tuple[int, int, list[int]]] = []
    for top, bottom, n in spans:
        if bands and top <= bands[-1][1]:
            last_top, last_bottom, members = bands[-1]
            bands[-1] = (last_top, max(last_bottom, bottom), [*members, n])
        else:
            bands.append((top, bottom, [n]))
    return [(top, bottom, [items[n] for n in sorted(members)]) for top, bottom, members in bands]
