"""Catalog message: body, footer and the product whose image is used as the thumbnail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from composer.messages import CatalogMessage, MessageKind
from ui.editors.base import Editor, opt
from ui.editors.fields import Markable, TextField, section_title
from ui.editors.parts import PartsEditor
from ui.editors.product_picker import ProductPicker

if TYPE_CHECKING:
    from composer.catalog import Catalog
    from composer.messages import Content


class CatalogMessageEditor(Editor):
    kind = MessageKind.CATALOG

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = PartsEditor.for_kind(self.kind)
        self.thumbnail = TextField(
            "Thumbnail SKU", None, placeholder="JKT-RAIN-M-NAVY (recommended)"
        )
        self.picker = ProductPicker(self.thumbnail)
        self.add(self.parts, section_title("Catalog"), self.thumbnail)
        self.watch(*self.parts.widgets, self.thumbnail)
        self._action_name = "catalog_message"
        self.finish()

    def set_catalog(self, catalog: Catalog | None) -> None:
        """The account's catalog for the thumbnail picker (None: not read yet)."""
        self.picker.set_catalog(catalog)

    def content(self) -> Content:
        return CatalogMessage(
            **self.parts.values(),
            thumbnail_product_retailer_id=opt(self.thumbnail.text()),
            action_name=self._action_name,
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, CatalogMessage)
        self.parts.load(content)
        self.thumbnail.set_text(content.thumbnail_product_retailer_id or "")
        self._action_name = content.action_name

    def fields(self) -> dict[str, Markable]:
        out = self.parts.fields()
        out["interactive.action"] = self.thumbnail
        out["interactive.action.parameters"] = self.thumbnail
        out["interactive.action.parameters.thumbnail_product_retailer_id"] = self.thumbnail
        return out
