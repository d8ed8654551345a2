"""Carousel (``interactive.type: carousel``): 2-10 media cards (header, body, URL button or
quick replies) or product cards, scrolled sideways."""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, index, join
from composer.codec.parts import header_payload, named_action, read_header, read_text_object
from composer.kinds.kind_spec import Fields, JsonObject, KindSpec, interactive_sample
from composer.messages import (
    CardUrlButton,
    Carousel,
    MediaCard,
    MessageKind,
    ProductCard,
    QuickReply,
)
from composer.rules.carousel import check_carousel
from composer.rules.parts import NO_HEADER, PartsPolicy


def read(r: Reader, a: JsonObject, path: str) -> Fields:
    r.known(a, path, ("cards",), "a carousel action")
    cpath = join(path, "cards")
    cards: list[MediaCard | ProductCard] = []
    for i, item in enumerate(r.array(a, "cards", cpath, "The cards") or ()):
        card = _card(r, item, index(cpath, i))
        if card is not None:
            cards.append(card)
    return {"cards": tuple(cards)}


def _card(r: Reader, item: object, path: str) -> MediaCard | ProductCard | None:
    c = r.obj(item, path, "A card")
    if c is None:
        return None
    ctype = r.opt_text(c, "type", join(path, "type"), "Card type")
    ipath = join(path, "card_index")
    card_index = r.integer(c, "card_index", ipath, "card_index", "carousel.card_index")
    apath = join(path, "action")
    action = r.obj(c.get("action", {}), apath, "The card's action")
    if ctype == "product":
        r.known(c, path, ("card_index", "type", "action"), "a product card")
        if action is None or card_index is None:
            return None
        r.known(action, apath, ("product_retailer_id", "catalog_id"), "a product card's action")
        return ProductCard(
            card_index=card_index,
            catalog_id=r.text(action, "catalog_id", join(apath, "catalog_id"), "Catalog id"),
            product_retailer_id=r.text(
                action, "product_retailer_id", join(apath, "product_retailer_id"), "Product id"
            ),
        )
    r.known(c, path, ("card_index", "type", "header", "body", "action"), "a media card")
    header = read_header(r, c["header"], join(path, "header")) if "header" in c else None
    body = read_text_object(r, c["body"], join(path, "body"), "Card body") if "body" in c else None
    if action is None or card_index is None:
        return None
    r.known(action, apath, ("name", "parameters", "buttons"), "a card's action")
    url_button = None
    if "name" in action or "parameters" in action:
        url_button = _url_button(r, action, apath)
    quick = None
    items = r.array(action, "buttons", join(apath, "buttons"), "The card's buttons")
    if items is not None:
        quick = tuple(_quick_replies(r, items, join(apath, "buttons")))
    return MediaCard(
        card_index=card_index,
        header=header,
        body=body,
        url_button=url_button,
        quick_replies=quick,
        type=ctype,
    )


def _url_button(r: Reader, action: JsonObject, path: str) -> CardUrlButton:
    ppath = join(path, "parameters")
    p = r.obj(action.get("parameters", {}), ppath, "The parameters") or {}
    r.known(p, ppath, ("display_text", "url"), "the parameters")
    return CardUrlButton(
        action_name=r.text(action, "name", join(path, "name"), "Action name"),
        display_text=r.text(p, "display_text", join(ppath, "display_text"), "Button label"),
        url=r.text(p, "url", join(ppath, "url"), "Button URL"),
    )


def _quick_replies(r: Reader, items: list[Any], path: str) -> list[QuickReply]:
    out = []
    for i, item in enumerate(items):
        ipath = index(path, i)
        b = r.obj(item, ipath, "A quick-reply button")
        if b is None:
            continue
        r.known(b, ipath, ("type", "quick_reply"), "a quick-reply button")
        qpath = join(ipath, "quick_reply")
        q = r.obj(b.get("quick_reply", {}), qpath, "The quick_reply object")
        if q is None:
            continue
        r.known(q, qpath, ("id", "title"), "a quick reply")
        out.append(
            QuickReply(
                id=r.text(q, "id", join(qpath, "id"), "Quick-reply id"),
                title=r.text(q, "title", join(qpath, "title"), "Quick-reply title"),
                type=r.text(b, "type", join(ipath, "type"), "Button type"),
            )
        )
    return out


def write(content: Carousel) -> dict[str, Any]:
    return {"cards": [_write_card(c) for c in content.cards]}


def _write_card(card: MediaCard | ProductCard) -> dict[str, Any]:
    if isinstance(card, ProductCard):
        return {
            "card_index": card.card_index,
            "type": "product",
            "action": {
                "product_retailer_id": card.product_retailer_id,
                "catalog_id": card.catalog_id,
            },
        }
    out: dict[str, Any] = {"card_index": card.card_index}
    if card.type is not None:
        out["type"] = card.type
    if card.header is not None:
        out["header"] = header_payload(card.header)
    if card.body is not None:
        out["body"] = {"text": card.body}
    action: dict[str, Any] = {}
    if card.url_button is not None:
        b = card.url_button
        action = named_action(b.action_name, {"display_text": b.display_text, "url": b.url})
    if card.quick_replies is not None:
        action["buttons"] = [
            {"type": q.type, "quick_reply": {"id": q.id, "title": q.title}}
            for q in card.quick_replies
        ]
    out["action"] = action
    return out


def _sample_card(i: int, slug: str, name: str, line: str) -> dict[str, Any]:
    """One media card of the sample: an image, two lines of text, two quick replies."""
    return {
        "card_index": i,
        "type": "cta_url",
        "header": {"type": "image", "image": {"link": f"https://cdn.example.com/plants/{slug}.jpg"}},
        "body": {"text": f"*{name}*\n{line}"},
        "action": {"buttons": [
            {"type": "quick_reply", "quick_reply": {"id": f"more_{slug}", "title": "Tell me more"}},
            {"type": "quick_reply", "quick_reply": {"id": f"buy_{slug}", "title": "Buy now"}},
        ]},
    }  # fmt: skip


SAMPLE = interactive_sample({
    "type": "carousel",
    "body": {"text": "Three of our latest arrivals, each under EUR 25. Swipe to see them all:"},
    "action": {"cards": [
        _sample_card(0, "blue-echeveria", "Blue Echeveria", "Powdery blue rosette, 10 cm pot."),
        _sample_card(1, "zebra-haworthia", "Zebra Haworthia", "White-striped, happy in shade."),
        _sample_card(2, "panda-plant", "Panda Plant", "Fuzzy silver leaves, easy care."),
    ]},
})  # fmt: skip

SPEC = KindSpec(
    kind=MessageKind.CAROUSEL,
    model=Carousel,
    read=read,
    write=write,
    check=check_carousel,
    parts=PartsPolicy("carousels", NO_HEADER, footer=False),
    limits=(
        limits.CAROUSEL_CARDS,
        limits.CAROUSEL_CARD_BODY,
        limits.CAROUSEL_CARD_BODY_LINE_BREAKS,
        limits.CAROUSEL_QUICK_REPLY_ID,
        limits.CAROUSEL_QUICK_REPLY_TITLE,
        limits.CAROUSEL_QUICK_REPLIES,
        limits.CAROUSEL_CARD_INDEX,
        limits.CTA_DISPLAY_TEXT,
    ),
    sample=SAMPLE,
    replies=("carousel_reply_webhook",),
)
