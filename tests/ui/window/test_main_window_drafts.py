"""Drafts in the window: throttled autosave, restore on start, no edit signal while loading."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from tests.ui.conftest import open_window
from ui.editors.base import Editor
from ui.editors.reply_buttons import ReplyButtonsEditor
from ui.services import Services
from ui.window.main_window import AUTOSAVE_MS, MainWindow


def test_autosave_is_throttled_and_restored_on_start(services: Services, qtbot: QtBot) -> None:
    window = open_window(qtbot, services, autosave=True)
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    writes: list[object] = []
    original = services.drafts.save_current

    def counting(data: dict[str, object]) -> None:
        writes.append(data)
        original(data)

    services.drafts.save_current = counting  # type: ignore[method-assign]
    body = editor.parts.body
    assert body is not None
    qtbot.keyClicks(body.editor, "Hello there")  # 11 changes in well under 500 ms
    assert len(writes) <= 1
    qtbot.waitUntil(lambda: len(writes) >= 1, timeout=AUTOSAVE_MS * 4)
    qtbot.wait(AUTOSAVE_MS + 100)
    stored = services.drafts.load_current()
    assert stored is not None
    assert stored["payload"]["interactive"]["body"]["text"] == "Hello there"
    assert len(writes) <= 2

    window.close()
    again = open_window(qtbot, services)
    current = again.session.current()
    assert current is not None
    assert current.content.body == "Hello there"


def test_loading_a_draft_emits_no_edit(
    window: MainWindow, services: Services, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    payload = examples["list_single_section"]
    services.drafts.save_as("shipping", {"kind": "list", "payload": payload})
    edits: list[object] = []
    changes: list[object] = []
    window.form.editor("list")  # exists before the load, so its signal is watched
    for editor in window.form.findChildren(Editor):
        editor.edited.connect(edits.append)
    window.form.edited.connect(edits.append)
    window.session.changed.connect(lambda m, i: changes.append(m))
    assert window.draft_keeper.open("shipping") is None
    QApplication.processEvents()
    assert edits == []
    assert len(changes) == 1
    current = window.session.current()
    assert current is not None and to_payload(current) == payload
    assert window.type_combo.currentData() == "list"


def test_load_twice_is_one_change(
    window: MainWindow, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    payload = examples["cta_url_text_header"]
    changes: list[object] = []
    window.session.changed.connect(lambda m, i: changes.append(m))
    assert window.load_payload(payload) is None
    assert window.load_payload(payload) is None
    assert len(changes) == 1


def test_save_as_and_open_from_library(
    window: MainWindow, services: Services, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    assert window.load_payload(examples["reaction_add"]) is None
    window.draft_keeper.save_as("Thumbs up")
    assert [d.name for d in services.drafts.library()] == ["Thumbs up"]
    assert window.load_payload(examples["location_request"]) is None
    assert window.draft_keeper.open("Thumbs up") is None
    current = window.session.current()
    assert current is not None and to_payload(current) == examples["reaction_add"]


def test_the_autosave_writes_off_the_ui_thread_and_close_waits_for_it(
    services: Services, qtbot: QtBot
) -> None:
    """The timer's autosave hands its snapshot to a worker: the key that fires it does not wait
    for the disk; closing the window waits for that write and then writes the last state."""
    import threading

    window = open_window(qtbot, services, autosave=True)
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)
    release = threading.Event()
    threads: list[str] = []
    texts: list[str] = []
    original = services.drafts.save_current

    def slow(data: dict[str, Any]) -> None:
        threads.append(threading.current_thread().name)
        release.wait(5)  # a disk that takes its time
        texts.append(data["payload"]["interactive"]["body"]["text"])
        original(data)

    services.drafts.save_current = slow  # type: ignore[method-assign]
    body = editor.parts.body
    assert body is not None
    qtbot.keyClicks(body.editor, "First")
    qtbot.waitUntil(lambda: len(threads) == 1, timeout=AUTOSAVE_MS * 4)  # the write has begun
    assert threads[0] != threading.current_thread().name, "not on the UI thread"
    qtbot.keyClicks(body.editor, " and more")  # the window answers while the write waits
    assert window.session.current() is not None
    assert window.session.current().content.body == "First and more"
    release.set()
    window.close()  # waits for the write in flight, then saves the last state itself
    assert texts[0] == "First" and texts[-1] == "First and more"
    assert threads[-1] == threading.current_thread().name
    stored = services.drafts.load_current()
    assert stored is not None
    assert stored["payload"]["interactive"]["body"]["text"] == "First and more"


def test_a_failed_background_autosave_is_reported_in_the_window(
    services: Services, qtbot: QtBot
) -> None:
    from composer.storage.drafts import DraftError

    window = open_window(qtbot, services, autosave=True)
    editor = window.form.editor()
    assert isinstance(editor, ReplyButtonsEditor)

    def broken(data: dict[str, Any]) -> None:
        raise DraftError("Could not save the draft 'current': No space left on device")

    import threading

    services.drafts.save_current = broken  # type: ignore[method-assign]
    reported_on: list[str] = []
    report = window.draft_keeper._report

    def on_ui_thread(level: str, text: str) -> None:
        reported_on.append(threading.current_thread().name)
        report(level, text)

    window.draft_keeper._report = on_ui_thread
    body = editor.parts.body
    assert body is not None
    qtbot.keyClicks(body.editor, "Hello")
    qtbot.waitUntil(lambda: window.send_bar.result() is not None, timeout=AUTOSAVE_MS * 4)
    level, text = window.send_bar.result() or ("", "")
    assert level == "warning" and "No space left on device" in text
    assert reported_on == [threading.current_thread().name]
