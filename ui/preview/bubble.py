"""One chat bubble built top to bottom in local coordinates, then placed.

Parts (quote, media, texts, time, action rows) are stacked at the widest allowed width; on
``place`` a bubble without full-width parts shrinks to its widest line (like WhatsApp), with
right-to-left paragraphs shifted so they stay right-aligned and the time pinned bottom-right.
"""

from __future__ import annotations

from functools import lru_cache

from msgspec.structs import replace

from composer.formatting import Block, BlockKind, Span, parse, text_direction
from ui.preview.layout import Hit, Item, Rect, ShapeItem, TextItem, moved
from ui.preview.text_engine import Para, Role, TextEngine
from ui.preview.themes import Theme

_ICON = 18
_MIN_WIDTH = 64.0


@lru_cache(maxsize=256)
def parse_cached(text: str) -> tuple[Block, ...]:
    return tuple(parse(text))


class BubbleParts:
    """Collects one bubble's items; ``place`` positions them and returns the bubble shape."""

    def __init__(self, engine: TextEngine, theme: Theme, max_w: float) -> None:
        self.e = engine
        self.t = theme
        self.bw = float(int(max_w))
        self.cw = self.bw - theme.pad_left - theme.pad_right
        self.items: list[Item] = []
        self.hits: list[Hit] = []
        self.y = 0.0
        self.natural = 0.0
        self.full = False
        self._rtl: list[int] = []
        self._anchor_right: list[int] = []
        self._last: tuple[Para, bool] | None = None
        self._text_started = False
        self._rows_started = False

    # --- text -----------------------------------------------------------------------------------

    def _text_top(self) -> None:
        if not self._text_started:
            self.y += self.t.pad_top
            self._text_started = True

    def text(
        self,
        role: Role,
        content: str | tuple[Span, ...],
        color: str,
        item_role: str,
        *,
        block: BlockKind | None = None,
        marker: str = "",
        indent: float = 0.0,
    ) -> TextItem:
        self._text_top()
        t = self.t
        plain = content if isinstance(content, str) else "".join(s.text for s in content)
        rtl = text_direction(plain) == "rtl"
        width = self.cw - indent
        para = self.e.paragraph(t, role, content, width, rtl=rtl)
        x = t.pad_left + (0 if rtl else indent)
        spans = (
            ((plain, frozenset()),)
            if isinstance(content, str)
            else tuple((s.text, s.styles) for s in content)
        )
        item = TextItem(
            Rect(x, self.y, width, para.height),
            item_role,
            plain,
            color,
            para,
            spans,
            rtl,
            block,
            marker,
        )
        self._add(item, rtl)
        if marker:
            self._marker(role, marker, color, width, indent, rtl)
        if block is BlockKind.QUOTE:
            self._quote_bar(para, width, indent, rtl)
        self.natural = max(self.natural, para.natural_width + indent)
        self._last = (para, rtl)
        self.y += para.height
        return item

    def _marker(
        self, role: Role, marker: str, color: str, width: float, indent: float, rtl: bool
    ) -> None:
        """A list item's bullet or number, in the indent before (or, right-to-left, after) it."""
        t = self.t
        mpara = self.e.paragraph(t, role, marker, indent - 4, rtl=rtl)
        mx = t.pad_left + width + 4 if rtl else t.pad_left
        self._add(
            TextItem(
                Rect(mx, self.y, indent - 4, mpara.height),
                "list_marker",
                marker,
                color,
                mpara,
                ((marker, frozenset()),),
                rtl,
            ),
            rtl,
        )

    def _quote_bar(self, para: Para, width: float, indent: float, rtl: bool) -> None:
        """The bar beside a "> quote" line."""
        t = self.t
        bx = t.pad_left + width + indent - 3 if rtl else t.pad_left
        self._add(
            ShapeItem(
                "rect",
                Rect(bx, self.y + 1, 3, para.height - 2),
                t.blockquote_bar,
                1.5,
                "blockquote_bar",
            ),
            rtl,
        )

    def body(self, text: str, item_role: str = "body") -> None:
        """The body with WhatsApp markup rendered, one item per line."""
        t = self.t
        for block in parse_cached(text):
            color = t.text_primary
            role: Role = "body"
            indent = 0.0
            if block.kind is BlockKind.QUOTE:
                color, indent = t.blockquote_text, 11.0
            elif block.kind in (BlockKind.BULLET, BlockKind.NUMBERED):
                width = self.e.paragraph(t, "body", block.marker, 60).natural_width
                indent = max(16.0, width + 7.0)
            self.text(
                role,
                block.spans,
                color,
                item_role,
                block=block.kind,
                marker=block.marker,
                indent=indent,
            )

    def time(self, text: str, *, ticks: bool = False) -> None:
        t = self.t
        para = self.e.paragraph(t, "time", text, 80)
        tick_w = 18.0 if ticks else 0.0
        tw = para.natural_width + tick_w
        last = self._last
        if (
            last is not None
            and not last[1]
            and (last[0].last_line_width + t.time_reserve + tw <= self.cw)
        ):
            y = self.y - para.height
            self.natural = max(self.natural, last[0].last_line_width + t.time_reserve + tw)
        else:
            self._text_top()
            y = self.y
            self.y += para.height
            self.natural = max(self.natural, tw)
        self._anchor(
            TextItem(
                Rect(0, y + 3, para.natural_width + 1, para.height),
                "time",
                text,
                t.meta,
                para,
                ((text, frozenset()),),
            )
        )
        if ticks:
            self._anchor(
                ShapeItem(
                    "icon", Rect(0, y + 3 + (para.height - 11) / 2, 16, 11), t.tick_read, 0, "ticks"
                )
            )
            # the tick sits right of the time: move the time left by the tick's width
            idx = self._anchor_right[-2]
            item = self.items[idx]
            self.items[idx] = replace(item, rect=Rect(-tick_w, *_yw(item.rect)))

    # --- boxes ----------------------------------------------------------------------------------

    def block_top(self, height: float) -> Rect:
        """A full-width box at the top part of the bubble (media, quote, product card)."""
        mp = self.t.media_pad
        rect = Rect(mp, self.y + mp, self.bw - 2 * mp, height)
        self.y = rect.bottom
        self.full = True
        return rect

    def add(self, item: Item) -> None:
        self.items.append(item)

    def action_row(
        self, label: str, icon: str, action: tuple[object, ...], tooltip: str = ""
    ) -> None:
        t = self.t
        self.full = True
        if not self._rows_started:
            self.y += t.pad_bottom
            self._rows_started = True
        self.items.append(ShapeItem("rect", Rect(0, self.y, self.bw, 1), t.divider, 0, "divider"))
        row = Rect(0, self.y, self.bw, t.button_row_h)
        self.items.extend(row_content(self.e, t, row, label, icon, t.action_label))
        self.hits.append(Hit(row, action, tooltip))
        self.y += t.button_row_h

    def height(self) -> float:
        return self.y if self._rows_started else self.y + self.t.pad_bottom

    # --- placing --------------------------------------------------------------------------------

    def place(
        self, x: float, y: float, *, right_edge: float | None = None
    ) -> tuple[Rect, list[Item], list[Hit]]:
        t = self.t
        if self.full:
            w = self.bw
        else:
            w = min(self.bw, max(_MIN_WIDTH, self.natural + t.pad_left + t.pad_right + 1))
            w = float(int(w + 0.999))
        if right_edge is not None:
            x = right_edge - w
        dx_rtl = w - self.bw
        items = list(self.items)
        for i in self._rtl:
            items[i] = moved(items[i], dx_rtl, 0)
        for i in self._anchor_right:
            r = items[i].rect
            items[i] = replace(items[i], rect=Rect(w - t.pad_right - r.w + r.x, r.y, r.w, r.h))
        placed = [moved(i, x, y) for i in items]
        hits = [Hit(h.rect.moved(x, y), h.action, h.tooltip) for h in self.hits]
        return Rect(x, y, w, self.height()), placed, hits

    def _add(self, item: Item, rtl: bool) -> None:
        if rtl:
            self._rtl.append(len(self.items))
        self.items.append(item)

    def _anchor(self, item: Item) -> None:
        self._anchor_right.append(len(self.items))
        self.items.append(item)


