"""Product messages in the real window offscreen: opening a product message reads the sandbox's
demo catalog off the UI thread, the preview shows the product's name, price and picture, and the
editor's SKU field picks from the same catalog; a sent message quoted by a later reply is
quoted by its text, from the history."""

from __future__ import annotations

import copy

from pytestqt.qtbot import QtBot

from composer.sandbox import OPEN_CONTACT
from tests.examples import examples
from ui.editors.single_product import SingleProductEditor
from ui.preview.layout import ShapeItem
from ui.window.main_window import MainWindow


def test_a_product_message_shows_the_catalogs_name_price_and_picture(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.load_payload(copy.deepcopy(examples()["product_single"])) is None
    qtbot.waitUntil(lambda: window.products.catalog is not None, timeout=10_000)
    screen = window.preview.preview_screen()
    assert screen.texts("product_name") == ["Rain jacket, navy, M"]
    assert screen.texts("product_price") == ["€89.00"]
    (picture,) = [i.name for i in screen.chat if isinstance(i, ShapeItem) and i.kind == "image"]
    assert picture.endswith("jacket-navy.png") and picture in window.preview.canvas.images
    editor = window.form.editor()
    assert isinstance(editor, SingleProductEditor)
    assert [p.retailer_id for p in editor.picker.matches("welly")] == ["BOOT-WELLY-41"]
    editor.picker.pick("BOOT-WELLY-41")
    screen = window.preview.preview_screen()
    assert screen.texts("product_name") == ["Wellington boots, size 41"]
    assert screen.texts("product_price") == ["€45.00"]


def test_a_reply_to_a_sent_message_quotes_its_text(window: MainWindow, qtbot: QtBot) -> None:
    first = copy.deepcopy(examples()["reply_buttons_text_header"])
    first["to"] = OPEN_CONTACT.number
    assert window.load_payload(first) is None
    with qtbot.waitSignal(window.sent, timeout=10_000) as sent:
        window.send()
    wamid = sent.args[0].wamid
    assert wamid
    reply = copy.deepcopy(examples()["reply_buttons_document_header_contextual_reply"])
    reply["context"]["message_id"] = wamid
    assert window.load_payload(reply) is None
    screen = window.preview.preview_screen()
    assert screen.texts("quote_author") == [window.preview.state().business_name]
    assert screen.texts("quote_text") == [
        "Hi Ana! Your appointment is tomorrow at 9:00. Do you want to keep it?"
    ]
