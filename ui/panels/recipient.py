"""Recipient: a phone number or business-scoped user id (``US.134...``, sent as ``recipient``)
field that offers the sandbox's demo contacts when the sandbox profile is active, with the
24-hour window countdown beside it (when available)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QVBoxLayout, QWidget

from ui.editors.fields import LABEL_WIDTH, FieldRow


class RecipientField(FieldRow):
    """Editable combo: type any number or BSUID, or pick a demo contact (the item data is the
    number or BSUID it addresses)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setMinimumWidth(180)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        line = self.combo.lineEdit()
        assert line is not None  # editable combo
        line.setPlaceholderText("+16505550123, or a user id such as US.13491208655302741918")
        line.textEdited.connect(lambda _t: self.changed.emit())
        self.combo.activated.connect(self._picked)
        super().__init__("To", self.combo, parent)
        self.combo.setAccessibleName("Recipient phone number or business-scoped user id")
        self.label.setFixedWidth(LABEL_WIDTH)

    def _picked(self, index: int) -> None:
        number = self.combo.itemData(index)
        if isinstance(number, str):
            with QSignalBlocker(self.combo):
                self.combo.setEditText(number)
        self.changed.emit()

    def set_contacts(self, contacts: Sequence[tuple[str, str]]) -> None:
        """(number, label) pairs offered in the drop-down; the typed text is kept."""
        text = self.number()
        with QSignalBlocker(self.combo):
            self.combo.clear()
            for number, label in contacts:
                self.combo.addItem(label, number)
            self.combo.setEditText(text)

    def number(self) -> str:
        return self.combo.currentText().strip()

    def set_number(self, number: str) -> None:
        with QSignalBlocker(self.combo):
            self.combo.setEditText(number)


class RecipientPanel(QWidget):
    """The "To" row with the window countdown right under the number (aligned with it): side by
    side they would not fit the editor column once the countdown shows its manual-entry row."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = RecipientField()
        self.field.changed.connect(self.changed)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(4)
        column.addWidget(self.field)
        self._under = QHBoxLayout()
        self._under.setContentsMargins(LABEL_WIDTH + 8, 0, 0, 0)
        column.addLayout(self._under)
        self.countdown: QWidget | None = None

    def mount_countdown(self, widget: QWidget) -> None:
        self.countdown = widget
        self._under.addWidget(widget, 1)
