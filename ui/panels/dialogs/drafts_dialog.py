"""The drafts library: open, save the current message as, rename, duplicate, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from composer.kinds.catalogue import title
from composer.storage.drafts import DraftError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.window.draft_keeper import DraftKeeper


class DraftsDialog(QDialog):
    """The library of ``keeper``'s store; opening a draft goes through ``keeper`` (it asks before
    replacing unsaved work)."""

    def __init__(self, keeper: DraftKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.store = keeper.store
        self.setWindowTitle("Drafts")
        self.resize(560, 400)
        self.list = QListWidget()
        self.list.setAccessibleName("Saved drafts")
        self.list.itemDoubleClicked.connect(lambda _i: self.open_selected())
        self.status = QLabel()
        self.status.setObjectName("hint")
        buttons = QVBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
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
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.status)
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        self.list.clear()
        for info in self.store.library():
            when = info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(f"{info.name}\n{title(info.kind)} · saved {when}")
            item.setData(Qt.ItemDataRole.UserRole, info.name)
            self.list.addItem(item)
            if info.name == select:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        has = self.list.count() > 0
        for key in ("Open", "Rename…", "Duplicate", "Delete"):
            self.action_buttons[key].setEnabled(has)
        if not has:
            self.status.setText("No saved drafts yet. Ctrl+S saves the current message.")

    def selected(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

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
