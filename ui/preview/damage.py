"""What changed between two laid-out Screens: the parts of the phone to paint again.

A keystroke in the body changes one line of one paragraph. Painting the whole phone again for it
(the wallpaper, the chrome, every bubble, then the scaled blit of all of it) was most of a key's
cost; painting the few rectangles that changed, with the rest kept, draws the same pixels.

Items are compared layer by layer in paint order. A pixel can differ only where an item that
differs (or that one Screen has and the other has not) draws, so the damage is the rectangles of
those items, padded for what is drawn past an item's box (a bubble's tail and shadow, italic
overhang and tall emoji). Two text items that differ only in their paragraph are compared line
by line (``Para.lines``): typing at the end of a long body damages its last line. A new scroll
position of the chat (or the sheet) damages its whole rectangle: the painter clips what scrolls
to it, and draws the chrome over it unmoved. Anything that moves the whole picture (another
size, theme or open sheet) is ``None``: paint everything.
"""

from __future__ import annotations

from collections.abc import Sequence

from ui.preview.layout import Item, Rect, Screen, TextItem
from ui.preview.text_engine import PIXMAP_PAD

Scroll = tuple[float, float]
"""The chat's and the sheet's scroll positions."""


def damage(
    old: Screen, new: Screen, scroll: Scroll, old_scroll: Scroll | None = None
) -> list[Rect] | None:
    """Screen rectangles (device coordinates) where ``new`` at the (chat, sheet) ``scroll`` may
    paint other pixels than ``old`` at ``old_scroll`` (by default the same); None when everything
    must be painted again."""
    chat_scroll, sheet_scroll = scroll
    old_chat, old_sheet = scroll if old_scroll is None else old_scroll
    if (
        old.theme != new.theme
        or (old.width, old.height) != (new.width, new.height)
        or old.screen_rect != new.screen_rect
        or old.chat_rect != new.chat_rect
        or old.sheet_rect != new.sheet_rect
    ):
        return None
    pad = float(new.theme.tail_w + PIXMAP_PAD + 2)
    rects: list[Rect] = []
    for old_items, new_items in (
        (old.background, new.background),
        (old.chrome, new.chrome),
        (old.overlay, new.overlay),
    ):
        rects += _changed(old_items, new_items, 0.0, pad, None)
    cr = new.chat_rect
    if round(old_chat) != round(chat_scroll):  # the painter scrolls by whole pixels
        rects.append(cr)
    else:
        rects += _changed(old.chat, new.chat, cr.y - chat_scroll, pad, cr)
    sr = new.sheet_rect
    if sr is not None and round(old_sheet) != round(sheet_scroll):
        rects.append(sr)
    elif sr is not None:
        rects += _changed(old.sheet_items, new.sheet_items, sr.y - sheet_scroll, pad, sr)
    return rects


def _changed(
    old: Sequence[Item], new: Sequence[Item], dy: float, pad: float, clip: Rect | None
) -> list[Rect]:
    """The padded rectangles (shifted by ``dy``, cut to ``clip``) of the items that differ."""
    boxes: list[Rect] = []
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        if a == b:
            continue
        if isinstance(a, TextItem) and isinstance(b, TextItem) and _same_but_lines(a, b):
            boxes += _changed_lines(a, b)
        else:
            boxes += [item.rect for item in (a, b) if item is not None]
    out = []
    for box in boxes:
        r: Rect | None = Rect(box.x - pad, box.y + dy - pad, box.w + 2 * pad, box.h + 2 * pad)
        if clip is not None and r is not None:
            r = _intersect(r, clip)
        if r is not None:
            out.append(r)
    return out


def _same_but_lines(a: TextItem, b: TextItem) -> bool:
    """Drawn at the same place with the same colour, width and options: only lines differ."""
    return (
        a.rect.x == b.rect.x
        and a.rect.y == b.rect.y
        and a.rect.w == b.rect.w
        and a.color == b.color
        and a.para.width == b.para.width
        and bool(a.para.lines)
        and bool(b.para.lines)
    )


def _changed_lines(a: TextItem, b: TextItem) -> list[Rect]:
    x, y, w = b.rect.x, b.rect.y, max(b.rect.w, b.para.width)
    boxes = []
    old, new = a.para.lines, b.para.lines
    for index in range(max(len(old), len(new))):
        line_a = old[index] if index < len(old) else None
        line_b = new[index] if index < len(new) else None
        if line_a == line_b:
            continue
        for line in (line_a, line_b):
            if line is not None:
                top, height, _drawn = line
                boxes.append(Rect(x, y + top, w, height))
    return boxes


def _intersect(r: Rect, clip: Rect) -> Rect | None:
    left, top = max(r.x, clip.x), max(r.y, clip.y)
    right, bottom = min(r.right, clip.right), min(r.bottom, clip.bottom)
    if right <= left or bottom <= top:
        return None
    return Rect(left, top, right - left, bottom - top)


class Reach:
    """For the painter: whether an item (its box padded by what is drawn past it) reaches the
    ``dirty`` rectangle it repaints; everything does when there is none."""

    def __init__(self, dirty: Rect | None, pad: float) -> None:
        self.dirty = dirty
        self.pad = pad

    def meets_x(self, r: Rect) -> bool:
        d = self.dirty
        return d is None or (r.x - self.pad < d.right and r.right + self.pad > d.x)

    def meets(self, r: Rect) -> bool:
        d = self.dirty
        return d is None or (
            self.meets_x(r) and r.y - self.pad < d.bottom and r.bottom + self.pad > d.y
        )

    def misses_frame(self, screen: Rect, radius: float) -> bool:
        """The dirty part is inside the screen's rounded corners: the device frame is not."""
        r, d = radius + 1, self.dirty
        tall = Rect(screen.x, screen.y + r, screen.w, screen.h - 2 * r)
        wide = Rect(screen.x + r, screen.y, screen.w - 2 * r, screen.h)
        return d is not None and (_inside(d, tall) or _inside(d, wide))


def _inside(d: Rect, r: Rect) -> bool:
    return d.x >= r.x and d.y >= r.y and d.right <= r.right and d.bottom <= r.bottom
