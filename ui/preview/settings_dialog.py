"""Preview settings: who the chat is with, and the chrome era where the notes are unsure.

The business's name, picture (an image file) and verified badge are drawn in the chat header;
the customer's name goes into the webhooks a tap produces (``contacts[0].profile.name``).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ui.preview.appearance import ERAS, PLATFORM_TITLES, PreviewSettings

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp)"


class PreviewSettingsDialog(QDialog):
    """Edits a ``PreviewSettings`` and the era per platform; ``settings()``/``era()`` read it."""

    def __init__(self, settings: PreviewSettings, era: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preview settings")
        self.business = _line("Business name", settings.business_name, "WA Composer Sandbox")
        self.avatar = _line("Business picture", settings.avatar, "No picture: a plain avatar")
        self.choose = QPushButton("Choose…")
        self.choose.setAccessibleName("Choose the business picture")
        self.clear = QPushButton("Clear")
        self.clear.setAccessibleName("Clear the business picture")
        self.verified = QCheckBox("Verified business badge beside the name")
        self.verified.setChecked(settings.verified)
        self.customer = _line("Customer's name", settings.customer_name, "The demo contact's name")
        self.customer.setToolTip("The name in the webhooks a tap in the preview produces")
        self.eras: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.addRow("Business name", self.business)
        picture = QHBoxLayout()
        picture.addWidget(self.avatar, 1)
        picture.addWidget(self.choose)
        picture.addWidget(self.clear)
        form.addRow("Business picture", picture)
        form.addRow("", self.verified)
        form.addRow("Customer's name", self.customer)
        for platform, choices in ERAS.items():
            combo = QComboBox()
            combo.setAccessibleName(f"{PLATFORM_TITLES[platform]} chrome")
            for key, title in choices:
                combo.addItem(title, key)
            combo.setCurrentIndex(max(0, combo.findData(era)))
            self.eras[platform] = combo
            form.addRow(f"{PLATFORM_TITLES[platform]} chrome", combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.choose.clicked.connect(self._choose)
        self.clear.clicked.connect(self.avatar.clear)

    def settings(self) -> PreviewSettings:
        return PreviewSettings(
            business_name=self.business.text().strip(),
            avatar=self.avatar.text().strip(),
            verified=self.verified.isChecked(),
            customer_name=self.customer.text().strip(),
        )

    def era(self) -> str:
        """The first non-default era chosen ("" = today's everywhere)."""
        return next((str(c.currentData()) for c in self.eras.values() if c.currentData()), "")

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Business picture", "", IMAGE_FILTER)
        if path:
            self.avatar.setText(path)


def _line(name: str, value: str, placeholder: str) -> QLineEdit:
    line = QLineEdit(value)
    line.setAccessibleName(name)
    line.setPlaceholderText(placeholder)
    return line
