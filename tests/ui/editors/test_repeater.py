"""Add / remove / reorder, aggregate counters and disabled Add buttons with a reason."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from composer import limits
from composer.payload import to_payload
from ui.editors.list_message import ListMessageEditor
from ui.editors.multi_product import MultiProductEditor
from ui.editors.reply_buttons import ReplyButtonsEditor
from ui.window.main_window import MainWindow


def _pick(window: MainWindow, kind: str) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData(kind))


def test_buttons_add_up_to_three_then_add_is_disabled_with_reason(
    window: MainWindow, qtbot: QtBot
) -> None:
    _pick(window, "button")
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    rep = editor.buttons
    assert rep.badge.badge.text() == f"Buttons 1/{limits.BUTTONS.maximum}"
    while rep.add_button.isEnabled():
        qtbot.mouseClick(rep.add_button, Qt.MouseButton.LeftButton)
    assert rep.count() == limits.BUTTONS.maximum
    assert rep.badge.badge.text() == "Buttons 3/3"
    assert "at most 3" in rep.add_button.toolTip()
    msg = window.session.current()
    assert msg is not None and len(msg.content.buttons) == 3  # type: ignore[union-attr]


def test_reorder_and_remove_buttons(window: MainWindow, qtbot: QtBot) -> None:
    _pick(window, "button")
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    qtbot.mouseClick(editor.buttons.add_button, Qt.MouseButton.LeftButton)
    first, second = editor.buttons.items()
    qtbot.keyClicks(first.title.editor, "One")
    qtbot.keyClicks(second.title.editor, "Two")
    editor.buttons.move_item(1, -1)
    msg = window.session.current()
    assert msg is not None
    assert [b.title for b in msg.content.buttons] == ["Two", "One"]  # type: ignore[union-attr]
    editor.buttons.remove_item(0)
    msg = window.session.current()
    assert msg is not None
    assert [b.title for b in msg.content.buttons] == ["One"]  # type: ignore[union-attr]
    assert editor.buttons.add_button.isEnabled()


def test_rows_are_limited_in_total_across_sections(window: MainWindow, qtbot: QtBot) -> None:
    _pick(window, "list")
    editor = window.form.editor()
    assert isinstance(editor, ListMessageEditor)
    qtbot.mouseClick(editor.sections.add_button, Qt.MouseButton.LeftButton)
    first, second = editor.sections.items()
    while first.rows.add_button.isEnabled():
        qtbot.mouseClick(first.rows.add_button, Qt.MouseButton.LeftButton)
    total = limits.LIST_ROWS_TOTAL.maximum
    assert first.rows.count() + second.rows.count() == total
    assert editor.total.badge.text() == f"Rows in total {total}/{total}"
    assert not second.rows.add_button.isEnabled()
    assert "across all sections" in second.rows.add_button.toolTip()
    first.rows.remove_item(0)
    assert second.rows.add_button.isEnabled()
    assert editor.total.badge.text() == f"Rows in total {total - 1}/{total}"


def test_products_total_counter(window: MainWindow, qtbot: QtBot) -> None:
    _pick(window, "product_list")
    editor = window.form.editor()
    assert isinstance(editor, MultiProductEditor)
    section = editor.sections.items()[0]
    for _ in range(11):
        qtbot.mouseClick(section.products.add_button, Qt.MouseButton.LeftButton)
    assert editor.total.badge.text() == f"Products in total 12/{limits.PRODUCT_ITEMS_TOTAL.maximum}"
    msg = window.session.current()
    assert msg is not None
    items = to_payload(msg)["interactive"]["action"]["sections"][0]["product_items"]
    assert len(items) == 12
