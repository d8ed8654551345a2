"""Import JSON: paste a Graph payload (or open a .json file); a clear message when it can't be
used, and the editors stay unchanged."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from ui import look

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


class ImportDialog(QDialog):
    """Paste or open a payload; ``import_text(text)`` loads it and returns a problem or None."""

    def __init__(
        self, import_text: Callable[[str], str | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._import_text = import_text
        self.setWindowTitle("Import JSON")
        self.resize(620, 480)
        intro = QLabel("Paste a WhatsApp Cloud API message payload (the POST /messages body).")
        self.text = QPlainTextEdit()
        self.text.setAccessibleName("JSON to import")
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.error = QLabel()
        look.name(self.error, "issueLine")
        self.error.setProperty("level", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("Import")
        self.import_button.setDefault(True)
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        open_file = QPushButton("Open file…")
        buttons.addButton(open_file, QDialogButtonBox.ButtonRole.ActionRole)
        open_file.clicked.connect(self._open_file)
        buttons.accepted.connect(self.try_import)
        buttons.rejected.connect(self.reject)
        clipboard = QGuiApplication.clipboard().text().strip()
        if clipboard.startswith("{"):  # Ctrl+Shift+V: what was just copied is the likely payload
            self.text.setPlainText(clipboard)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _open_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Open a JSON payload", "", "JSON (*.json);;All files (*)"
        )
        if path:
            try:
                self.text.setPlainText(Path(path).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                self._show(f"The file could not be read: {exc}")

    def try_import(self) -> None:
        problem = self._import_text(self.text.toPlainText())
        if problem is None:
            self.accept()
        else:
            self._show(problem)

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
