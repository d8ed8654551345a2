"""Product previews drawn from the demo catalog: single product, multi-product (bubble and item
sheet), catalog message and product carousel show each product's name, price and picture; an
SKU the catalog lacks is shown once; a catalog that could not be read says so under the phone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from composer.catalog import Catalog
from composer.payload import from_payload
from composer.sandbox.catalog import DemoCatalog
from composer.sending.catalog import REFUSED_NOTE
from tests.examples import examples
from ui.preview import PhoneView
from ui.preview.layout import Screen
from ui.window.products import previews

EXAMPLES: dict[str, Any] = examples()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return DemoCatalog().catalog()  # the sandbox's demo catalog, as the app reads it


@pytest.fixture
def view(qtbot: QtBot, catalog: Catalog) -> PhoneView:
    v = PhoneView()
    qtbot.addWidget(v)
    v.set_preview_data(previews(catalog))
    return v


def show(view: PhoneView, name: str, *taps: tuple[Any, ...]) -> Screen:
    view.set_message(from_payload(EXAMPLES[name]))
    for tap in taps:
        view.tap(tap)
    return view.preview_screen()


def pictures(screen: Screen) -> list[str]:
    return [s.name for s in screen.all_items() if getattr(s, "kind", "") == "image"]


def test_a_single_product_shows_its_name_price_and_picture(view: PhoneView) -> None:
    screen = show(view, "product_single")
    assert screen.texts("product_name") == ["Rain jacket, navy, M"]
    assert screen.texts("product_price") == ["€89.00"]
    (picture,) = pictures(screen)
    assert picture.endswith("jacket-navy.png")
    assert "JKT-RAIN-M-NAVY" not in " ".join(i.text for i in screen.text_items("product_name"))
    assert view.canvas.images.get(picture) is not None  # the shipped file loaded at once


def test_the_item_sheet_lists_every_product_with_name_and_price(view: PhoneView) -> None:
    screen = show(view, "product_list_two_sections", ("open_products",))
    assert screen.texts("product_title") == [
        "Rain jacket, navy, M", "Rain jacket, olive, L", "Wellington boots, size 41",
    ]  # fmt: skip
    assert screen.texts("product_price") == ["€89.00", "€89.00", "€45.00"]
    assert [p.rsplit("/", 1)[-1] for p in pictures(screen)] == [
        "jacket-navy.png",
        "jacket-navy.png",
        "jacket-olive.png",
        "boots-green.png",
    ]  # fmt: skip  (the bubble's card shows the first product, then the three rows)


def test_the_catalog_card_and_the_carousel_use_the_products(view: PhoneView) -> None:
    card = show(view, "catalog_message")
    assert [p.rsplit("/", 1)[-1] for p in pictures(card)] == ["jacket-navy.png"]
    carousel = show(view, "product_carousel")
    assert carousel.texts("product_name") == ["Rain jacket, navy, M", "Wellington boots, size 41"]
    assert carousel.texts("product_price") == ["€89.00", "€45.00"]


def test_an_sku_the_catalog_lacks_is_shown_once(view: PhoneView) -> None:
    payload = EXAMPLES["product_list_two_sections"]
    sections = payload["interactive"]["action"]["sections"]
    odd = {**payload, "interactive": {**payload["interactive"], "action": {
        **payload["interactive"]["action"],
        "sections": [{**sections[0], "product_items": [{"product_retailer_id": "NOT-A-SKU"}]}],
    }}}  # fmt: skip
    view.set_message(from_payload(odd))
    view.tap(("open_products",))
    screen = view.preview_screen()
    texts = [i.text for i in screen.all_items() if hasattr(i, "text")]
    assert texts.count("NOT-A-SKU") == 1
    assert screen.texts("product_title") == ["NOT-A-SKU"] and screen.texts("product_price") == []


def test_a_refused_catalog_falls_back_to_the_sku_with_a_note(qtbot: QtBot) -> None:
    view = PhoneView()
    qtbot.addWidget(view)
    view.set_preview_data({}, REFUSED_NOTE)
    screen = show(view, "product_single")
    assert (
        screen.texts("product_name") == ["JKT-RAIN-M-NAVY"] and screen.texts("product_price") == []
    )
    assert view.note.isVisibleTo(view) and "catalog_management" in view.note.text()
    show(view, "reply_buttons_text_header")  # not a product message: no catalog note
    assert not view.note.isVisibleTo(view)


def test_the_demo_pictures_are_files_the_repo_ships(catalog: Catalog) -> None:
    root = Path(__file__).resolve().parents[3] / "composer" / "sandbox" / "data" / "products"
    assert {Path(p.image_url).name for p in catalog} == {f.name for f in root.glob("*.png")}
