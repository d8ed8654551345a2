"""Carousel: the message body, then 2-10 cards side by side, all media cards or all products.

Two choices apply to every card at once: media or product cards, and (media cards) one URL button
or quick replies each, since WhatsApp wants every card of one shape. A loaded carousel whose cards
differ keeps them as they are and shows "Mixed" in the choice; the core's rules report the cards
that differ, and picking a choice makes them all alike. ``card_index`` follows the card's place
once cards are added, removed or moved (a loaded message keeps its own until then).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QWidget

from composer import limits
from composer.messages import Carousel, MediaHeader, MessageKind
from ui.editors.base import Editor
from ui.editors.carousel_card import QUICK, URL, CardItem, CardKind
from ui.editors.fields import ChoiceField, Markable, section_title
from ui.editors.parts import PartsEditor
from ui.editors.repeater import Repeater

if TYPE_CHECKING:
    from composer.messages import Content

CARD_KINDS = (("Media: an image or video each", "media"), ("Products from a catalog", "product"))
SHAPES = (("One URL button", "url"), ("Quick replies", "quick_reply"))
MIXED = "mixed"
_MIXED_TEXT = "Mixed: pick one for every card"


def _show_mixed(choice: ChoiceField, mixed: bool, value: str) -> None:
    """Select ``value``, or the extra "Mixed" entry while the cards differ (no signal)."""
    combo = choice.combo
    with QSignalBlocker(combo):
        at = combo.findData(MIXED)
        if mixed and at < 0:
            combo.addItem(_MIXED_TEXT, MIXED)
        elif not mixed and at >= 0:
            combo.removeItem(at)
    choice.set_value(MIXED if mixed else value)


class CarouselEditor(Editor):
    kind = MessageKind.CAROUSEL

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.card_kind = ChoiceField("Cards", CARD_KINDS)
        self.buttons = ChoiceField("Card buttons", SHAPES)
        self.cards: Repeater[CardItem] = Repeater("card", self._new_card, limits.CAROUSEL_CARDS)
        self.add(self.parts, section_title("Cards"), self.card_kind, self.buttons, self.cards)
        self.watch(*self.parts.widgets)
        self.card_kind.changed.connect(self._on_card_kind)
        self.buttons.changed.connect(self._on_shape)
        self.cards.changed.connect(self._on_cards)
        self.cards.set_count(limits.CAROUSEL_CARDS.minimum)
        self._order = self._ids()
        self.finish()

    # --- the choices that apply to every card ---------------------------------------------------
    def _new_card(self) -> CardItem:
        """A card like the last one: its kind, header type, buttons and catalog (empty texts)."""
        kind: CardKind = "product" if self.card_kind.value() == "product" else "media"
        item = CardItem(kind)
        shape = QUICK if self.buttons.value() == "quick_reply" else URL
        replies = 1
        previous = self.cards.items()[-1:]  # the factory runs once the repeater exists
        for last in previous:
            item.set_kind(last.kind)
            item.media.header.load(MediaHeader(kind=last.header_kind(), link=""))
            shape, replies = last.media.shape, max(1, last.media.replies.count())
            item.product.catalog_id.set_text(last.product.catalog_id.text())
        item.media.replies.set_count(replies)
        item.media.set_shape(shape)
        return item

    def _on_card_kind(self) -> None:
        value = self.card_kind.value()
        if value == MIXED:
            return
        _show_mixed(self.card_kind, False, value)
        for item in self.cards.items():
            item.set_kind("product" if value == "product" else "media")
        self.buttons.setVisible(value == "media")
        if value == "media" and self.buttons.value() != MIXED:
            self._apply_shape(self.buttons.value())
        self._emit()

    def _on_shape(self) -> None:
        value = self.buttons.value()
        if value == MIXED:
            return
        _show_mixed(self.buttons, False, value)
        self._apply_shape(value)
        self._emit()

    def _apply_shape(self, value: str) -> None:
        shape = QUICK if value == "quick_reply" else URL
        for item in self.cards.items():
            if shape == QUICK and item.media.replies.count() == 0:
                item.media.replies.set_count(1)
            item.media.set_shape(shape)

    def _sync_choices(self) -> None:
        """Show the cards' common kind and shape, or "Mixed" where they differ."""
        items = self.cards.items()
        kinds = {item.kind for item in items}
        kind = next(iter(kinds)) if len(kinds) == 1 else "media"
        _show_mixed(self.card_kind, len(kinds) > 1, kind)
        shapes = {item.media.shape for item in items if item.kind == "media"}
        common = next(iter(shapes)) if len(shapes) == 1 else None
        shape = "quick_reply" if common == QUICK else "url"
        _show_mixed(self.buttons, bool(shapes) and common not in (URL, QUICK), shape)
        self.buttons.setVisible("media" in kinds or not kinds)

    # --- cards added, removed, moved or edited ------------------------------------------------
    def _ids(self) -> list[int]:
        return [id(item) for item in self.cards.items()]

    def _on_cards(self) -> None:
        order = self._ids()
        if order != self._order:  # added, removed or moved: indexes follow the places again
            self._order = order
            for item in self.cards.items():
                item.card_index = None
        self._emit()

    # --- the contract -------------------------------------------------------------------------
    def content(self) -> Content:
        return Carousel(
            **self.parts.values(),
            cards=tuple(item.card(i) for i, item in enumerate(self.cards.items())),
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, Carousel)
        self.parts.load(content)
        items = self.cards.set_count(len(content.cards))
        for item, card in zip(items, content.cards, strict=True):
            item.load(card)
        self._order = self._ids()
        self._sync_choices()

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        out["interactive.action"] = self.cards
        out["interactive.action.cards"] = self.cards
        for i, item in enumerate(self.cards.items()):
            p = f"interactive.action.cards[{i}]"
            out.update(item.fields(p))
            out[p + ".type"] = self.card_kind
            if item.kind == "media" and item.media.shape not in (URL, QUICK):
                out[p + ".action"] = self.buttons  # both or neither: pick one for every card
        return out
