"""The small dialog a form tap opens in the preview: WhatsApp's address form or a Flow's answer.

It shows a ``ReplyForm`` (``ui.preview.taps``): labelled fields prefilled from the message, with
its saved addresses to pick from, or one JSON box checked by the core before it is accepted.
Submitting emits the form's submit tap (``submitted``); the phone view performs it like a click.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui import look
from ui.preview.taps import ReplyForm
from ui.restyle import set_style_property

NEW_ADDRESS = "New address"


class ReplyFormDialog(QDialog):
    """One form; ``submit()`` is what the Submit button does (tests press it too)."""

    submitted = Signal(tuple)

    def __init__(self, form: ReplyForm, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = form
        self.setWindowTitle(form.title)
        self.setObjectName("replyForm")
        self.setMinimumWidth(480)
        box = QVBoxLayout(self)
        if form.note:
            note = QLabel(form.note)
            note.setWordWrap(True)
            look.name(note, "hint")
            box.addWidget(note)
        self.inputs: dict[str, QLineEdit] = {}
        self.preset = QComboBox()
        self.json_box: QPlainTextEdit | None = None
        if form.json_text is not None:
            self.json_box = QPlainTextEdit(form.json_text)
            self.json_box.setTabChangesFocus(True)
            self.json_box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
            self.json_box.setAccessibleName("Response JSON")
            self.json_box.setMinimumSize(420, 180)
            box.addWidget(self.json_box)
        else:
            box.addLayout(self._field_rows(form))
        self.problem = QLabel("")
        look.name(self.problem, "issueLine")
        set_style_property(self.problem, "level", "error")
        self.problem.setWordWrap(True)
        self.problem.hide()
        box.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = buttons.addButton("Submit", QDialogButtonBox.ButtonRole.AcceptRole)
        self.submit_button.setDefault(True)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def _field_rows(self, form: ReplyForm) -> QFormLayout:
        rows = QFormLayout()
        if form.presets:
            for preset_id, _ in form.presets:
                self.preset.addItem(f"Saved: {preset_id}", preset_id)
            self.preset.addItem(NEW_ADDRESS, None)
            self.preset.setAccessibleName("Saved address")
            self.preset.currentIndexChanged.connect(self._fill)
            rows.addRow("Saved address", self.preset)
        for key, label in form.fields:
            edit = QLineEdit()
            edit.setAccessibleName(label)
            edit.setPlaceholderText(key)
            self.inputs[key] = edit
            rows.addRow(label, edit)
        self._fill()
        return rows

    def _fill(self) -> None:
        """The chosen saved address's values, or the message's prefilled ones (new address)."""
        at = self.preset.currentIndex() if self.form.presets else -1
        presets = self.form.presets
        values = dict(presets[at][1]) if 0 <= at < len(presets) else dict(self.form.values)
        for key, edit in self.inputs.items():
            edit.setText(values.get(key, ""))
            edit.setCursorPosition(0)  # show the start of a long value

    def values(self) -> dict[str, str]:
        return {key: edit.text().strip() for key, edit in self.inputs.items()}

    def action(self) -> tuple[Any, ...]:
        """The submit tap as it stands: ``(submit, text)`` or ``(submit, values, preset id)``."""
        if self.json_box is not None:
            return (self.form.submit, self.json_box.toPlainText())
        chosen = self.preset.currentData() if self.form.presets else None
        return (self.form.submit, self.values(), chosen)

    def submit(self) -> bool:
        """Send the form unless the core finds a problem (shown under the box); True if sent."""
        action = self.action()
        check = self.form.check
        problem = check(action[1]) if check is not None and isinstance(action[1], str) else None
        if problem is not None:
            self.problem.setText(problem)
            self.problem.show()
            return False
        self.problem.hide()
        self.accept()
        self.submitted.emit(action)
        return True
