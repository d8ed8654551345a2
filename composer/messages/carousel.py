"""Carousel (``interactive.type: carousel``): 2-10 horizontally scrolled cards.

Media cards (``type: cta_url``) have an image/video header, an optional short body and either one
URL button or quick-reply buttons; product cards (``type: product``) show one catalog item.
"""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Header, Interactive, MessageKind, Model


class CardUrlButton(Model, frozen=True, kw_only=True):
    """A card's ``action: {"name": "cta_url", "parameters": {display_text, url}}``."""

    display_text: str = ""
    url: str = ""
    action_name: str = "cta_url"


class QuickReply(Model, frozen=True, kw_only=True):
    """``{"type": "quick_reply", "quick_reply": {"id", "title"}}``."""

    id: str
    title: str
    type: str = "quick_reply"


class MediaCard(Model, frozen=True, kw_only=True):
    """A media card; ``url_button`` and ``quick_replies`` are exclusive (checked, not enforced)."""

    card_index: int
    header: Header | None = None
    body: str | None = None
    url_button: CardUrlButton | None = None
    quick_replies: tuple[QuickReply, ...] | None = None
    # Meta's samples send "cta_url" on every media card; some BSPs omit it on quick-reply
    # cards, so an absent type (None) is accepted and left out of the payload.
    type: str | None = "cta_url"


class ProductCard(Model, frozen=True, kw_only=True):
    card_index: int
    catalog_id: str = ""
    product_retailer_id: str = ""

    type: ClassVar[str] = "product"


CarouselCard = MediaCard | ProductCard


class Carousel(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.CAROUSEL

    cards: tuple[CarouselCard, ...] = ()
