"""The sheet over the chat (phones: bottom sheet; Web: centred dialog) for the kind that has one.

The frame (scrim, sheet, handle, close button, title) is the same for every sheet; the rows and
the foot come from the kind's ``SheetLayout`` (the list picker, the multi-product item sheet).
"""

from __future__ import annotations

from collections.abc import Mapping

from composer.messages import Message
from ui.preview.kinds import SheetLayout, layout_for
from ui.preview.layout import ChatState, Hit, ProductPreview, Rect, Screen, ShapeItem, TextItem
from ui.preview.sheet_parts import SheetPlace
from ui.preview.text_engine import TextEngine

_HEAD = 56.0


def build_sheet(
    engine: TextEngine,
    screen: Screen,
    msg: Message,
    state: ChatState,
    products: Mapping[str, ProductPreview],
) -> None:
    layout = layout_for(msg.kind)
    kind_sheet = layout.sheet if layout is not None else None
    if kind_sheet is None or kind_sheet.name != state.sheet:
        return
    t = screen.theme
    sr = screen.screen_rect
    width = min(sr.w * 0.82, 420.0) if t.sheet_as_dialog else sr.w
    left = sr.x + (sr.w - width) / 2
    place = SheetPlace(engine, screen, msg, state, products, left, width)
    items, hits, content_h = kind_sheet.rows(place)
    foot = kind_sheet.foot_h
    max_h = sr.h - t.status_h - 40 if not t.sheet_as_dialog else sr.h * 0.8
    height = min(max_h, _HEAD + content_h + foot)
    top = sr.y + (sr.h - height) / 2 if t.sheet_as_dialog else sr.bottom - height
    sheet = Rect(left, top, width, height)
    _frame(place, kind_sheet, sheet)
    screen.sheet_rect = Rect(sheet.x, top + _HEAD, width, height - _HEAD - foot)
    screen.sheet_items = items
    screen.sheet_hits = [Hit(h.rect, h.action, h.tooltip) for h in hits]
    screen.sheet_content_height = content_h
    if kind_sheet.foot is not None:
        kind_sheet.foot(place, Rect(sheet.x, sheet.bottom - foot, width, foot))


def _frame(place: SheetPlace, kind_sheet: SheetLayout, sheet: Rect) -> None:
    """Scrim, sheet, grab handle, close button, title and the divider under it."""
    screen, engine = place.screen, place.engine
    t = screen.theme
    sr = screen.screen_rect
    width, top = sheet.w, sheet.y
    ov = screen.overlay
    ov.append(ShapeItem("rect", sr, t.scrim, t.screen_radius, "scrim"))
    screen.overlay_hits.append(Hit(sr, ("close_sheet",)))
    flags = () if t.sheet_as_dialog else ("top_only",)
    ov.append(ShapeItem("sheet", sheet, t.sheet_bg, t.sheet_radius, "sheet", flags))
    screen.overlay_hits.append(Hit(sheet, ("noop",)))  # taps on the sheet do not close it
    if not t.sheet_as_dialog:
        handle = Rect(sheet.x + (width - 32) / 2, top + 6, 32, 4)
        ov.append(ShapeItem("round_rect", handle, t.radio_off, 2, "grab_handle"))
    close = Rect(sheet.x + 12, top + (_HEAD - 24) / 2, 24, 24)
    ov.append(ShapeItem("icon", close, t.text_secondary, 0, "close"))
    screen.overlay_hits.append(Hit(Rect(close.x - 8, close.y - 8, 40, 40), ("close_sheet",)))
    title = kind_sheet.title(place.msg)
    tp = engine.paragraph(t, "bold", title or " ", width - 96, center=True, max_lines=1)
    ov.append(
        TextItem(
            Rect(sheet.x + 48, top + (_HEAD - tp.height) / 2, width - 96, tp.height),
            "sheet_title",
            title,
            t.text_primary,
            tp,
        )
    )
    ov.append(ShapeItem("rect", Rect(sheet.x, top + _HEAD - 1, width, 1), t.divider, 0, "divider"))
