"""A repeated group of fields (buttons, sections, rows, products) with add, remove and reorder.

The repeater knows its maximum from ``composer.limits`` only to disable "Add" (with a tooltip saying
why); an editor can also block adding for a limit that spans several repeaters (rows in total).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.limits import Limit
from ui import look
from ui.editors.base import Editor
from ui.editors.fields import CountBadge, Markable
from ui.editors.glyph_button import CROSS, DOWN, UP, GlyphButton
from ui.restyle import set_tool_tip

if TYPE_CHECKING:
    from composer.validation.check import Issue


class Item(QWidget):
    """Base of one repeated entry: emits ``changed`` whenever one of its fields is edited."""

    changed = Signal()

    def first_input(self) -> QWidget | None:
        return None


T = TypeVar("T", bound=Item)


def _inside_card(widget: QWidget) -> bool:
    """Whether a card is among ``widget``'s parents, looked for up to its kind's editor: above
    it are widgets Qt made (the scroll area's viewport), and naming one in Python makes PySide
    find its type by loading QtWidgets' classes: 66 enums, QFileDialog's among them, 14-22 ms
    of the editor's start."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, Editor):
        if isinstance(parent, Card):
            return True
        parent = parent.parentWidget()
    return False


class Card(QFrame):
    """The frame around one item: a caption with move up / move down / remove buttons."""

    def __init__(self, item: Item, noun: str) -> None:
        super().__init__()
        look.name(self, "itemCard")
        self.item = item
        self.caption = QLabel()
        look.name(self.caption, "itemCaption")
        self.up = GlyphButton(UP, f"Move this {noun} up")
        self.down = GlyphButton(DOWN, f"Move this {noun} down")
        self.remove = GlyphButton(CROSS, f"Remove this {noun}")
        look.name(self.up, "moveItem")
        look.name(self.down, "moveItem")
        look.name(self.remove, "removeItem")
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.setSpacing(2)
        head.addWidget(self.caption, 1)
        for b in (self.up, self.down, self.remove):
            head.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(item)
        self._nested: bool | None = None  # inside another card: known once on screen

    def showEvent(self, event: QShowEvent) -> None:
        """A card inside another card (a section's rows) is the paler surface, as are its rows
        (they take the card's palette)."""
        nested = _inside_card(self)
        if nested != self._nested:
            self._nested = nested
            palette = self.palette()
            palette.setColor(
                QPalette.ColorRole.Window, look.colour("surface_alt" if nested else "surface")
            )
            self.setPalette(palette)
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        look.paint_card(self, self.palette().window().color())


class Repeater(Markable, Generic[T]):
    """A list of ``T`` items with an aggregate counter (``Buttons 2/3``) and an Add button."""

    def __init__(
        self,
        noun: str,
        factory: Callable[[], T],
        limit: Limit,
        parent: QWidget | None = None,
        *,
        show_badge: bool = True,
    ) -> None:
        super().__init__(parent)
        self._noun = noun
        self._factory = factory
        self.limit = limit
        self._cards: list[Card] = []
        self._external_block: str | None = None
        self.badge = CountBadge(limit)
        if not show_badge:  # setVisible(True) would polish it now, and each count re-polish it
            self.badge.hide()
        self._body = QVBoxLayout()
        self._body.setContentsMargins(0, 0, 0, 0)
        self._body.setSpacing(6)
        self.add_button = QPushButton(f"Add {noun}")
        look.name(self.add_button, "addButton")
        self.add_button.setAccessibleName(f"Add {noun}")
        self.add_button.clicked.connect(self.add_item)
        foot = QHBoxLayout()
        foot.setContentsMargins(0, 0, 0, 0)
        foot.addWidget(self.add_button)
        foot.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.badge)
        layout.addLayout(self._body)
        layout.addLayout(foot)
        self._refresh()

    # --- reading -----------------------------------------------------------------------------
    def items(self) -> list[T]:
        return [card.item for card in self._cards]  # type: ignore[misc]

    def count(self) -> int:
        return len(self._cards)

    def cards(self) -> list[Card]:
        """The item frames in order, with their move and remove buttons."""
        return list(self._cards)

    # --- loading (no signals) -------------------------------------------------------------------
    def set_count(self, n: int) -> list[T]:
        """Grow or shrink to ``n`` items without emitting ``changed``; returns the items."""
        while len(self._cards) > n:
            self._drop(self._cards[-1])
        while len(self._cards) < n:
            self._append(self._factory())
        self._refresh()
        return self.items()

    # --- user actions ---------------------------------------------------------------------------
    def add_item(self) -> T | None:
        if not self.add_button.isEnabled():
            return None
        item = self._factory()
        self._append(item)
        self._refresh()
        first = item.first_input()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return item

    def remove_item(self, index: int) -> None:
        self._drop(self._cards[index])
        self._refresh()
        self.changed.emit()

    def move_item(self, index: int, delta: int) -> None:
        target = index + delta
        if not (0 <= index < len(self._cards) and 0 <= target < len(self._cards)):
            return
        card = self._cards.pop(index)
        self._cards.insert(target, card)
        self._body.removeWidget(card)
        self._body.insertWidget(target, card)
        self._refresh()
        (card.up if delta < 0 and card.up.isEnabled() else card.down).setFocus()
        self.changed.emit()

    def block_adding(self, reason: str | None) -> None:
        """Disable "Add" for a limit the repeater cannot see (e.g. rows across sections)."""
        if reason != self._external_block:
            self._external_block = reason
            self._refresh()

    # --- issues -------------------------------------------------------------------------------
    def show_issues(self, issues: Sequence[Issue]) -> None:
        self.badge.show_issues(issues)

    def focus_field(self) -> None:
        target: QWidget = self.add_button
        if self._cards:
            first = self._cards[0].item.first_input()
            target = first if first is not None else target
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- internals ----------------------------------------------------------------------------
    def _append(self, item: T) -> None:
        card = Card(item, self._noun)
        card.up.clicked.connect(lambda: self.move_item(self._cards.index(card), -1))
        card.down.clicked.connect(lambda: self.move_item(self._cards.index(card), 1))
        card.remove.clicked.connect(lambda: self.remove_item(self._cards.index(card)))
        item.changed.connect(self.changed)
        self._cards.append(card)
        self._body.addWidget(card)

    def _drop(self, card: Card) -> None:
        self._cards.remove(card)
        self._body.removeWidget(card)
        card.hide()
        card.deleteLater()

    def _refresh(self) -> None:
        n = len(self._cards)
        for i, card in enumerate(self._cards):
            card.caption.setText(f"{self._noun.capitalize()} {i + 1}")
            card.up.setEnabled(i > 0)
            card.down.setEnabled(i < n - 1)
        self.badge.set_count(n)
        if n >= self.limit.maximum:
            reason: str | None = (
                f"WhatsApp allows at most {self.limit.maximum} {self.limit.unit} here."
            )
        else:
            reason = self._external_block
        self.add_button.setEnabled(reason is None)
        set_tool_tip(self.add_button, reason or f"Add a {self._noun}")
