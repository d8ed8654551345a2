"""A carousel: the intro bubble, then its cards side by side (media cards or product cards)."""

from __future__ import annotations

from composer.messages import Carousel, MediaCard, MediaHeader, Message, MessageKind, ProductCard
from ui.preview.bubble import BubbleParts
from ui.preview.chat_base import ChatBase, media_key
from ui.preview.kinds.base import PreviewLayout, content_of, no_webhook
from ui.preview.kinds.single_product import VIEW_PRODUCT
from ui.preview.layout import ShapeItem
from ui.preview.taps import NoWebhook


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, Carousel)
    parts = chat.start(msg)
    chat.header(parts, c.header)
    chat.texts(parts, c)
    chat.emit(parts, outgoing=False)
    _cards(chat, c)


def _cards(chat: ChatBase, c: Carousel) -> None:
    t = chat.t
    card_w = min(t.screen_w * 0.7, 260.0)
    x = chat.left
    top = chat.y + 4
    bottom = top
    for card in c.cards:
        parts = BubbleParts(chat.e, t, card_w)
        if isinstance(card, MediaCard):
            _media_card(chat, parts, card)
        elif isinstance(card, ProductCard):
            chat.product_top(parts, card.product_retailer_id, card.product_retailer_id)
            parts.action_row(VIEW_PRODUCT, "", ("view_product",))
        parts.full = True
        rect, items, hits = parts.place(x, top)
        chat.s.chat.append(ShapeItem("bubble", rect, t.bubble_in, t.bubble_radius, "card"))
        chat.s.chat.extend(items)
        chat.s.chat_hits.extend(hits)
        bottom = max(bottom, rect.bottom)
        x = rect.right + 8
    chat.y = bottom + t.bubble_gap


def _media_card(chat: ChatBase, parts: BubbleParts, card: MediaCard) -> None:
    header = card.header if isinstance(card.header, MediaHeader) else None
    key = media_key(header) if header is not None else ""
    chat.image(parts, key, header.kind if header is not None else "image", 0.56)
    if card.body:
        parts.body(card.body, "card_body")
    if card.url_button is not None:
        b = card.url_button
        parts.action_row(b.display_text, "link", ("cta_url", b.url), tooltip=b.url)
    for qr in card.quick_replies or ():
        parts.action_row(qr.title, "reply", ("carousel_reply", card.card_index, qr.id))


LAYOUT = PreviewLayout(
    MessageKind.CAROUSEL,
    _bubble,
    taps={
        "cta_url": no_webhook(NoWebhook.OPENS_LINK),
        "view_product": no_webhook(NoWebhook.OPENS_PRODUCT),
        "carousel_reply": no_webhook(NoWebhook.CAROUSEL_REPLY_NOT_SIMULATED),
    },
)
