"""The customer shares a location: latitude and longitude, and a place's name and address.

A dropped pin has only coordinates; a named place also has a name and an address (WhatsApp sends
both then). ``values()`` is what the controller hands the rehearsal.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)


def _degrees(limit: float, value: float) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(-limit, limit)
    box.setDecimals(6)
    box.setValue(value)
    return box


class LocationDialog(QDialog):
    """Latitude, longitude, and an optional name and address."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Share location")
        self.latitude = _degrees(90.0, 38.7223)
        self.longitude = _degrees(180.0, -9.1393)
        self.latitude.setAccessibleName("Latitude")
        self.longitude.setAccessibleName("Longitude")
        self.name = QLineEdit()
        self.name.setPlaceholderText("optional: a named place")
        self.address = QLineEdit()
        self.address.setPlaceholderText("optional")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText("Share")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Latitude", self.latitude)
        form.addRow("Longitude", self.longitude)
        form.addRow("Name", self.name)
        form.addRow("Address", self.address)
        form.addRow(buttons)

    def values(self) -> tuple[float, float, str | None, str | None]:
        """(latitude, longitude, name, address); an empty name or address is None."""
        name = self.name.text().strip() or None
        address = self.address.text().strip() or None
        return self.latitude.value(), self.longitude.value(), name, address
