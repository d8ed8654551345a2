"""Single product: catalog id and product retailer id (picked from the catalog by name or SKU);
optional body and footer, no header."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from composer.messages import MessageKind, SingleProduct
from ui.editors.base import Editor
from ui.editors.fields import Markable, TextField, section_title
from ui.editors.parts import PartsEditor
from ui.editors.product_picker import ProductPicker

if TYPE_CHECKING:
    from composer.catalog import Catalog
    from composer.messages import Content


class SingleProductEditor(Editor):
    kind = MessageKind.PRODUCT

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.catalog_id = TextField("Catalog id", None, placeholder="194836987003835")
        self.product = TextField("Product SKU", None, placeholder="JKT-RAIN-M-NAVY")
        self.picker = ProductPicker(self.product)
        self.add(self.parts, section_title("Product"), self.catalog_id, self.product)
        self.watch(*self.parts.widgets, self.catalog_id, self.product)
        self.finish()

    def set_catalog(self, catalog: Catalog | None) -> None:
        """The account's catalog for the picker (None: not read yet)."""
        self.picker.set_catalog(catalog)
        if catalog is not None and catalog.catalog_id:
            self.catalog_id.editor.setPlaceholderText(catalog.catalog_id)

    def content(self) -> Content:
        return SingleProduct(
            **self.parts.values(),
            catalog_id=self.catalog_id.text(),
            product_retailer_id=self.product.text(),
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, SingleProduct)
        self.parts.load(content)
        self.catalog_id.set_text(content.catalog_id)
        self.product.set_text(content.product_retailer_id)

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        out["interactive.action"] = self.catalog_id
        out["interactive.action.catalog_id"] = self.catalog_id
        out["interactive.action.product_retailer_id"] = self.product
        return out
