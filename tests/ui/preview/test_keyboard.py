"""The phone from the keyboard: Tab in, walk the items, Enter taps as a click does, names for
screen readers, a visible focus ring, Tab out again."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from composer.messages import ListMessage, ReplyButtons
from composer.payload import from_payload
from tests.examples import examples
from ui.preview import PhoneView
from ui.preview.themes import PLATFORMS

EXAMPLES: dict[str, Any] = examples()


@pytest.fixture(params=PLATFORMS)
def setup(qtbot: QtBot, request: pytest.FixtureRequest) -> tuple[QWidget, QLineEdit, PhoneView]:
    """A field before the phone and one after it, to Tab between."""
    host = QWidget()
    before, view, after = QLineEdit(host), PhoneView(host), QLineEdit(host)
    view.set_link_fetching(False)
    view.set_appearance(request.param, False)
    box = QVBoxLayout(host)
    for widget in (before, view, after):
        box.addWidget(widget)
    qtbot.addWidget(host)
    host.resize(560, 1100)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    before.setFocus()
    return host, before, view


def tab(qtbot: QtBot, back: bool = False) -> None:
    """Tab (or Shift+Tab) pressed in whatever has the focus."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab)


def test_tab_walks_the_buttons_and_enter_taps_one(
    qtbot: QtBot, setup: tuple[QWidget, QLineEdit, PhoneView]
) -> None:
    _, _, view = setup
    msg = from_payload(EXAMPLES["reply_buttons_text_header"])
    assert isinstance(msg.content, ReplyButtons)
    view.set_message(msg, [])
    tab(qtbot)  # from the field before into the phone
    canvas = view.canvas
    assert canvas.hasFocus()
    assert canvas.accessible_items() == ["Keep it", "Reschedule", "Cancel"]
    assert canvas.focused() is not None and canvas.focused().name == "Keep it"  # type: ignore[union-attr]
    assert canvas.accessibleDescription() == "Keep it (1 of 3)"
    tab(qtbot)
    assert canvas.accessibleDescription() == "Reschedule (2 of 3)"
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    reply = blocker.args[0]["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]
    button = msg.content.buttons[1]
    assert reply["button_reply"] == {"id": button.id, "title": button.title}
    assert view.preview_screen().texts("reply_title") == [button.title]
    assert view.json_view.isVisible()


def test_arrows_move_and_space_taps(
    qtbot: QtBot, setup: tuple[QWidget, QLineEdit, PhoneView]
) -> None:
    _, _, view = setup
    msg = from_payload(EXAMPLES["reply_buttons_text_header"])
    assert isinstance(msg.content, ReplyButtons)
    view.set_message(msg, [])
    tab(qtbot)
    canvas = view.canvas
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Up):
        qtbot.keyClick(canvas, key)  # the last Down stays on the last item
    assert canvas.accessibleDescription() == "Reschedule (2 of 3)"
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        qtbot.keyClick(canvas, Qt.Key.Key_Space)
    reply = blocker.args[0]["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]
    assert reply["button_reply"]["id"] == msg.content.buttons[1].id


def test_a_list_from_the_keyboard_opens_selects_and_sends(
    qtbot: QtBot, setup: tuple[QWidget, QLineEdit, PhoneView]
) -> None:
    _, _, view = setup
    msg = from_payload(EXAMPLES["list_single_section"])
    assert isinstance(msg.content, ListMessage)
    view.set_message(msg, [])
    tab(qtbot)
    canvas = view.canvas
    assert canvas.accessible_items() == [msg.content.button]
    qtbot.keyClick(canvas, Qt.Key.Key_Return)  # opens the sheet
    assert view.state().sheet == "list"
    names = canvas.accessible_items()
    row = msg.content.sections[0].rows[0]
    assert names[0] == "Close" and names[1].startswith(row.title)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    qtbot.keyClick(canvas, Qt.Key.Key_Return)  # selects the first row
    assert view.state().selected == (0, 0)
    assert canvas.accessible_items()[-1] == "Send"
    while canvas.focused() is not None and canvas.focused().name != "Send":  # type: ignore[union-attr]
        assert canvas.move_focus(1)
    with qtbot.waitSignal(view.reply_webhook, timeout=2000) as blocker:
        qtbot.keyClick(canvas, Qt.Key.Key_Enter)
    reply = blocker.args[0]["entry"][0]["changes"][0]["value"]["messages"][0]["interactive"]
    assert reply["list_reply"]["id"] == row.id
    assert view.state().sheet == ""


def test_escape_closes_the_sheet(qtbot: QtBot, setup: tuple[QWidget, QLineEdit, PhoneView]) -> None:
    _, _, view = setup
    view.set_message(from_payload(EXAMPLES["list_single_section"]), [])
    tab(qtbot)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert view.state().sheet == "list"
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert view.state().sheet == ""


def test_tab_leaves_the_phone_after_its_last_item_and_backtab_comes_back_to_it(
    qtbot: QtBot, setup: tuple[QWidget, QLineEdit, PhoneView]
) -> None:
    _, before, view = setup
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    tab(qtbot)
    for _ in range(3):
        tab(qtbot)  # Reschedule, Cancel, then out of the phone
    assert not view.canvas.hasFocus() and not before.hasFocus()
    tab(qtbot, back=True)
    while not view.canvas.hasFocus():  # back over the webhook panel's buttons, if focusable
        tab(qtbot, back=True)
    assert view.canvas.accessibleDescription() == "Cancel (3 of 3)"


def test_the_focus_ring_is_drawn_on_screen_only(
    qtbot: QtBot, setup: tuple[QWidget, QLineEdit, PhoneView]
) -> None:
    _, _, view = setup
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    canvas = view.canvas
    unfocused = canvas.grab().toImage()
    tab(qtbot)
    focused = canvas.grab().toImage()
    assert _differs(unfocused, focused)
    exported = view.render_image(1)
    canvas.clearFocus()
    assert not _differs(exported, view.render_image(1))  # the PNG never carries the ring


def test_the_view_and_its_items_have_accessible_names(
    qtbot: QtBot, setup: tuple[QWidget, QLineEdit, PhoneView]
) -> None:
    _, _, view = setup
    assert view.canvas.accessibleName() == "Phone preview"
    view.set_message(None, [])
    assert view.canvas.accessible_items() == []
    assert view.canvas.accessibleDescription() == "No tappable items"
    view.set_message(from_payload(EXAMPLES["reply_buttons_text_header"]), [])
    assert view.canvas.accessibleDescription() == "3 tappable items"


def _differs(a: QImage, b: QImage) -> bool:
    return a.size() != b.size() or a.convertToFormat(b.format()) != b
