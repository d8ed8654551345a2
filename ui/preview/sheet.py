"""The list picker (phones: bottom sheet; Web: centred dialog) and the multi-product item sheet."""

from __future__ import annotations

from collections.abc import Mapping

from composer.formatting import text_direction
from composer.messages import ListMessage, Message, MultiProduct, TextHeader
from ui.preview.layout import (
    ChatState,
    Hit,
    ProductPreview,
    Rect,
    Screen,
    ShapeItem,
    TextItem,
)
from ui.preview.text_engine import TextEngine

_HEAD = 56.0
_FOOT = 72.0
_PAD = 16.0
_RADIO = 20.0
_THUMB = 48.0
HINT = "Tap to select an item"


def build_sheet(
    engine: TextEngine,
    screen: Screen,
    msg: Message,
    state: ChatState,
    products: Mapping[str, ProductPreview],
) -> None:
    c = msg.content
    t = screen.theme
    sr = screen.screen_rect
    if isinstance(c, ListMessage) and state.sheet == "list":
        title = c.button
    elif isinstance(c, MultiProduct) and state.sheet == "products":
        title = c.header.text if isinstance(c.header, TextHeader) else "Items"
    else:
        return
    width = min(sr.w * 0.82, 420.0) if t.sheet_as_dialog else sr.w
    left = sr.x + (sr.w - width) / 2
    items, hits, content_h = (
        _list_rows(engine, screen, c, state, left, width)
        if isinstance(c, ListMessage)
        else _product_rows(engine, screen, c, products, left, width)
    )
    foot = _FOOT if isinstance(c, ListMessage) else 16.0
    max_h = sr.h - t.status_h - 40 if not t.sheet_as_dialog else sr.h * 0.8
    height = min(max_h, _HEAD + content_h + foot)
    top = sr.y + (sr.h - height) / 2 if t.sheet_as_dialog else sr.bottom - height
    sheet = Rect(left, top, width, height)
    ov = screen.overlay
    ov.append(ShapeItem("rect", sr, t.scrim, t.screen_radius, "scrim"))
    screen.overlay_hits.append(Hit(sr, ("close_sheet",)))
    flags = () if t.sheet_as_dialog else ("top_only",)
    ov.append(ShapeItem("sheet", sheet, t.sheet_bg, t.sheet_radius, "sheet", flags))
    screen.overlay_hits.append(Hit(sheet, ("noop",)))  # taps on the sheet do not close it
    if not t.sheet_as_dialog:
        ov.append(
            ShapeItem(
                "round_rect",
                Rect(sheet.x + (width - 32) / 2, top + 6, 32, 4),
                t.radio_off,
                2,
                "grab_handle",
            )
        )
    close = Rect(sheet.x + 12, top + (_HEAD - 24) / 2, 24, 24)
    ov.append(ShapeItem("icon", close, t.text_secondary, 0, "close"))
    screen.overlay_hits.append(Hit(Rect(close.x - 8, close.y - 8, 40, 40), ("close_sheet",)))
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
    screen.sheet_rect = Rect(sheet.x, top + _HEAD, width, height - _HEAD - foot)
    screen.sheet_items = items
    screen.sheet_hits = [Hit(h.rect, h.action, h.tooltip) for h in hits]
    screen.sheet_content_height = content_h
    if isinstance(c, ListMessage):
        foot_top = sheet.bottom - foot
        ov.append(ShapeItem("rect", Rect(sheet.x, foot_top, width, 1), t.divider, 0, "divider"))
        if state.selected is None:
            hp = engine.paragraph(t, "small", HINT, width - 32, center=True)
            ov.append(
                TextItem(
                    Rect(sheet.x + 16, foot_top + (foot - hp.height) / 2, width - 32, hp.height),
                    "sheet_hint",
                    HINT,
                    t.text_secondary,
                    hp,
                )
            )
        else:
            fab = Rect(sheet.right - 16 - 52, foot_top + (foot - 52) / 2, 52, 52)
            ov.append(ShapeItem("circle", fab, t.send_fab, 26, "send_fab"))
            ov.append(
                ShapeItem("icon", Rect(fab.x + 14, fab.y + 14, 24, 24), t.send_icon, 0, "send")
            )
            screen.overlay_hits.append(Hit(fab, ("send_list",)))


