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
    assert dialog.list.count() == 0
    assert not dialog.action_buttons["Open"].isEnabled()

    seen = _answer_modal(_type_name("Jacket promo"))
    dialog.save_as()
    assert seen == ["QInputDialog"]
    assert [d.name for d in services.drafts.library()] == ["Jacket promo"]
    assert dialog.selected() == "Jacket promo"

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
    dialog.list.setCurrentRow(0)

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
