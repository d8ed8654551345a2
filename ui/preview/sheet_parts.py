"""Pieces a kind's sheet is built from: where its rows go and the section titles between them."""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from composer.formatting import text_direction
from composer.messages import Message
from ui.preview.layout import ChatState, Hit, Item, ProductPreview, Rect, Screen, TextItem
from ui.preview.text_engine import TextEngine

PAD = 16.0

Rows = tuple[list[Item], list[Hit], float]  # items, tap regions, content height


class SheetPlace(msgspec.Struct, frozen=True):
    """Everything a kind's sheet rows and foot need: the message, state and the sheet's columns."""

    engine: TextEngine
    screen: Screen
    msg: Message
    state: ChatState
    products: Mapping[str, ProductPreview]
    left: float
    width: float


def section_title(place: SheetPlace, title: str, y: float) -> tuple[TextItem, float]:
    """A section title at content height ``y``; returns it and the y below it."""
    t = place.screen.theme
    p = place.engine.paragraph(t, "section", title, place.width - 2 * PAD, max_lines=1)
    rtl = text_direction(title) == "rtl"
    item = TextItem(
        Rect(place.left + PAD, y + 12, place.width - 2 * PAD, p.height),
        "section_title",
        title,
        t.sheet_section,
        p,
        ((title, frozenset()),),
        rtl,
    )
    return item, y + 12 + p.height + 4
