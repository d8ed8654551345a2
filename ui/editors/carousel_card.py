"""One carousel card in the editor: a media card (image or video header, short body, a URL button
or quick replies) or a product card (catalog id and product SKU).

A card holds both forms and shows the one of its kind, so switching the carousel between media and
product cards keeps what was typed. Which buttons a media card shows is its ``shape``: the
carousel editor sets it on every card at once; a loaded card keeps its own (mixed shapes are the
core's rule to report, not the editor's to hide).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from composer import limits
from composer.messages import (
    CardUrlButton,
    CarouselCard,
    MediaCard,
    ProductCard,
    QuickReply,
)
from ui.editors.base import opt
from ui.editors.fields import CountBadge, Markable, TextField
from ui.editors.parts import HeaderEditor
from ui.editors.repeater import Item, Repeater

CardKind = Literal["media", "product"]
Shape = frozenset[str]  # of "url" and "quick_reply": one of them on a valid card
URL: Shape = frozenset({"url"})
QUICK: Shape = frozenset({"quick_reply"})
CARD_HEADERS = ("image", "video")


def _column(widget: QWidget, *children: QWidget, spacing: int = 4) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for child in children:
        layout.addWidget(child)
    return layout


class QuickReplyItem(Item):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TextField("Title", limits.CAROUSEL_QUICK_REPLY_TITLE, placeholder="Buy now")
        self.id = TextField("Id", limits.CAROUSEL_QUICK_REPLY_ID, placeholder="buy_echeveria")
        _column(self, self.title, self.id)
        for f in (self.title, self.id):
            f.changed.connect(self.changed)
        self.type = "quick_reply"

    def first_input(self) -> QWidget:
        return self.title.editor

    def reply(self) -> QuickReply:
        return QuickReply(id=self.id.text(), title=self.title.text(), type=self.type)

    def load(self, reply: QuickReply) -> None:
        self.title.set_text(reply.title)
        self.id.set_text(reply.id)
        self.type = reply.type


class MediaFields(QWidget):
    """The media card's form: header, body with its two counters, URL button, quick replies."""

    def __init__(self) -> None:
        super().__init__()
        self.header = HeaderEditor(CARD_HEADERS)
        # A card is narrower than the form: let the link have the room, not the source's name.
        source = self.header.media.source
        source.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        source.setMinimumContentsLength(13)
        self.body = TextField(
            "Card body", limits.CAROUSEL_CARD_BODY, multiline=True, lines=3,
            placeholder="Optional: at most 160 characters and 2 line breaks",
        )  # fmt: skip
        self.breaks = CountBadge(limits.CAROUSEL_CARD_BODY_LINE_BREAKS)
        self.label = TextField("Button label", limits.CTA_DISPLAY_TEXT, placeholder="Buy now")
        self.url = TextField("Button URL", None, placeholder="https://shop.example.com/p/1")
        self.replies: Repeater[QuickReplyItem] = Repeater(
            "quick reply", QuickReplyItem, limits.CAROUSEL_QUICK_REPLIES
        )
        self.body.changed.connect(self._count_breaks)
        _column(self, self.header, self.body, self.breaks, self.label, self.url, self.replies)
        self.action_name = "cta_url"
        self.type: str | None = "cta_url"
        self.shape: Shape = URL
        self._count_breaks()

    def _count_breaks(self) -> None:
        self.breaks.set_count(self.body.text().count("\n"))

    def set_shape(self, shape: Shape) -> None:
        self.shape = shape
        self.label.setVisible("url" in shape)
        self.url.setVisible("url" in shape)
        self.replies.setVisible("quick_reply" in shape)

    def card(self, index: int) -> MediaCard:
        return MediaCard(
            card_index=index,
            header=self.header.header(),
            body=opt(self.body.text()),
            url_button=CardUrlButton(
                display_text=self.label.text(), url=self.url.text(), action_name=self.action_name
            )
            if "url" in self.shape
            else None,
            quick_replies=tuple(r.reply() for r in self.replies.items())
            if "quick_reply" in self.shape
            else None,
            type=self.type,
        )

    def load(self, card: MediaCard) -> None:
        self.header.load(card.header)
        self.body.set_text(card.body or "")
        self._count_breaks()
        button = card.url_button
        self.label.set_text(button.display_text if button else "")
        self.url.set_text(button.url if button else "")
        self.action_name = button.action_name if button else "cta_url"
        replies = card.quick_replies or ()
        for item, reply in zip(self.replies.set_count(len(replies)), replies, strict=True):
            item.load(reply)
        self.type = card.type
        none: Shape = frozenset()
        self.set_shape(
            (URL if button else none) | (QUICK if card.quick_replies is not None else none)
        )

    def fields(self, p: str) -> dict[str, Markable]:
        """Issue paths of card ``p`` (``interactive.action.cards[i]``) -> this form's widgets."""
        a = p + ".action"
        kind = self.header.kind.value()
        out: dict[str, Markable] = {
            p: self.header.kind,
            p + ".header": self.header,
            p + ".header.type": self.header.kind,
            f"{p}.header.{kind}": self.header.media,
            p + ".body": self.body,
            p + ".body.text": self.body,
            a: self.replies if "quick_reply" in self.shape else self.label,
            a + ".name": self.label,
            a + ".parameters": self.label,
            a + ".parameters.display_text": self.label,
            a + ".parameters.url": self.url,
            a + ".buttons": self.replies,
        }
        for q, item in enumerate(self.replies.items()):
            b = f"{a}.buttons[{q}]"
            out.update({b: item.title, b + ".type": item.title, b + ".quick_reply": item.title})
            out.update({b + ".quick_reply.title": item.title, b + ".quick_reply.id": item.id})
        return out


