"""A carousel: the intro bubble, then its cards side by side (media cards or product cards).

The cards scroll sideways a whole card at a time: ``ChatState.carousel_first`` is the card shown
first (kept while the message is edited), the arrows over the cards and the canvas's drag and
arrow keys (through ``Screen.swipe``) change it. A quick reply sends a ``button_reply`` webhook
with that reply's id and title; a URL button opens the browser and sends nothing.
"""

from __future__ import annotations

import math

from msgspec.structs import replace

from composer.messages import Carousel, MediaCard, MediaHeader, Message, MessageKind, ProductCard
from composer.webhooks.replies import WebhookContext, carousel_reply_webhook
from ui.preview.bubble import BubbleParts
from ui.preview.chat_base import ChatBase, media_key
from ui.preview.kinds.base import PreviewLayout, content_of, no_webhook
from ui.preview.kinds.single_product import VIEW_PRODUCT
from ui.preview.layout import ChatState, Hit, Rect, Reply, ShapeItem, Swipe
from ui.preview.taps import Action, NoWebhook, Tapped

GAP = 8.0
ARROW = 30.0


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, Carousel)
    parts = chat.start(msg)
    chat.header(parts, c.header)
    chat.texts(parts, c)
    chat.emit(parts, outgoing=False)
    if c.cards:
        _cards(chat, c)


def card_width(chat: ChatBase) -> float:
    return min(chat.t.screen_w * 0.7, 260.0)


def _cards(chat: ChatBase, c: Carousel) -> None:
    t = chat.t
    card_w = card_width(chat)
    step = card_w + GAP
    n = len(c.cards)
    # The strip stops when its last card reaches the right margin, as in WhatsApp.
    max_offset = max(0.0, n * step - GAP - (chat.right - chat.left))
    last = min(n - 1, math.ceil(max_offset / step - 1e-6))
    first = max(0, min(chat.state.carousel_first, last))
    x = chat.left - min(first * step, max_offset)
    top = chat.y + 4
    bottom = top
    start = len(chat.s.chat)
    hits: list[Hit] = []
    for i, card in enumerate(c.cards):
        parts = BubbleParts(chat.e, t, card_w)
        if isinstance(card, MediaCard):
            _media_card(chat, parts, card, i)
        elif isinstance(card, ProductCard):
            chat.product_top(parts, card.product_retailer_id, card.product_retailer_id)
            parts.action_row(VIEW_PRODUCT, "", ("view_product",))
        parts.full = True
        rect, items, card_hits = parts.place(x, top)
        chat.s.chat.append(ShapeItem("bubble", rect, t.bubble_in, t.bubble_radius, "card"))
        chat.s.chat.extend(items)
        hits.extend(card_hits)
        bottom = max(bottom, rect.bottom)
        x = rect.right + GAP
    strip = Rect(chat.s.chat_rect.x, top, chat.s.chat_rect.w, bottom - top)
    chat.s.swipe = Swipe(strip, step, first, last, (start, len(chat.s.chat)))
    chat.s.chat_hits.extend(_arrows(chat, strip, first, last))  # over the cards: hit first
    chat.s.chat_hits.extend(hits)
    chat.y = bottom + t.bubble_gap


def _arrows(chat: ChatBase, strip: Rect, first: int, last: int) -> list[Hit]:
    """Round "previous" / "next" buttons at the strip's edges, where there is more to see."""
    t = chat.t
    y = strip.y + min(strip.h, card_width(chat) * 0.56) / 2 - ARROW / 2
    out = []
    for show, x, icon, to, role in (
        (first > 0, chat.left + 2, "back", first - 1, "carousel_prev"),
        (first < last, chat.right - ARROW - 2, "forward", first + 1, "carousel_next"),
    ):
        if not show:
            continue
        rect = Rect(x, y, ARROW, ARROW)
        chat.s.chat.append(ShapeItem("circle", rect, t.bubble_in, ARROW / 2, role))
        icon_rect = Rect(x + 7, y + 7, ARROW - 14, ARROW - 14)
        chat.s.chat.append(ShapeItem("icon", icon_rect, t.text_secondary, 0, icon))
        tip = "Previous card" if to < first else "Next card"
        out.append(Hit(rect, ("carousel_scroll", to), tip))
    return out


def _media_card(chat: ChatBase, parts: BubbleParts, card: MediaCard, i: int) -> None:
    header = card.header if isinstance(card.header, MediaHeader) else None
    key = media_key(header) if header is not None else ""
    chat.image(parts, key, header.kind if header is not None else "image", 0.56)
    if card.body:
        parts.body(card.body, "card_body")
    if card.url_button is not None:
        b = card.url_button
        parts.action_row(b.display_text, "link", ("cta_url", b.url), tooltip=b.url)
    for q, qr in enumerate(card.quick_replies or ()):
        parts.action_row(qr.title, "reply", ("carousel_reply", i, q))


def _tap_reply(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    card, button = action[1], action[2]
    body = carousel_reply_webhook(msg, card, button, context=ctx)
    reply = body["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]["button_reply"]
    return Tapped.sent(body, Reply("text", reply["title"]))


def _tap_scroll(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    n = len(content_of(msg, Carousel).cards)
    first = max(0, min(int(action[1]), n - 1))
    return Tapped.silent(NoWebhook.SCROLLS_CARDS, replace(state, carousel_first=first))


LAYOUT = PreviewLayout(
    MessageKind.CAROUSEL,
    _bubble,
    taps={
        "cta_url": no_webhook(NoWebhook.OPENS_LINK),
        "view_product": no_webhook(NoWebhook.OPENS_PRODUCT),
        "carousel_reply": _tap_reply,
        "carousel_scroll": _tap_scroll,
    },
)
