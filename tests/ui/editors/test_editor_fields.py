"""Typing into the editors: counters, issues, field marks, one session change per keystroke."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from composer import limits
from composer.validation.check import check
from ui.editors.fields import TextField
from ui.editors.registry import TITLES
from ui.editors.reply_buttons import ReplyButtonsEditor
from ui.window.main_window import MainWindow


def _pick(window: MainWindow, kind: str) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData(kind))
    assert window.form.kind() == kind


def _first_button_title(window: MainWindow) -> TextField:
    _pick(window, "button")
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    return editor.buttons.items()[0].title


@pytest.mark.parametrize("kind", list(TITLES))
def test_each_keystroke_updates_counter_issues_and_session_once(
    kind: str, window: MainWindow, qtbot: QtBot
) -> None:
    _pick(window, kind)
    fields = [f for f in window.form.findChildren(TextField) if f.isVisibleTo(window)]
    assert fields, "every editor has text fields"
    changes: list[object] = []
    window.session.changed.connect(lambda msg, issues: changes.append(msg))
    for field in fields:
        before = field.text()
        changes.clear()
        to_end = Qt.KeyboardModifier.ControlModifier  # Ctrl+End: end of the whole text
        if isinstance(field.editor, QLineEdit):
            to_end = Qt.KeyboardModifier.NoModifier
        qtbot.keyClick(field.editor, Qt.Key.Key_End, to_end)
        assert changes == []
        qtbot.keyClicks(field.editor, "x")
        assert field.text() == before + "x"
        assert len(changes) == 1, f"{field.label.text()}: {len(changes)} session changes"
        if field.label.text() == "Screen data":  # "x" is not JSON: the model carries the text
            data = "interactive.action.parameters.flow_action_payload.data"
            rules = [i.rule for i in window.session.issues() if i.path == data]
            assert rules == ["flow.data_json"]  # so check() reports it to every listener
            assert data in window.issues_panel.paths()
            assert not window.send_bar.button.isEnabled()
        if field.limit is not None:
            assert field.counter.text() == f"{len(before) + 1}/{field.limit.maximum}"
        msg = window.session.current()
        assert msg is not None
        assert window.session.issues() == check(msg)
        shown = set(window.issues_panel.paths())
        assert {i.path for i in window.session.issues()} <= shown


def test_a_key_that_changes_nothing_gives_no_session_change(
    window: MainWindow, qtbot: QtBot
) -> None:
    _pick(window, "button")
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    changes: list[object] = []
    window.session.changed.connect(lambda msg, issues: changes.append(msg))
    qtbot.keyClick(editor.parts.footer.editor, Qt.Key.Key_Left)  # caret move only
    assert changes == []


def test_counter_turns_amber_then_red_and_the_issue_marks_the_field(
    window: MainWindow, qtbot: QtBot
) -> None:
    title = _first_button_title(window)
    maximum = limits.BUTTON_TITLE.maximum
    qtbot.keyClicks(title.editor, "a" * (maximum - 1))
    assert title.counter.property("level") == "near"
    assert not any(i.rule == "button.title_len" for i in window.session.issues())
    qtbot.keyClicks(title.editor, "bc")
    assert title.counter.text() == f"{maximum + 1}/{maximum}"
    assert title.counter.property("level") == "over"
    issues = [i for i in window.session.issues() if i.rule == "button.title_len"]
    assert [i.path for i in issues] == ["interactive.action.buttons[0].reply.title"]
    assert title.issue_line.isVisibleTo(window)
    assert title.issue_line.text() == issues[0].message
    assert title.editor.property("issue") == "error"
    assert not window.send_bar.button.isEnabled()
    qtbot.keyClick(title.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(title.editor, Qt.Key.Key_Backspace)
    assert title.counter.property("level") == "near"
    assert not title.issue_line.isVisibleTo(window)


def test_an_issue_line_can_be_selected_with_the_mouse_and_a_new_text_drops_the_selection(
    window: MainWindow, qtbot: QtBot
) -> None:
    title = _first_button_title(window)
    qtbot.keyClicks(title.editor, "a" * (limits.BUTTON_TITLE.maximum + 1))
    line = title.issue_line
    assert line.isVisibleTo(window) and not line.hasSelectedText()
    assert line.cursor().shape() == Qt.CursorShape.IBeamCursor  # it looks selectable
    qtbot.mouseDClick(line, Qt.MouseButton.LeftButton, pos=line.rect().topLeft() + QPoint(4, 6))
    assert line.hasSelectedText() and line.selectedText() in line.text()
    qtbot.keyClick(title.editor, "b")  # one more character: a new count in the message
    assert not line.hasSelectedText()
    assert line.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    assert str(limits.BUTTON_TITLE.maximum + 2) in line.text()


def test_non_ascii_counts_code_points(window: MainWindow, qtbot: QtBot) -> None:
    _pick(window, "button")
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    footer = editor.parts.footer
    assert footer is not None
    from PySide6.QtTest import QTest

    for ch in "Olá 👍":
        QTest.sendKeyEvent(
            QTest.KeyAction.Click,
            footer.editor,
            Qt.Key.Key_unknown,
            ch,
            Qt.KeyboardModifier.NoModifier,
        )
    assert footer.text() == "Olá 👍"
    assert footer.counter.text() == f"5/{limits.FOOTER_TEXT.maximum}"


def test_warnings_look_different_from_errors(window: MainWindow, qtbot: QtBot) -> None:
    _pick(window, "list")
    section = window.form.editor().sections.items()[0]  # type: ignore[attr-defined]
    # one section without a title: a warning (list.section_title_required), not an error
    warning = [i for i in window.session.issues() if i.path.endswith("sections[0].title")]
    assert warning and all(str(i.severity) == "warning" for i in warning)
    assert section.title.editor.property("issue") == "warning"
    assert section.title.issue_line.property("level") == "warning"
    body = window.form.editor().parts.body  # type: ignore[attr-defined]
    assert body.editor.property("issue") == "error"


def test_clicking_an_issue_focuses_its_field(window: MainWindow, qtbot: QtBot) -> None:
    _pick(window, "button")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=15_000)
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    paths = window.issues_panel.paths()
    row = paths.index("interactive.action.buttons[0].reply.id")
    window.tabs.setCurrentWidget(window.issues_panel)
    qtbot.mouseClick(window.issues_panel.rows[row].message, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: editor.buttons.items()[0].id.editor.hasFocus(), timeout=2000)
