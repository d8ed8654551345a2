"""Keyboard shortcuts, tab order and accessible names."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from ui.editors.fields import TextField
from ui.editors.registry import TITLES
from ui.services import Services
from ui.window.main_window import MainWindow


def _activate(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=15_000)


def test_ctrl_enter_sends(window: MainWindow, qtbot: QtBot, examples: dict[str, Any]) -> None:
    _activate(window, qtbot)
    assert window.load_payload(dict(examples["location_request"], to="+15550100001")) is None
    sent: list[Any] = []
    window.sent.connect(sent.append)
    body = window.form.editor().parts.body  # type: ignore[attr-defined]
    body.editor.setFocus()
    qtbot.keyClick(body.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(sent) == 1, timeout=10_000)
    assert sent[0].ok
    assert body.text() == examples["location_request"]["interactive"]["body"]["text"]


def test_ctrl_s_saves_the_named_draft(
    window: MainWindow, services: Services, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    _activate(window, qtbot)
    assert window.load_payload(examples["catalog_message"]) is None
    window.draft_keeper.save_as("catalog")
    footer = window.form.editor().parts.footer  # type: ignore[attr-defined]
    footer.editor.setFocus()
    qtbot.keyClick(footer.editor, Qt.Key.Key_End)
    qtbot.keyClicks(footer.editor, "!")
    qtbot.keyClick(footer.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = services.drafts.open("catalog").data["payload"]
    current = window.session.current()
    assert current is not None and saved == to_payload(current)
    assert saved["interactive"]["footer"]["text"].endswith("!")


def test_ctrl_i_opens_the_import_dialog(window: MainWindow, qtbot: QtBot) -> None:
    from ui.panels.dialogs.import_dialog import ImportDialog

    _activate(window, qtbot)
    seen: list[str] = []

    def close_it() -> None:
        modal = QApplication.activeModalWidget()
        seen.append(type(modal).__name__)
        if modal is not None:
            modal.close()

    QTimer.singleShot(200, close_it)
    qtbot.keyClick(window.type_combo, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert seen == [ImportDialog.__name__]


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    # the window's own controls (the preview and the webhook bar belong to other panels)
    for kind in TITLES:
        window.type_combo.setCurrentIndex(window.type_combo.findData(kind))
        unnamed = []
        roots = [window.form, window.tabs, window.send_bar, window.type_combo.parentWidget()]
        for w in [c for r in roots for c in r.findChildren(QWidget)]:
            if not w.isVisibleTo(window):
                continue
            if isinstance(w, QLineEdit) and isinstance(w.parent(), QComboBox):
                continue  # the combo's own line edit; the combo is named
            if isinstance(w, QAbstractButton) and w.text().strip():
                continue  # the label is the name
            controls = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractButton)
            if isinstance(w, controls) and not w.accessibleName().strip():
                unnamed.append(f"{type(w).__name__} {w.objectName()}")
        assert unnamed == [], f"{kind}: {unnamed}"


def test_tab_moves_down_the_form(window: MainWindow, qtbot: QtBot) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("list"))
    editor = window.form.editor()
    # items added after the form was built still come in reading order
    editor.sections.add_item()  # type: ignore[attr-defined]
    editor.sections.items()[0].rows.add_item()  # type: ignore[attr-defined]
    QApplication.processEvents()  # new cards are shown by a queued call
    _activate(window, qtbot)
    inputs = {f.editor: f for f in window.form.findChildren(TextField) if f.isVisibleTo(window)}
    body = window.form.editor().parts.body  # type: ignore[attr-defined]
    body.editor.setFocus()
    qtbot.waitUntil(body.editor.hasFocus, timeout=2000)
    order: list[QWidget] = []
    for _ in range(120):
        current = QApplication.focusWidget()
        if current is window.form.envelope.callback.editor:
            order.append(current)
            break
        if current in inputs and current not in order:
            order.append(current)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
    ys = [w.mapTo(window, w.rect().topLeft()).y() for w in order]
    assert len(order) >= 12
    assert ys == sorted(ys), "tab order follows the form from top to bottom"
    envelope = window.form.envelope.context.editor
    assert order.index(envelope) == len(order) - 2  # reply-to, then callback data, come last


def test_a_cards_move_and_remove_buttons_come_after_its_fields(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("button"))
    editor = window.form.editor()
    editor.buttons.add_item()  # type: ignore[attr-defined]
    QApplication.processEvents()
    first, second = editor.buttons.cards()  # type: ignore[attr-defined]
    page = window.form.scroll_area.widget()
    chain = page.tab_chain()  # type: ignore[attr-defined]
    title, ident = first.item.title.editor, first.item.id.editor
    assert chain.index(title) < chain.index(ident) < chain.index(first.down)
    assert (
        chain.index(first.down) < chain.index(first.remove) < chain.index(second.item.title.editor)
    )
    assert first.up not in chain  # disabled on the first card
    # and Tab really walks it: from the id field to the card's own "move down", then "remove"
    _activate(window, qtbot)
    ident.setFocus()
    qtbot.waitUntil(ident.hasFocus, timeout=2000)
    qtbot.keyClick(ident, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.down
    qtbot.keyClick(first.down, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is first.remove
    qtbot.keyClick(first.remove, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is second.item.title.editor


def test_a_failed_send_refreshes_the_countdown_once(window: MainWindow, qtbot: QtBot) -> None:
    from composer.sending import SendOutcome

    calls: list[None] = []
    original = window.countdown.refresh
    window.countdown.refresh = lambda: (calls.append(None), original())[1]  # a counting spy
    window.window_sender.finished.emit(SendOutcome("failed", "sandbox", True, "+15550100003"))
    assert len(calls) == 1
    window.window_sender.finished.emit(SendOutcome("accepted", "sandbox", True, "+15550100001"))
    assert len(calls) == 1  # success changes nothing about the 24-hour window
