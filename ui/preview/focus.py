"""The phone's tappable items for the keyboard and screen readers (plain data, no Qt).

A keyboard user walks the same ``Hit`` regions a click uses, in reading order (top to bottom,
then left to right); each item is named by the text drawn inside it ("Keep it", a list row's
title and description), so Enter taps exactly what a click there would.
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec

from ui.preview.layout import Hit, Item, Rect, Screen, TextItem

# Taps that are not items: the sheet's body (inert) and the scrim around it (closes the sheet;
# Escape does that from the keyboard).
_INERT = ("noop",)
_NAMES = {
    "open_list": "Open the list",
    "open_products": "Open the products",
    "close_sheet": "Close",
    "send_list": "Send",
    "send_location": "Send location",
}


class Target(msgspec.Struct, frozen=True):
    """One focusable item: the hit, where it is on the screen (device px) and its name."""

    hit: Hit
    rect: Rect
    name: str
    in_sheet: bool = False


def targets(screen: Screen, chat_scroll: float, sheet_scroll: float) -> list[Target]:
    """The focusable items of what is on the phone now, in reading order."""
    if screen.sheet_rect is not None:
        sheet = screen.sheet_rect
        found = [
            Target(h, h.rect.moved(0, sheet.y - sheet_scroll), _name(screen.sheet_items, h), True)
            for h in screen.sheet_hits
        ]
        area = screen.screen_rect.w * screen.screen_rect.h
        found += [
            Target(h, h.rect, _name(screen.overlay, h))
            for h in screen.overlay_hits
            if h.action != _INERT and h.rect.w * h.rect.h < area / 2  # not the scrim
        ]
    else:
        dy = screen.chat_rect.y - chat_scroll
        found = [Target(h, h.rect.moved(0, dy), _name(screen.chat, h)) for h in screen.chat_hits]
    return sorted(found, key=lambda t: (round(t.rect.y), t.rect.x))


def _name(items: Sequence[Item], hit: Hit) -> str:
    """The texts drawn inside ``hit`` (same coordinates), else a name for its action."""
    inside = [
        i.text
        for i in items
        if isinstance(i, TextItem)
        and i.text.strip()
        and hit.rect.contains(i.rect.x + min(i.rect.w, 4), i.rect.y + i.rect.h / 2)
    ]
    if inside:
        return ", ".join(inside)
    if hit.tooltip:
        return hit.tooltip
    return _NAMES.get(str(hit.action[0]), str(hit.action[0]).replace("_", " ").capitalize())


def describe(target: Target | None, items: Sequence[Target]) -> str:
    """The canvas's accessible description: the focused item and where it is among them."""
    if target is None:
        return "No tappable items" if not items else f"{len(items)} tappable items"
    return f"{target.name} ({list(items).index(target) + 1} of {len(items)})"


def reveal_shift(target: Target, box: Rect) -> float:
    """How far to scroll ``box`` (the chat or the sheet) to bring ``target`` into sight."""
    if target.rect.y < box.y:
        return target.rect.y - box.y - 8
    if target.rect.bottom > box.bottom:
        return min(target.rect.bottom - box.bottom + 8, target.rect.y - box.y)
    return 0.0