def _yw(rect: Rect) -> tuple[float, float, float]:
    return rect.y, rect.w, rect.h


def row_content(
    engine: TextEngine, t: Theme, row: Rect, label: str, icon: str, color: str
) -> list[Item]:
    """Icon + label centred in a button row (labels are plain text: no markup outside the body)."""
    icon_w = (_ICON + 6) if icon else 0
    rtl = text_direction(label) == "rtl"
    para = engine.paragraph(t, "button", label or " ", row.w - 24 - icon_w, rtl=rtl, max_lines=1)
    total = icon_w + para.natural_width
    x = row.x + (row.w - total) / 2
    items: list[Item] = []
    if icon:  # a right-to-left label reads from the right: the icon leads it there, mirrored
        ix = x + para.natural_width + 6 if rtl else x
        flags = ("rtl",) if rtl else ()
        icon_rect = Rect(ix, row.y + (row.h - _ICON) / 2, _ICON, _ICON)
        items.append(ShapeItem("icon", icon_rect, color, 0, icon, flags))
    tx = x - (para.width - para.natural_width) if rtl else x + icon_w
    items.append(
        TextItem(
            Rect(tx, row.y + (row.h - para.height) / 2, para.width, para.height),
            "button",
            label,
            color,
            para,
            ((label, frozenset()),),
            rtl,
        )
    )
    return items