def _section_title(
    engine: TextEngine, screen: Screen, title: str, left: float, width: float, y: float
) -> tuple[TextItem, float]:
    t = screen.theme
    p = engine.paragraph(t, "section", title, width - 2 * _PAD, max_lines=1)
    rtl = text_direction(title) == "rtl"
    item = TextItem(
        Rect(left + _PAD, y + 12, width - 2 * _PAD, p.height),
        "section_title",
        title,
        t.sheet_section,
        p,
        ((title, frozenset()),),
        rtl,
    )
    return item, y + 12 + p.height + 4


def _list_rows(
    engine: TextEngine,
    screen: Screen,
    c: ListMessage,
    state: ChatState,
    left: float,
    width: float,
) -> tuple[list[TextItem | ShapeItem], list[Hit], float]:
    t = screen.theme
    items: list[TextItem | ShapeItem] = []
    hits: list[Hit] = []
    y = 0.0
    text_w = width - 3 * _PAD - _RADIO
    for si, section in enumerate(c.sections):
        if section.title:
            item, y = _section_title(engine, screen, section.title, left, width, y)
            items.append(item)
        for ri, row in enumerate(section.rows):
            top = y
            y += 10
            rtl = text_direction(row.title) == "rtl"
            tp = engine.paragraph(t, "body", row.title or " ", text_w, rtl=rtl)
            items.append(
                TextItem(
                    Rect(left + _PAD, y, text_w, tp.height),
                    "row_title",
                    row.title,
                    t.text_primary,
                    tp,
                    ((row.title, frozenset()),),
                    rtl,
                )
            )
            y += tp.height
            if row.description:
                drtl = text_direction(row.description) == "rtl"
                dp = engine.paragraph(t, "small", row.description, text_w, rtl=drtl)
                items.append(
                    TextItem(
                        Rect(left + _PAD, y, text_w, dp.height),
                        "row_description",
                        row.description,
                        t.text_secondary,
                        dp,
                        ((row.description, frozenset()),),
                        drtl,
                    )
                )
                y += dp.height
            y = max(y + 10, top + 52)
            on = state.selected == (si, ri)
            radio = Rect(left + width - _PAD - _RADIO, top + (y - top - _RADIO) / 2, _RADIO, _RADIO)
            items.append(
                ShapeItem(
                    "radio",
                    radio,
                    t.radio_on if on else t.radio_off,
                    _RADIO / 2,
                    "radio",
                    ("on",) if on else (),
                )
            )
            items.append(
                ShapeItem(
                    "rect", Rect(left + _PAD, y - 1, width - _PAD, 1), t.divider, 0, "row_divider"
                )
            )
            hits.append(Hit(Rect(left, top, width, y - top), ("row", si, ri)))
    return items, hits, y + 4


def _product_rows(
    engine: TextEngine,
    screen: Screen,
    c: MultiProduct,
    products: Mapping[str, ProductPreview],
    left: float,
    width: float,
) -> tuple[list[TextItem | ShapeItem], list[Hit], float]:
    t = screen.theme
    items: list[TextItem | ShapeItem] = []
    hits: list[Hit] = []
    y = 0.0
    text_w = width - 3 * _PAD - _THUMB
    for si, section in enumerate(c.sections):
        if section.title:
            item, y = _section_title(engine, screen, section.title, left, width, y)
            items.append(item)
        for pi, rid in enumerate(section.product_retailer_ids):
            p = products.get(rid) or ProductPreview()
            top = y
            thumb = Rect(left + _PAD, top + 8, _THUMB, _THUMB)
            items.append(ShapeItem("image", thumb, t.media_placeholder, 4, p.image, ("product",)))
            name = p.name or rid
            np_ = engine.paragraph(t, "body", name or " ", text_w, max_lines=2)
            tx = thumb.right + _PAD
            items.append(
                TextItem(
                    Rect(tx, top + 10, text_w, np_.height),
                    "product_title",
                    name,
                    t.text_primary,
                    np_,
                    ((name, frozenset()),),
                )
            )
            sub = p.price or rid
            sp = engine.paragraph(t, "small", sub or " ", text_w, max_lines=1)
            items.append(
                TextItem(
                    Rect(tx, top + 10 + np_.height, text_w, sp.height),
                    "product_price",
                    sub,
                    t.text_secondary,
                    sp,
                )
            )
            y = max(top + 10 + np_.height + sp.height + 10, thumb.bottom + 8)
            items.append(
                ShapeItem(
                    "rect", Rect(tx, y - 1, width - (tx - left), 1), t.divider, 0, "row_divider"
                )
            )
            hits.append(Hit(Rect(left, top, width, y - top), ("product", si, pi)))
    return items, hits, y + 4
