"""The product editors' SKU picker: typing a name or an SKU lists the demo catalog's products
(every word, case-blind), choosing one puts its SKU in the field and the message; a multi-product
section added later picks from the same catalog; without a catalog the field is plain text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from composer.catalog import Catalog
from composer.messages import CatalogMessage, MultiProduct, SingleProduct
from composer.sandbox.catalog import DemoCatalog
from ui.editors.catalog_message import CatalogMessageEditor
from ui.editors.multi_product import MultiProductEditor
from ui.editors.product_picker import HINT, ProductPicker, product_line
from ui.editors.single_product import SingleProductEditor


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return DemoCatalog().catalog()  # the sandbox's demo catalog, as the app reads it


def popup_rows(picker: ProductPicker) -> list[str]:
    model = picker.model
    return [str(model.item(i).text()) for i in range(model.rowCount())]


def test_typing_a_name_lists_matching_products_and_choosing_sets_the_sku(
    qtbot: QtBot, catalog: Catalog
) -> None:
    editor = SingleProductEditor()
    qtbot.addWidget(editor)
    editor.show()
    editor.set_catalog(catalog)
    field = editor.product.editor
    assert field.placeholderText() == HINT
    assert editor.catalog_id.editor.placeholderText() == catalog.catalog_id
    field.setFocus()
    qtbot.keyClicks(field, "rain olive")
    assert popup_rows(editor.picker) == ["Rain jacket, olive, L · €89.00 · JKT-RAIN-L-OLIVE"]
    assert editor.picker.completer.popup().isVisible()
    popup = editor.picker.completer.popup()
    popup.setCurrentIndex(editor.picker.completer.completionModel().index(0, 0))
    with qtbot.waitSignal(editor.edited, timeout=2000):
        qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert field.text() == "JKT-RAIN-L-OLIVE"
    content = editor.content()
    assert isinstance(content, SingleProduct) and content.product_retailer_id == "JKT-RAIN-L-OLIVE"
    assert field.statusTip() == product_line(catalog.get("JKT-RAIN-L-OLIVE"))  # type: ignore[arg-type]


def test_a_sku_fragment_finds_the_product_and_an_unknown_sku_stays_typed(
    qtbot: QtBot, catalog: Catalog
) -> None:
    editor = CatalogMessageEditor()
    qtbot.addWidget(editor)
    editor.set_catalog(catalog)
    assert [p.retailer_id for p in editor.picker.matches("umb-")] == [
        "UMB-COMPACT-BLK", "UMB-GOLF-YEL",
    ]  # fmt: skip
    qtbot.keyClicks(editor.thumbnail.editor, "NOT-IN-IT")
    assert popup_rows(editor.picker) == []
    assert editor.thumbnail.editor.statusTip() == "NOT-IN-IT is not in the catalog"
    content = editor.content()
    assert isinstance(content, CatalogMessage)
    assert content.thumbnail_product_retailer_id == "NOT-IN-IT"


def test_products_added_later_pick_from_the_same_catalog(qtbot: QtBot, catalog: Catalog) -> None:
    editor = MultiProductEditor()
    qtbot.addWidget(editor)
    editor.set_catalog(catalog)
    editor.set_products([1, 2])
    pickers = [p.picker for s in editor.sections.items() for p in s.products.items()]
    assert len(pickers) == 3 and all(p.catalog is catalog for p in pickers)
    pickers[2].pick("BOOT-HIKE-43")
    content = editor.content()
    assert isinstance(content, MultiProduct)
    assert content.sections[1].product_retailer_ids[1] == "BOOT-HIKE-43"


def test_without_a_catalog_the_field_is_plain_text(qtbot: QtBot) -> None:
    editor = SingleProductEditor()
    qtbot.addWidget(editor)
    editor.set_catalog(None)
    qtbot.keyClicks(editor.product.editor, "rain")
    assert popup_rows(editor.picker) == [] and editor.picker.matches("rain") == []
    assert editor.product.editor.text() == "rain"
    editor.set_catalog(Catalog(note="refused"))  # an empty (refused) catalog: no picker either
    assert editor.picker.catalog is None
