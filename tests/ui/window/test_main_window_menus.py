"""The menu bar: the standard commands with their shortcuts, each defined once; Edit acts on the
focused field; View switches panes; Validate shows the first issue; Help lists every shortcut
and the versions; Export JSON writes the POST body; New empties the editor."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from ui.services import Services
from ui.window.help_dialogs import ShortcutsDialog, about_text, version_of
from ui.window.main_window import MainWindow

MENUS = {
    "File": ["New message", "Open draft…", "Save draft", "Import JSON…", "Export JSON…",
             "Save preview as PNG…", "Save rehearsal…", "Settings…", "Quit"],
    "Edit": ["Undo", "Redo", "Cut", "Copy", "Paste", "Select all"],
    "View": ["Issues", "JSON", "Webhook", "History", "Phone preview", "Side panel",
             "Reset layout", "Appearance", "Rehearse a bot"],
    "Message": ["Send", "Validate", "Load example"],
    "Help": ["Keyboard shortcuts", "About WA Composer"],
}  # fmt: skip


def _texts(window: MainWindow, menu: str) -> list[str]:
    return [
        a.text().replace("&", "") for a in window.menus.menus[menu].actions() if not a.isSeparator()
    ]


def test_the_menus_hold_the_standard_commands(window: MainWindow) -> None:
    assert [m.title().replace("&", "") for m in window.menus.menus.values()] == list(MENUS)
    for menu, texts in MENUS.items():
        assert _texts(window, menu) == texts
    keys = window.actions_by_name
    assert keys["save_draft"].shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert QKeySequence("Ctrl+I") in keys["import_json"].shortcuts()
    assert QKeySequence("Ctrl+Return") in keys["send"].shortcuts()
    assert QKeySequence("Ctrl+Enter") in keys["send"].shortcuts()
    assert keys["quit"].shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert keys["undo"].shortcuts() == QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)


def test_no_shortcut_is_defined_twice(window: MainWindow) -> None:
    assert window.findChildren(QShortcut) == []  # they all moved onto the menu actions
    bound = Counter(
        seq.toString()
        for action in window.findChildren(QAction)
        for seq in action.shortcuts()
        if action.isEnabled()
    )
    assert [k for k, n in bound.items() if n > 1] == []
    assert len(bound) >= 20


def test_the_preview_brings_save_png_and_export_json_into_the_file_menu(
    window: MainWindow,
) -> None:
    png, export = window.actions_by_name["save_preview_png"], window.actions_by_name["export_json"]
    assert png is window.preview_tools.save_png_action and png.isEnabled()
    assert export is window.preview_tools.save_json_action
    file_menu = window.menus.menus["File"].actions()
    assert png in file_menu and export in file_menu
    assert _texts(window, "File") == MENUS["File"]
    appearance = [a.text() for a in window.menus.appearance.actions() if a.text()]
    assert {"Android", "iOS", "Web", "Light", "Dark"} <= set(appearance)
    mine = QAction("Save preview as PNG…", window)
    window.menus.adopt("save_preview_png", mine)
    assert window.actions_by_name["save_preview_png"] is mine
    assert mine in window.menus.menus["File"].actions() and png not in window.actions()


def test_edit_acts_on_the_focused_field(
    window: MainWindow, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    assert window.load_payload(examples["catalog_message"]) is None
    footer = window.form.editor().parts.footer  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=15_000)
    footer.editor.setFocus()
    qtbot.waitUntil(footer.editor.hasFocus, timeout=2000)
    before = footer.text()
    window.actions_by_name["select_all"].trigger()
    window.actions_by_name["copy"].trigger()
    assert QGuiApplication.clipboard().text() == before
    footer.editor.end(False)
    window.actions_by_name["paste"].trigger()
    assert footer.text() == before + before
    window.actions_by_name["undo"].trigger()
    assert footer.text() == before
    window.actions_by_name["redo"].trigger()
    assert footer.text() == before + before


def test_view_commands_switch_tabs_and_panes(window: MainWindow) -> None:
    names = {"show_issues": "Issues", "show_json": "JSON", "show_webhook": "Webhook",
             "show_history": "History"}  # fmt: skip
    for action, tab in names.items():
        window.actions_by_name[action].trigger()
        assert window.tabs.tabText(window.tabs.currentIndex()).startswith(tab)
    side = window.actions_by_name["toggle_side"]
    side.trigger()
    assert not side.isChecked() and not window.tabs.isVisibleTo(window)
    window.actions_by_name["show_json"].trigger()  # showing a tab brings the panel back
    assert side.isChecked() and window.tabs.isVisibleTo(window)
    window.actions_by_name["toggle_preview"].trigger()
    assert not window.preview_box.isVisibleTo(window)
    window.actions_by_name["reset_layout"].trigger()
    assert window.preview_box.isVisibleTo(window)


def test_validate_focuses_the_first_issue(window: MainWindow, qtbot: QtBot) -> None:
    window.type_combo.setCurrentIndex(window.type_combo.findData("button"))  # empty: errors
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=15_000)
    window.actions_by_name["show_json"].trigger()
    window.actions_by_name["validate"].trigger()
    assert window.tabs.currentWidget() is window.issues_panel
    first = window.issues_panel.rows[0]
    qtbot.waitUntil(first.hasFocus, timeout=2000)
    qtbot.keyClick(first, Qt.Key.Key_Return)  # and Enter takes you to its field
    field = window.form.field_for(first.path)
    assert field is not None


def test_export_json_writes_the_post_body(
    window: MainWindow, tmp_path: Path, examples: dict[str, Any]
) -> None:
    assert window.load_payload(examples["catalog_message"]) is None
    target = tmp_path / "out.json"
    assert window.dialogs.export_json(str(target)) == str(target)
    current = window.session.current()
    assert current is not None
    assert json.loads(target.read_text(encoding="utf-8")) == to_payload(current)
    assert window.send_bar.result() == ("ok", f"JSON exported to {target}")
    assert window.dialogs.export_json(str(tmp_path / "missing" / "x.json")) is None
    result = window.send_bar.result()
    assert result is not None and result[0] == "error"


def test_new_message_empties_the_editor_after_asking(
    qtbot: QtBot, services: Services, examples: dict[str, Any]
) -> None:
    from tests.ui.conftest import open_window

    answers: list[bool] = [False, True]
    asked: list[str] = []
    services.confirm = lambda q: (asked.append(q), answers.pop(0))[1]
    window = open_window(qtbot, services)
    payload = dict(examples["reply_buttons_text_header"])
    assert window.load_payload(payload) is None
    window.form.editor().parts.body.editor.setPlainText("My own words")  # type: ignore[attr-defined]
    window.actions_by_name["new"].trigger()
    kept = window.session.current()
    assert len(asked) == 1 and kept is not None
    assert to_payload(kept)["interactive"]["body"]["text"] == "My own words"  # not replaced
    window.actions_by_name["new"].trigger()
    current = window.session.current()
    assert current is not None and current.content.kind == "button"
    assert window.form.editor().parts.body.text() == ""  # type: ignore[attr-defined]
    assert current.to == payload["to"]  # the recipient is kept
    assert window.draft_keeper.draft_name is None


def test_the_shortcuts_dialog_lists_every_action_with_keys(window: MainWindow) -> None:
    rows = window.menus.shortcuts()
    dialog = ShortcutsDialog(rows, window)
    listed = {(menu, command) for menu, command, _keys in dialog.rows()}
    for action in window.actions_by_name.values():
        if action.shortcuts():
            assert any(command == action.text().replace("&", "") for _m, command in listed)
    assert ("Message", "Send", "Ctrl+Return, Ctrl+Enter") in rows
    assert ("File", "Save draft", "Ctrl+S") in rows
    dialog.close()


def test_about_names_the_versions() -> None:
    import platform

    import PySide6
    from PySide6.QtCore import qVersion

    text = about_text()
    for part in (
        f"WA Composer {version_of('wa-composer')}",
        f"Python {platform.python_version()}",
        f"Qt {qVersion()}",
        f"PySide6 {PySide6.__version__}",
        f"msgspec {version_of('msgspec')}",
        f"httpx {version_of('httpx')}",
    ):
        assert part in text
    assert version_of("wa-composer")[0].isdigit()
    assert version_of("no-such-distribution-here") == "not installed"
