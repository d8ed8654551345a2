"""The drafts library: search, open, save the current message as, rename, duplicate, delete.

A list view over the store's index (``drafts_model``): opening reads one page, not every draft.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from composer.storage.drafts import DraftError
from ui import look
from ui.panels.dialogs.drafts_model import DraftsModel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.window.draft_keeper import DraftKeeper

EMPTY_TEXT = "No saved drafts yet. Ctrl+S saves the current message."


class DraftsDialog(QDialog):
    """The library of ``keeper``'s store; opening a draft goes through ``keeper`` (it asks before
    replacing unsaved work)."""

    def __init__(self, keeper: DraftKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.store = keeper.store
        self.setWindowTitle("Drafts")
        self.resize(560, 400)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search name, type or text")
        self.search.setAccessibleName("Search the drafts")
        self.search.setClearButtonEnabled(True)
        self.model = DraftsModel(self.store)
        self.list = QListView()
        self.list.setAccessibleName("Saved drafts")
        self.list.setUniformItemSizes(True)  # no measuring of every row
        self.list.setSpacing(2)
        # Long texts are elided at the pane's edge, not scrolled sideways.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.doubleClicked.connect(lambda _i: self.open_selected())
        self.status = QLabel()
        look.name(self.status, "hint")
        self.action_buttons: dict[str, QPushButton] = {}
        self._lay_out()
        self.search.textChanged.connect(lambda _t: self.refresh(self.selected()))
        self.refresh()

    def _lay_out(self) -> None:
        buttons = QVBoxLayout()
        for label, slot in (
            ("Open", self.open_selected),
            ("Save current as…", self.save_as),
            ("Rename…", self.rename),
            ("Duplicate", self.duplicate),
            ("Delete", self.delete),
        ):
            b = QPushButton(label)
            b.clicked.connect(slot)
            buttons.addWidget(b)
            self.action_buttons[label] = b
        buttons.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        column = QVBoxLayout()
        column.addWidget(self.search)
        column.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addLayout(column, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)

    def refresh(self, select: str | None = None) -> None:
        """Read the first page again (the index follows the files), selecting ``select``."""
        self.model.search(self.search.text())
        row = self.model.row_of(select) if select is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.select_row(row)
        has = self.model.rowCount() > 0
        for key in ("Open", "Rename…", "Duplicate", "Delete"):
            self.action_buttons[key].setEnabled(has)
        if has:
            self.status.setText("")
        elif self.model.searching():
            self.status.setText(f"No draft matches “{self.search.text().strip()}”.")
        else:
            self.status.setText(EMPTY_TEXT)

    def select_row(self, row: int) -> None:
        self.list.setCurrentIndex(self.model.index(row, 0))

    def selected(self) -> str | None:
        current = self.list.currentIndex()
        return self.model.name(current.row()) if current.isValid() else None

    def _fail(self, exc: Exception) -> None:
        QMessageBox.warning(self, "Drafts", str(exc))

    def open_selected(self) -> None:
        name = self.selected()
        if name is None:
            return
        if not self.keeper.may_replace(f"the draft {name!r}"):
            return  # the user keeps the message; the library stays open
        try:
            problem = self.keeper.open(name, ask=False)
        except DraftError as exc:
            self._fail(exc)
            self.refresh()
            return
        if problem:
            QMessageBox.warning(self, "Drafts", problem)
        else:
            self.accept()

    def save_as(self) -> None:
        name, ok = QInputDialog.getText(self, "Save draft as", "Draft name:")
        if not ok:
            return
        try:
            if self.store.exists(name.strip()):
                raise DraftError(f"A draft named {name.strip()!r} already exists.")
            saved = self.keeper.save_as(name)
        except (DraftError, ValueError) as exc:
            self._fail(exc)
            return
        self.refresh(saved)

    def rename(self) -> None:
        old = self.selected()
        if old is None:
            return
        new, ok = QInputDialog.getText(self, "Rename draft", "New name:", text=old)
        if not ok:
            return
        try:
            self.refresh(self.store.rename(old, new))
        except DraftError as exc:
            self._fail(exc)

    def duplicate(self) -> None:
        name = self.selected()
        if name is not None:
            try:
                self.refresh(self.store.duplicate(name))
            except DraftError as exc:
                self._fail(exc)

    def delete(self) -> None:
        name = self.selected()
        if name is None:
            return
        answer = QMessageBox.question(self, "Delete draft", f"Delete the draft {name!r}?")
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.store.delete(name)
            except DraftError as exc:
                self._fail(exc)
            self.refresh()
