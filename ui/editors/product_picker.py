"""Pick a product from the account's catalog by typing its name or its SKU.

Attached to a SKU field: as the user types, a popup lists the catalog's products whose name or
SKU contains every typed word (``Catalog.search``); choosing one puts its SKU in the field.
Typing a SKU by hand still works (a product the catalog does not list stays a plain SKU), and
with no catalog yet the field is an ordinary text field.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

if TYPE_CHECKING:
    from composer.catalog import Catalog, Product
    from ui.editors.fields import TextField

_SKU = Qt.ItemDataRole.UserRole + 1
_SHOWN = 20  # rows in the popup
HINT = "Type a product name or SKU"


def product_line(p: Product) -> str:
    """One popup row: name, price and SKU."""
    price = f" · {p.shown_price}" if p.shown_price else ""
    return f"{p.name or p.retailer_id}{price} · {p.retailer_id}"


class ProductPicker(QObject):
    """The search popup of one SKU field."""

    def __init__(self, field: TextField) -> None:
        super().__init__(field)
        self.field = field
        self.catalog: Catalog | None = None
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.activated[QModelIndex].connect(self._picked)  # type: ignore[index]
        editor = field.editor
        assert isinstance(editor, QLineEdit)
        self.editor = editor
        editor.setCompleter(self.completer)
        editor.textEdited.connect(self._search)

    def set_catalog(self, catalog: Catalog | None) -> None:
        self.catalog = catalog if catalog is not None and len(catalog) else None
        if self.catalog is not None:
            self.editor.setPlaceholderText(HINT)
            self.editor.setToolTip(f"{HINT}; the catalog has {len(self.catalog)} products.")
        self._describe()

    def matches(self, text: str) -> list[Product]:
        """What the popup lists for ``text`` (the first ``_SHOWN``)."""
        if self.catalog is None:
            return []
        return list(self.catalog.search(text)[:_SHOWN])

    def pick(self, retailer_id: str) -> None:
        """Put the SKU in the field as if typed (``changed`` fires)."""
        self.editor.setText(retailer_id)
        self._describe()

    def _search(self, text: str) -> None:
        self.model.clear()
        for product in self.matches(text):
            item = QStandardItem(product_line(product))
            item.setData(product.retailer_id, _SKU)
            self.model.appendRow(item)
        if self.model.rowCount() and self.editor.hasFocus():
            self.completer.complete()
        self._describe()

    def _picked(self, index: QModelIndex | QPersistentModelIndex) -> None:
        sku = index.data(_SKU)
        if isinstance(sku, str):
            self.pick(sku)

    def _describe(self) -> None:
        """The field's status tip: the product the SKU names, or that the catalog lacks it."""
        sku = self.editor.text().strip()
        found = self.catalog.get(sku) if self.catalog is not None and sku else None
        if found is not None:
            self.editor.setStatusTip(product_line(found))
        elif self.catalog is not None and sku:
            self.editor.setStatusTip(f"{sku} is not in the catalog")
        else:
            self.editor.setStatusTip("")
