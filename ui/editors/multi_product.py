"""Multi-product: text header, body, footer, catalog id and sections of product SKUs.

Products are limited in total across sections, like list rows; the editor blocks "Add product" in
every section once the total is reached. Each SKU is picked from the catalog by name or SKU.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from composer import limits
from composer.messages import MessageKind, MultiProduct, ProductSection
from ui.editors.base import Editor, opt
from ui.editors.fields import CountBadge, Markable, TextField, section_title
from ui.editors.parts import PartsEditor
from ui.editors.product_picker import ProductPicker
from ui.editors.repeater import Item, Repeater

if TYPE_CHECKING:
    from composer.catalog import Catalog
    from composer.messages import Content

CatalogSource = Callable[[], "Catalog | None"]


def _no_catalog() -> Catalog | None:
    return None


class ProductItem(Item):
    def __init__(self, catalog: CatalogSource = _no_catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sku = TextField("Product SKU", None, placeholder="JKT-RAIN-M-NAVY")
        self.picker = ProductPicker(self.sku)
        self.picker.set_catalog(catalog())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sku)
        self.sku.changed.connect(self.changed)

    def first_input(self) -> QWidget:
        return self.sku.editor


class ProductSectionItem(Item):
    def __init__(self, catalog: CatalogSource = _no_catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = TextField("Section title", limits.PRODUCT_SECTION_TITLE, placeholder="Jackets")
        self.products: Repeater[ProductItem] = Repeater(
            "product", lambda: ProductItem(catalog), limits.PRODUCT_SECTION_ITEMS
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.products)
        self.title.changed.connect(self.changed)
        self.products.changed.connect(self.changed)

    def first_input(self) -> QWidget:
        return self.title.editor


class MultiProductEditor(Editor):
    kind = MessageKind.PRODUCT_LIST

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog: Catalog | None = None
        self.parts = PartsEditor.for_kind(self.kind)
        self.catalog_id = TextField("Catalog id", None, placeholder="194836987003835")
        self.total = CountBadge(limits.PRODUCT_ITEMS_TOTAL)
        self.sections: Repeater[ProductSectionItem] = Repeater(
            "section", self._new_section, limits.PRODUCT_SECTIONS
        )
        self.add(self.parts, self.catalog_id, section_title("Sections"), self.total, self.sections)
        self.watch(*self.parts.widgets, self.catalog_id)
        self.sections.changed.connect(self._on_sections)
        self.set_products([1])
        self.finish()

    def _new_section(self) -> ProductSectionItem:
        item = ProductSectionItem(lambda: self.catalog)
        item.products.set_count(1)
        return item

    def set_catalog(self, catalog: Catalog | None) -> None:
        """The account's catalog for every SKU picker, present and future."""
        self.catalog = catalog
        for section in self.sections.items():
            for product in section.products.items():
                product.picker.set_catalog(catalog)
        if catalog is not None and catalog.catalog_id:
            self.catalog_id.editor.setPlaceholderText(catalog.catalog_id)

    def _on_sections(self) -> None:
        self._sync_total()
        self._emit()

    def _sync_total(self) -> None:
        total = sum(s.products.count() for s in self.sections.items())
        self.total.set_count(total)
        cap = limits.PRODUCT_ITEMS_TOTAL.maximum
        reason = (
            f"WhatsApp allows at most {cap} products across all sections." if total >= cap else None
        )
        for s in self.sections.items():
            s.products.block_adding(reason)

    def set_products(self, per_section: list[int]) -> list[ProductSectionItem]:
        items = self.sections.set_count(len(per_section))
        for item, n in zip(items, per_section, strict=True):
            item.products.set_count(n)
        self._sync_total()
        return items

    def content(self) -> Content:
        return MultiProduct(
            **self.parts.values(),
            catalog_id=self.catalog_id.text(),
            sections=tuple(
                ProductSection(
                    title=opt(s.title.text()),
                    product_retailer_ids=tuple(p.sku.text() for p in s.products.items()),
                )
                for s in self.sections.items()
            ),
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, MultiProduct)
        self.parts.load(content)
        self.catalog_id.set_text(content.catalog_id)
        items = self.set_products([len(s.product_retailer_ids) for s in content.sections])
        for item, section in zip(items, content.sections, strict=True):
            item.title.set_text(section.title or "")
            for p, sku in zip(item.products.items(), section.product_retailer_ids, strict=True):
                p.sku.set_text(sku)

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        out["interactive.action"] = self.sections
        out["interactive.action.catalog_id"] = self.catalog_id
        out["interactive.action.sections"] = self.sections
        out["interactive.action.product_items"] = self.total
        for i, s in enumerate(self.sections.items()):
            p = f"interactive.action.sections[{i}]"
            out[p] = s.products
            out[p + ".title"] = s.title
            out[p + ".product_items"] = s.products
            for j, item in enumerate(s.products.items()):
                out[f"{p}.product_items[{j}]"] = item.sku
        return out