class ProductFields(QWidget):
    """The product card's form: which catalog, which product."""

    def __init__(self) -> None:
        super().__init__()
        self.catalog_id = TextField("Catalog id", None, placeholder="194836987003835")
        self.product = TextField("Product SKU", None, placeholder="JKT-RAIN-M-NAVY")
        _column(self, self.catalog_id, self.product)

    def card(self, index: int) -> ProductCard:
        return ProductCard(
            card_index=index,
            catalog_id=self.catalog_id.text(),
            product_retailer_id=self.product.text(),
        )

    def load(self, card: ProductCard) -> None:
        self.catalog_id.set_text(card.catalog_id)
        self.product.set_text(card.product_retailer_id)

    def fields(self, p: str) -> dict[str, Markable]:
        a = p + ".action"
        return {
            p: self.catalog_id,
            a: self.catalog_id,
            a + ".catalog_id": self.catalog_id,
            a + ".product_retailer_id": self.product,
        }


class CardItem(Item):
    """One card of the repeater, media or product; ``card_index`` None means "its position"."""

    def __init__(self, kind: CardKind = "media", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.media = MediaFields()
        self.product = ProductFields()
        _column(self, self.media, self.product)
        for f in (self.media.header, self.media.body, self.media.label, self.media.url):
            f.changed.connect(self.changed)
        self.media.replies.changed.connect(self.changed)
        for f in (self.product.catalog_id, self.product.product):
            f.changed.connect(self.changed)
        self.card_index: int | None = None
        self.kind: CardKind = kind
        self.set_kind(kind)

    def set_kind(self, kind: CardKind) -> None:
        self.kind = kind
        self.media.setVisible(kind == "media")
        self.product.setVisible(kind == "product")

    def first_input(self) -> QWidget:
        if self.kind == "product":
            return self.product.catalog_id.editor
        return self.media.header.kind.combo

    def card(self, position: int) -> CarouselCard:
        index = position if self.card_index is None else self.card_index
        return self.product.card(index) if self.kind == "product" else self.media.card(index)

    def load(self, card: CarouselCard) -> None:
        self.card_index = card.card_index
        if isinstance(card, ProductCard):
            self.product.load(card)
            self.set_kind("product")
        else:
            self.media.load(card)
            self.set_kind("media")

    def fields(self, p: str) -> dict[str, Markable]:
        return self.product.fields(p) if self.kind == "product" else self.media.fields(p)

    def header_kind(self) -> Literal["image", "video"]:
        return "video" if self.media.header.kind.value() == "video" else "image"
