"""Reaction editor: emoji search, picking, "remove reaction"; header kinds in other editors."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ui.editors.parts import MediaSourceField
from ui.editors.reaction import ReactionEditor
from ui.editors.reply_buttons import ReplyButtonsEditor
from ui.window.main_window import MainWindow
from ui.window.tab_chain import reading_order


def test_search_pick_and_remove(window: MainWindow, qtbot: QtBot) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("reaction"))
    editor = window.form.editor()
    assert isinstance(editor, ReactionEditor)
    qtbot.keyClicks(editor.message_id.editor, "wamid.ABC")
    qtbot.keyClicks(editor.picker.search, "heart")
    shown = editor.picker.visible_emoji()
    assert "\u2764\ufe0f" in shown and "\U0001f44d" not in shown
    qtbot.keyClicks(editor.picker.search, " broken")
    assert editor.picker.visible_emoji() == ["\U0001f494"]
    button = next(b for b, _ in editor.picker.buttons if not b.isHidden())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    payload = json.loads(window.json_view.json_text())
    assert payload["reaction"] == {"message_id": "wamid.ABC", "emoji": "\U0001f494"}
    assert payload["type"] == "reaction"
    qtbot.mouseClick(editor.remove, Qt.MouseButton.LeftButton)
    payload = json.loads(window.json_view.json_text())
    assert payload["reaction"]["emoji"] == ""
    assert not [i for i in window.session.issues() if str(i.severity) == "error"]


def test_header_kinds_switch_fields(window: MainWindow, qtbot: QtBot) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("button"))
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    header = editor.parts.header
    assert header is not None
    combo = header.kind.combo
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "none", "text", "image", "video", "document"
    ]  # fmt: skip
    # the media rows are made when a media kind is first picked (not on the way to the editor)
    assert header.findChildren(MediaSourceField) == []
    combo.setCurrentIndex(combo.findData("document"))
    assert header.findChildren(MediaSourceField) == [header.media]
    assert header.media.isVisibleTo(window) and header.filename.isVisibleTo(window)
    in_chain = reading_order(window)
    assert in_chain.index(header.kind.combo) < in_chain.index(header.media.source)
    assert in_chain.index(header.media.value) < in_chain.index(header.filename.editor)
    assert in_chain.index(header.filename.editor) < in_chain.index(editor.parts.body.editor)
    assert not header.text.isVisibleTo(window)
    qtbot.keyClicks(header.media.value, "https://cdn.example.com/a.pdf")
    qtbot.keyClicks(header.filename.editor, "a.pdf")
    payload = json.loads(window.json_view.json_text())
    assert payload["interactive"]["header"] == {
        "type": "document",
        "document": {"link": "https://cdn.example.com/a.pdf", "filename": "a.pdf"},
    }
    header.media.source.setCurrentIndex(header.media.source.findData("id"))
    payload = json.loads(window.json_view.json_text())
    assert payload["interactive"]["header"]["document"]["id"] == "https://cdn.example.com/a.pdf"
    combo.setCurrentIndex(combo.findData("text"))
    assert header.text.isVisibleTo(window) and not header.media.isVisibleTo(window)
    combo.setCurrentIndex(combo.findData("none"))
    assert "header" not in json.loads(window.json_view.json_text())["interactive"]


def test_list_header_is_text_only(window: MainWindow) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("list"))
    combo = window.form.editor().parts.header.kind.combo  # type: ignore[attr-defined]
    assert [combo.itemData(i) for i in range(combo.count())] == ["none", "text"]
