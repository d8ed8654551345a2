"""The drafts library dialog over the real store: open, save as, rename, duplicate, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from composer.payload import to_payload
from ui.panels.dialogs.drafts_dialog import DraftsDialog
from ui.services import Services
from ui.window.main_window import MainWindow


def _answer_modal(action: Callable[[object], None]) -> list[str]:
    """Run ``action`` on the next modal dialog (QInputDialog / QMessageBox) once it is open."""
    seen: list[str] = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(type(modal).__name__)
        action(modal)

    QTimer.singleShot(20, poll)
    return seen


def _type_name(text: str) -> Callable[[object], None]:
    def act(modal: object) -> None:
        assert isinstance(modal, QInputDialog)
        modal.setTextValue(text)
        modal.accept()

    return act


def _yes(modal: object) -> None:
    assert isinstance(modal, QMessageBox)
    button = modal.button(QMessageBox.StandardButton.Yes)
    assert button is not None
    button.click()


def test_library_actions(
    window: MainWindow, services: Services, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    assert window.load_payload(examples["product_single"]) is None
    dialog = DraftsDialog(window.draft_keeper, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert dialog.status.text().startswith("No saved drafts yet")
    assert not dialog.action_buttons["Open"].isEnabled()

    seen = _answer_modal(_type_name("Jacket promo"))
    dialog.save_as()
    assert seen == ["QInputDialog"]
    assert [d.name for d in services.drafts.library()] == ["Jacket promo"]
    assert dialog.selected() == "Jacket promo"
    assert dialog.status.text() == ""  # "No saved drafts yet" is gone once one is saved

    dialog.duplicate()
    assert {d.name for d in services.drafts.library()} == {"Jacket promo", "Jacket promo copy"}

    dialog.refresh("Jacket promo copy")
    _answer_modal(_type_name("Jacket v2"))
    dialog.rename()
    assert {d.name for d in services.drafts.library()} == {"Jacket promo", "Jacket v2"}

    dialog.refresh("Jacket v2")
    _answer_modal(_yes)
    dialog.delete()
    assert [d.name for d in services.drafts.library()] == ["Jacket promo"]

    assert window.load_payload(examples["location_request"]) is None
    dialog.refresh("Jacket promo")
    dialog.open_selected()
    current = window.session.current()
    assert current is not None and to_payload(current) == examples["product_single"]


def test_bad_name_is_explained(window: MainWindow, services: Services, qtbot: QtBot) -> None:
    dialog = DraftsDialog(window.draft_keeper, window)
    qtbot.addWidget(dialog)
    texts: list[str] = []

    def read_warning(modal: object) -> None:
        assert isinstance(modal, QMessageBox)
        texts.append(modal.text())
        modal.accept()

    _answer_modal(_type_name("../escape"))
    QTimer.singleShot(300, lambda: _answer_modal(read_warning))
    dialog.save_as()
    qtbot.waitUntil(lambda: bool(texts), timeout=3000)
    assert "draft name" in texts[0]
    assert services.drafts.library() == []


def test_open_asks_before_replacing_unsaved_work_and_stays_open_on_no(
    window: MainWindow, services: Services, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    services.drafts.save_as(
        "shipping", {"kind": "list", "payload": examples["list_single_section"]}
    )
    assert window.load_payload(examples["reply_buttons_image_header_by_media_id"]) is None
    mine = window.session.current()
    dialog = DraftsDialog(window.draft_keeper, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_row(0)

    def no(modal: object) -> None:
        assert isinstance(modal, QMessageBox)
        button = modal.button(QMessageBox.StandardButton.No)
        assert button is not None
        button.click()

    seen = _answer_modal(no)
    dialog.open_selected()
    assert seen == ["QMessageBox"]
    assert window.session.current() == mine
    assert dialog.isVisible()  # the library stays open

    seen = _answer_modal(_yes)
    dialog.open_selected()
    assert seen == ["QMessageBox"]
    current = window.session.current()
    assert current is not None and to_payload(current) == examples["list_single_section"]
    assert not dialog.isVisible()


def test_the_dialog_reads_one_page_of_the_index_and_searches(
    window: MainWindow, services: Services, qtbot: QtBot, monkeypatch: Any
) -> None:
    from composer.storage.drafts import PAGE_DRAFTS

    store = services.drafts
    for n in range(PAGE_DRAFTS + 30):
        kind, body = ("list", "Pick a slot") if n % 2 else ("button", f"Reserve table {n}")
        payload = {"type": "interactive", "interactive": {"type": kind, "body": {"text": body}}}
        store.save_as(f"draft {n:03d}", {"kind": kind, "payload": payload})
    store.library_page()  # the index is in step
    monkeypatch.setattr(store, "_read", lambda *a: (_ for _ in ()).throw(AssertionError(a)))
    dialog = DraftsDialog(window.draft_keeper, window)  # no draft file is read to open it
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == PAGE_DRAFTS  # one page; the view fetches more on scroll
    assert dialog.selected() == f"draft {PAGE_DRAFTS + 29:03d}"  # the newest first
    first = dialog.model.index(0, 0).data()
    assert first.startswith(f"draft {PAGE_DRAFTS + 29:03d}\nList · saved ")
    assert first.endswith("Pick a slot")
    dialog.list.scrollToBottom()
    QApplication.processEvents()
    assert dialog.model.rowCount() == PAGE_DRAFTS + 30
    qtbot.keyClicks(dialog.search, "table 12")
    assert [dialog.model.name(i) for i in range(dialog.model.rowCount())] == [
        "draft 128", "draft 126", "draft 124", "draft 122", "draft 120", "draft 012",
    ]  # fmt: skip
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "reply buttons")  # the kind's title
    assert dialog.model.rowCount() == (PAGE_DRAFTS + 30) // 2
    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "no such thing")
    assert dialog.model.rowCount() == 0 and "No draft matches" in dialog.status.text()
    assert not dialog.action_buttons["Open"].isEnabled()
