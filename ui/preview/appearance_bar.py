"""The compact bar above the phone: platform, light/dark, side by side and the settings.

Widgets only: ``changed`` carries the new ``Appearance`` and side-by-side mode; the pane applies
them to the phones and the window remembers them. The gear is a plain button the window
connects (the preview settings dialog).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QToolButton, QWidget

from ui.flow_layout import FlowLayout
from ui.preview.appearance import (
    PLATFORM_TITLES,
    SIDE_BY_SIDE,
    THEME_TITLES,
    Appearance,
    SideBySide,
    parse_appearance,
)


class AppearanceBar(QWidget):
    """Platform x theme x side-by-side pickers; ``changed(Appearance, mode)`` on every pick."""

    changed = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("appearanceBar")
        self.platform_combo = _combo("Phone platform", PLATFORM_TITLES.items())
        self.theme_combo = _combo("Phone theme", THEME_TITLES.items())
        self.side_combo = _combo("Side by side", SIDE_BY_SIDE.items())
        self.settings_button = QToolButton()
        self.settings_button.setAutoRaise(True)  # flat until the mouse is over it
        self.settings_button.setText("⚙")
        self.settings_button.setToolTip(
            "Business name, picture and badge, the customer's name, the chrome era"
        )
        self.settings_button.setAccessibleName("Preview settings")
        self._era = ""
        # The pickers keep their whole text and wrap onto a second row in a narrow pane (one
        # phone in a 1024 px window) instead of being cut or widening the window.
        row = FlowLayout(self)
        row.setContentsMargins(6, 4, 6, 4)
        for widget in (self.platform_combo, self.theme_combo, self.side_combo):
            row.addWidget(widget)
        row.addWidget(self.settings_button)
        for combo in (self.platform_combo, self.theme_combo, self.side_combo):
            combo.currentIndexChanged.connect(self._emit)

    def appearance(self) -> Appearance:
        platform = str(self.platform_combo.currentData())
        return parse_appearance(
            platform, str(self.theme_combo.currentData()), self._era_for(platform)
        )

    def side_by_side(self) -> SideBySide:
        mode = str(self.side_combo.currentData())
        return next((m for m in SIDE_BY_SIDE if m == mode), "off")

    def set_state(self, appearance: Appearance, mode: SideBySide) -> None:
        """Show ``appearance`` and ``mode`` without emitting ``changed``."""
        self._era = appearance.era
        for combo, value in (
            (self.platform_combo, appearance.platform),
            (self.theme_combo, appearance.theme),
            (self.side_combo, mode),
        ):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)

    def set_era(self, era: str) -> None:
        self._era = era
        self._emit()

    def _era_for(self, platform: str) -> str:
        try:
            return parse_appearance(platform, "light", self._era).era
        except ValueError:  # that era is another platform's: today's chrome here
            return ""

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.appearance(), self.side_by_side())


def _combo(name: str, items: Iterable[tuple[str, str]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setToolTip(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for key, title in items:
        combo.addItem(title, key)
    return combo
