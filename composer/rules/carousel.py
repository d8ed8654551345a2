"""Carousel rules: 2-10 cards with unique indexes 0-9, all of one type; media cards share one
header type and one button shape (a URL button, or the same number of quick replies); card
bodies are short (160 characters, 2 line breaks); product cards share one catalog."""

from __future__ import annotations

from composer import limits
from composer.messages import Carousel, MediaCard, MediaHeader, ProductCard
from composer.rules.actions import check_action_name, check_url_button
from composer.rules.base import Out
from composer.rules.parts import check_media

__all__ = ["check_carousel"]

_CARDS = "interactive.action.cards"
_CARD_HEADERS = ("image", "video")


def check_carousel(content: Carousel, out: Out) -> None:
    cards = content.cards
    out.count(len(cards), limits.CAROUSEL_CARDS, _CARDS, "The carousel")
    seen: dict[int, int] = {}
    index_limit = limits.CAROUSEL_CARD_INDEX
    for i, card in enumerate(cards):
        path = f"{_CARDS}[{i}].card_index"
        n = card.card_index
        if not index_limit.minimum <= n <= index_limit.maximum:
            out.error(
                index_limit.rule,
                path,
                f"Card {i + 1} has card_index {n}; it must be {index_limit.minimum} to "
                f"{index_limit.maximum}.",
            )
        first = seen.setdefault(n, i)
        if first != i:
            out.error(
                "carousel.card_index_unique",
                path,
                f"Card {i + 1} repeats card_index {n} of card {first + 1}; indexes must be unique.",
            )
    media = [(i, c) for i, c in enumerate(cards) if isinstance(c, MediaCard)]
    products = [(i, c) for i, c in enumerate(cards) if isinstance(c, ProductCard)]
    if media and products:
        for i, _ in products if len(products) < len(media) else media:
            out.error(
                "carousel.card_type_mixed",
                f"{_CARDS}[{i}].type",
                "All cards of a carousel must be of one type (all media cards or all products).",
            )
    _check_media_cards(media, out)
    _check_product_cards(products, out)


def _check_media_cards(cards: list[tuple[int, MediaCard]], out: Out) -> None:
    header_kind: str | None = None
    shape: tuple[str, int] | None = None
    for i, card in cards:
        path = f"{_CARDS}[{i}]"
        if card.type is not None and card.type != "cta_url":
            out.error(
                "carousel.card_type",
                path + ".type",
                f'Card {i + 1} has type "{card.type[:20]}"; media cards use "cta_url".',
            )
        kind = _check_card_header(card, i, path, out)
        if kind is not None:
            if header_kind is None:
                header_kind = kind
            elif kind != header_kind:
                out.error(
                    "carousel.header_type_mixed",
                    path + ".header.type",
                    f"Card {i + 1} has a {kind} header but the first card has {header_kind}; "
                    "all cards must use the same header type.",
                )
        if card.body is not None:
            out.length(card.body, limits.CAROUSEL_CARD_BODY, path + ".body.text", "Card body")
            breaks = card.body.count("\n")
            if breaks > limits.CAROUSEL_CARD_BODY_LINE_BREAKS.maximum:
                out.count(
                    breaks,
                    limits.CAROUSEL_CARD_BODY_LINE_BREAKS,
                    path + ".body.text",
                    f"Card {i + 1}'s body",
                )
        this = _check_card_action(card, i, path + ".action", out)
        if this is not None:
            if shape is None:
                shape = this
            elif this != shape:
                out.error(
                    "carousel.button_shape_mixed",
                    path + ".action",
                    f"Card {i + 1} has {_describe(this)} but the first card has "
                    f"{_describe(shape)}; every card needs the same buttons.",
                )


def _describe(shape: tuple[str, int]) -> str:
    if shape[0] == "url":
        return "a URL button"
    return f"{shape[1]} quick-reply button{'s' if shape[1] != 1 else ''}"


def _check_card_header(card: MediaCard, i: int, path: str, out: Out) -> str | None:
    header = card.header
    if header is None:
        out.error(
            "carousel.header_required",
            path + ".header",
            f"Card {i + 1} needs an image or video header.",
        )
        return None
    if not isinstance(header, MediaHeader) or header.kind not in _CARD_HEADERS:
        kind = header.kind if isinstance(header, MediaHeader) else "text"
        out.error(
            "carousel.header_type",
            path + ".header.type",
            f"Card {i + 1} has a {kind} header; carousel cards take an image or a video.",
        )
        return None
    check_media(header, path + ".header", out)
    return header.kind


def _check_card_action(card: MediaCard, i: int, path: str, out: Out) -> tuple[str, int] | None:
    button, quick = card.url_button, card.quick_replies
    if (button is None) == (quick is None):
        which = "both a URL button and quick replies" if button else "no button"
        out.error(
            "carousel.card_action",
            path,
            f"Card {i + 1} has {which}; give it one URL button or quick-reply buttons.",
        )
        return None
    if button is not None:
        check_action_name(button.action_name, "cta_url", "cta_url.action_name", path, out)
        check_url_button(button.display_text, button.url, path, out)
        return ("url", 1)
    assert quick is not None
    out.count(len(quick), limits.CAROUSEL_QUICK_REPLIES, path + ".buttons", f"Card {i + 1}")
    for q, reply in enumerate(quick):
        qpath = f"{path}.buttons[{q}]"
        if reply.type != "quick_reply":
            out.error(
                "carousel.quick_reply_type",
                qpath + ".type",
                f'Button {q + 1} of card {i + 1} has type "{reply.type[:20]}"; '
                'it must be "quick_reply".',
            )
        out.length(reply.id, limits.CAROUSEL_QUICK_REPLY_ID, qpath + ".quick_reply.id")
        out.length(reply.title, limits.CAROUSEL_QUICK_REPLY_TITLE, qpath + ".quick_reply.title")
    return ("quick_reply", len(quick))


def _check_product_cards(cards: list[tuple[int, ProductCard]], out: Out) -> None:
    catalog: str | None = None
    for i, card in cards:
        apath = f"{_CARDS}[{i}].action"
        for field in ("catalog_id", "product_retailer_id"):
            if not getattr(card, field).strip():
                out.error(
                    "carousel.product_fields",
                    f"{apath}.{field}",
                    f"Product card {i + 1} needs {field}; it is missing or empty.",
                )
        if not card.catalog_id:
            continue
        if catalog is None:
            catalog = card.catalog_id
        elif card.catalog_id != catalog:
            out.error(
                "carousel.same_catalog",
                apath + ".catalog_id",
                f"Card {i + 1} uses catalog {card.catalog_id[:30]} but the first card uses "
                f"{catalog[:30]}; all product cards must come from one catalog.",
            )
