"""A template's LOCATION header: latitude, longitude and the optional name and address."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QWidget

from ui.editors.fields import FieldRow

_PARTS = (
    ("latitude", "Latitude", "37.483307"),
    ("longitude", "Longitude", "-122.148981"),
    ("name", "Place name (optional)", "Pablo Morales"),
    ("address", "Address (optional)", "1 Hacker Way, Menlo Park, CA 94025"),
)
_REQUIRED = ("latitude", "longitude")


class LocationField(FieldRow):
    """Four inputs in one labelled row; ``location()`` is the send parameter's object."""

    def __init__(self, parent: QWidget | None = None) -> None:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.inputs: dict[str, QLineEdit] = {}
        for i, (key, label, example) in enumerate(_PARTS):
            edit = QLineEdit()
            edit.setPlaceholderText(f"{label}: {example}")
            edit.setAccessibleName(label)
            edit.textChanged.connect(lambda _t: self.changed.emit())
            grid.addWidget(edit, i // 2, i % 2)
            self.inputs[key] = edit
        super().__init__("Header location", box, parent, top=True)

    def location(self) -> dict[str, Any]:
        texts = {key: edit.text() for key, edit in self.inputs.items()}
        return {k: v for k, v in texts.items() if v or k in _REQUIRED}

    def set_location(self, value: dict[str, Any]) -> None:
        for key, edit in self.inputs.items():
            with QSignalBlocker(edit):
                found = value.get(key)
                edit.setText("" if found is None else str(found))

    def focus_field(self) -> None:
        self.inputs["latitude"].setFocus(Qt.FocusReason.OtherFocusReason)
