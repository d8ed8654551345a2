"""The window's top bar: message type, sending profile and its badge, and the library buttons."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ui import look
from ui.editors.registry import TITLES
from ui.elided_label import ElidedLabel
from ui.restyle import set_style_property

# = composer.accounts.SANDBOX_PROFILE_NAME, not imported: the bar is drawn before the first paint
SANDBOX = "sandbox"


class _Badge(ElidedLabel):
    """The profile's pill: its level's colours (``ui.look``) on a rounded background."""

    def __init__(self) -> None:
        super().__init__()
        self.setContentsMargins(10, 2, 10, 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.palette().window())
        radius = min(9.0, self.height() / 2)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        painter.end()
        super().paintEvent(event)


class TopBar(look.Bar):
    """Widgets only; the window connects them (its slots need the panes built after paint)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("topBar", parent)
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName("Message type")
        for key, title in TITLES.items():
            self.type_combo.addItem(title, key)
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName("Sending profile")
        self.profile_combo.addItem("Sandbox", SANDBOX)  # the badge says what it is
        self.profile_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.profile_combo.setMinimumContentsLength(12)  # a long profile name never widens it
        # Elided in a narrow window (the whole text in its tooltip), never clipped or widening
        self.profile_badge = _Badge()
        look.name(self.profile_badge, "profileBadge")
        self.example_button = QPushButton("Load example")
        self.import_button = QPushButton("Import JSON…")
        self.drafts_button = QPushButton("Drafts…")
        self.settings_button = QPushButton("Settings…")
        for b, name in (
            (self.example_button, "Load a ready-made example of this message type"),
            (self.import_button, "Import a JSON payload (Ctrl+I)"),
            (self.drafts_button, "Drafts library"),
            (self.settings_button, "Profiles and access tokens"),
        ):
            b.setToolTip(name)
            b.setAccessibleName(name)
        self._lay_out()
        self.show_profile_badge(SANDBOX)

    def _lay_out(self) -> None:
        top = QHBoxLayout(self)
        top.setContentsMargins(12, 8, 12, 8)
        top.setSpacing(6)
        type_label = QLabel("Type")
        type_label.setBuddy(self.type_combo)
        profile_label = QLabel("Profile")
        profile_label.setBuddy(self.profile_combo)
        top.addWidget(type_label)
        top.addWidget(self.type_combo)
        top.addWidget(self.example_button)
        top.addSpacing(12)
        top.addWidget(profile_label)
        top.addWidget(self.profile_combo)
        top.addWidget(self.profile_badge)
        top.addStretch(1)
        top.addSpacing(8)
        top.addWidget(self.import_button)
        top.addWidget(self.drafts_button)
        top.addWidget(self.settings_button)

    def profile_name(self) -> str:
        return str(self.profile_combo.currentData())

    def show_profile_badge(self, name: str) -> None:
        """SANDBOX or LIVE, in its colours."""
        sandbox = name == SANDBOX
        self.profile_badge.setText(
            "SANDBOX · nothing leaves this computer" if sandbox else "LIVE · real customers"
        )
        set_style_property(self.profile_badge, "level", "sandbox" if sandbox else "live")
