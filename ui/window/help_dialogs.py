"""Help: the keyboard shortcuts (generated from the menu's actions) and About (with versions).

The versions are read where they are true: the app's own name, version and icon as set on
QApplication (``ui.app.make_app``, the same in a wheel and a bundle), the installed distributions'
metadata, the running Python and the Qt library PySide6 runs on, so a bug report can quote them.
"""

from __future__ import annotations

import platform
from collections.abc import Sequence
from importlib import metadata

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.identity import APP_NAME

DISTRIBUTION = "wa-composer"
LIBRARIES = ("PySide6-Essentials", "msgspec", "httpx")
TYPING_KEYS = (
    ("Editing", "Next / previous field", "Tab, Shift+Tab"),
    ("Editing", "Go to an issue's field", "Enter on the issue"),
)


def version_of(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "not installed"


def versions() -> list[tuple[str, str]]:
    """(name, version) of the app, Python, Qt, PySide6 and the libraries that do the work."""
    import PySide6
    from PySide6.QtCore import qVersion

    out = [
        (APP_NAME, QApplication.applicationVersion() or version_of(DISTRIBUTION)),
        ("Python", f"{platform.python_version()} ({platform.python_implementation()})"),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
    ]
    out += [(name, version_of(name)) for name in LIBRARIES[1:]]
    return out


def about_text() -> str:
    lines = [f"{name} {version}" for name, version in versions()]
    return (
        "Compose, preview, validate and send WhatsApp Business Cloud API interactive "
        "messages.\n\n" + "\n".join(lines)
    )


def about_box(parent: QWidget) -> QMessageBox:
    """The About box: the application's icon, name and version first, then the libraries."""
    box = QMessageBox(parent)
    box.setWindowTitle(f"About {APP_NAME}")
    box.setText(about_text())
    box.setIconPixmap(QApplication.windowIcon().pixmap(64, 64))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_about(parent: QWidget) -> None:
    about_box(parent).exec()


class ShortcutsDialog(QDialog):
    """Every shortcut of the menus (and Tab), as a table: menu, command, keys."""

    def __init__(self, rows: Sequence[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 480)
        every = [*rows, *TYPING_KEYS]
        self.table = QTableWidget(len(every), 3)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Menu", "Command", "Keys"])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the Close button
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, values in enumerate(every):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Shortcuts work from anywhere in the window."))
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c) for c in range(3)]
            out.append(tuple(c.text() if c is not None else "" for c in cells))
        return out  # type: ignore[return-value]
