"""Text editor: round trip, the n/4096 counter, markup buttons wrapping the selection, the
"Show link preview" box (absent / false / true kept as given) and the Tab chain."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QPlainTextEdit
from pytestqt.qtbot import QtBot

from composer import limits
from composer.formatting import Style
from composer.messages import TextMessage
from composer.samples import sample_message
from ui.editors.text import TextEditor
from ui.window.main_window import MainWindow


def _text_editor(window: MainWindow) -> TextEditor:
    window.type_combo.setCurrentIndex(window.type_combo.findData("text"))
    editor = window.form.editor()
    assert isinstance(editor, TextEditor)
    return editor


def _sent_text(window: MainWindow) -> dict[str, Any]:
    payload = json.loads(window.json_view.json_text())
    assert payload["type"] == "text"
    text: dict[str, Any] = payload["text"]
    return text


def _body(editor: TextEditor) -> QPlainTextEdit:
    body = editor.body.editor
    assert isinstance(body, QPlainTextEdit)
    return body


def _select(edit: QPlainTextEdit, start: int, end: int) -> None:
    """Select by Qt positions (UTF-16 units), as a mouse drag would."""
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    edit.setTextCursor(cursor)


def test_load_then_content_gives_the_message_back(qtbot: QtBot) -> None:
    editor = TextEditor()
    qtbot.addWidget(editor)
    for content in (
        sample_message("text").content,
        TextMessage(body="no preview key"),
        TextMessage(body="explicitly off https://example.com", preview_url=False),
    ):
        editor.load(content)
        assert editor.content() == content
        assert editor.preview_box.isChecked() is bool(content.preview_url)  # type: ignore[attr-defined]


def test_counter_counts_against_the_text_limit(window: MainWindow, qtbot: QtBot) -> None:
    editor = _text_editor(window)
    assert editor.body.limit is limits.TEXT_BODY
    _body(editor).clear()
    qtbot.keyClicks(_body(editor), "Hi ")
    _body(editor).insertPlainText("👋")  # QTest cannot type a character outside the BMP
    assert editor.body.counter.text() == f"4/{limits.TEXT_BODY.maximum}"
    assert _sent_text(window)["body"] == "Hi 👋"
    editor.body.set_text("t" * (limits.TEXT_BODY.maximum + 1))
    assert editor.body.counter.property("level") == "over"


def test_markup_buttons_wrap_the_selection_and_toggle(window: MainWindow, qtbot: QtBot) -> None:
    editor = _text_editor(window)
    body = _body(editor)
    body.setPlainText("👋 make this bold")  # the emoji is two UTF-16 units before the selection
    start = len("👋 make ".encode("utf-16-le")) // 2
    _select(body, start, start + 4)
    bold = editor.markup.buttons[Style.BOLD]
    assert "*text*" in bold.toolTip() and bold.accessibleName().startswith("Bold")
    qtbot.mouseClick(bold, Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "👋 make *this* bold"
    assert body.textCursor().selectedText() == "this"
    assert _sent_text(window)["body"] == "👋 make *this* bold"
    qtbot.mouseClick(editor.markup.buttons[Style.ITALIC], Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "👋 make *_this_* bold"
    qtbot.mouseClick(editor.markup.buttons[Style.ITALIC], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bold, Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "👋 make this bold"  # a second press takes them off
    _select(body, 0, len(body.toPlainText().encode("utf-16-le")) // 2)
    qtbot.mouseClick(editor.markup.buttons[Style.STRIKE], Qt.MouseButton.LeftButton)
    assert body.toPlainText() == "~👋 make this bold~"
    body.undo()  # one press is one undo step
    assert body.toPlainText() == "👋 make this bold"
    _select(body, start, start + 4)
    qtbot.mouseClick(editor.markup.buttons[Style.MONO], Qt.MouseButton.LeftButton)
    assert _sent_text(window)["body"] == "👋 make ```this``` bold"


def test_link_preview_box_sets_preview_url(window: MainWindow, qtbot: QtBot) -> None:
    editor = _text_editor(window)
    editor.load(TextMessage(body="See https://example.com"))
    window.form.rebuild()
    box = editor.preview_box
    on_box = QPoint(8, box.height() // 2)  # the tick box itself, as a user clicks it
    assert not box.isChecked() and "preview_url" not in _sent_text(window)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_box)
    assert _sent_text(window)["preview_url"] is True
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_box)
    assert "preview_url" not in _sent_text(window)  # back to what was loaded: absent
    assert window.load_payload(
        {"messaging_product": "whatsapp", "to": "+15550100001", "type": "text",
         "text": {"body": "See https://example.com", "preview_url": False}}
    ) is None  # fmt: skip
    assert _sent_text(window)["preview_url"] is False and not box.isChecked()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=on_box)
    assert _sent_text(window)["preview_url"] is True


def test_tab_walks_text_buttons_then_the_box(window: MainWindow, qtbot: QtBot) -> None:
    editor = _text_editor(window)
    page = window.form.scroll_area.widget()
    chain: list[Any] = page.tab_chain()  # type: ignore[attr-defined]
    buttons = [
        editor.markup.buttons[s] for s in (Style.BOLD, Style.ITALIC, Style.STRIKE, Style.MONO)
    ]
    mine = [_body(editor), *buttons, editor.preview_box]
    assert [w for w in chain if w in mine] == mine
    at = chain.index(_body(editor))
    assert chain[at : at + len(mine)] == mine  # one after the other, nothing in between
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=15_000)
    _body(editor).setFocus()
    qtbot.waitUntil(_body(editor).hasFocus, timeout=2000)
    for widget in mine[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is widget
    stars = _body(editor).toPlainText().count("*")
    qtbot.keyClick(buttons[0], Qt.Key.Key_Space)  # a focused button works from the keyboard
    assert _body(editor).toPlainText().count("*") == stars + 2  # no selection: a pair
    assert QApplication.focusWidget() is _body(editor)  # back to the text, cursor inside
