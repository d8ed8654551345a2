"""A multi-product message: a summary card, "View items", and the item sheet it opens."""

from __future__ import annotations

from composer.messages import Message, MessageKind, MultiProduct, TextHeader
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, SheetLayout, content_of, no_webhook
from ui.preview.layout import Hit, Item, ProductPreview, Rect, ShapeItem, TextItem
from ui.preview.sheet_parts import PAD, Rows, SheetPlace, section_title
from ui.preview.taps import NoWebhook

VIEW_ITEMS = "View items"  # drawn by WhatsApp itself (localised on real phones)
_THUMB = 48.0


def _title(c: MultiProduct) -> str:
    return c.header.text if isinstance(c.header, TextHeader) else ""


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, MultiProduct)
    parts = chat.start(msg)
    ids = [rid for s in c.sections for rid in s.product_retailer_ids]
    first = chat.product(ids[0]) if ids else ProductPreview()
    count = f"{len(ids)} item" + ("" if len(ids) == 1 else "s")
    chat.thumb_card(parts, "products_card", first.image, _title(c), count, "header")
    chat.texts(parts, c)
    parts.action_row(VIEW_ITEMS, "", ("open_products",))
    chat.emit(parts, outgoing=False)


def _sheet_title(msg: Message) -> str:
    return _title(content_of(msg, MultiProduct)) or "Items"


def _rows(place: SheetPlace) -> Rows:
    c = content_of(place.msg, MultiProduct)
    items: list[Item] = []
    hits: list[Hit] = []
    y = 0.0
    for si, section in enumerate(c.sections):
        if section.title:
            item, y = section_title(place, section.title, y)
            items.append(item)
        for pi, rid in enumerate(section.product_retailer_ids):
            top = y
            y = _product_row(place, rid, y, items)
            hits.append(Hit(Rect(place.left, top, place.width, y - top), ("product", si, pi)))
    return items, hits, y + 4


def _product_row(place: SheetPlace, rid: str, top: float, items: list[Item]) -> float:
    """One item: thumbnail, name (the SKU when the catalog lacks it) and price; returns the y
    below its divider."""
    t = place.screen.theme
    e, left, width = place.engine, place.left, place.width
    text_w = width - 3 * PAD - _THUMB
    p = place.products.get(rid) or ProductPreview()
    thumb = Rect(left + PAD, top + 8, _THUMB, _THUMB)
    items.append(ShapeItem("image", thumb, t.media_placeholder, 4, p.image, ("product",)))
    name = p.name or rid
    np_ = e.paragraph(t, "body", name or " ", text_w, max_lines=2)
    tx = thumb.right + PAD
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
    sub_h = 0.0
    if p.price:  # a product the catalog does not know shows its SKU once, as its name
        sp = e.paragraph(t, "small", p.price, text_w, max_lines=1)
        items.append(
            TextItem(
                Rect(tx, top + 10 + np_.height, text_w, sp.height),
                "product_price",
                p.price,
                t.text_secondary,
                sp,
            )
        )
        sub_h = sp.height
    y = max(top + 10 + np_.height + sub_h + 10, thumb.bottom + 8)
    items.append(
        ShapeItem("rect", Rect(tx, y - 1, width - (tx - left), 1), t.divider, 0, "row_divider")
    )
    return y


LAYOUT = PreviewLayout(
    MessageKind.PRODUCT_LIST,
    _bubble,
    sheet=SheetLayout("products", _sheet_title, _rows, foot_h=16.0),
    taps={"product": no_webhook(NoWebhook.OPENS_PRODUCT)},
)
