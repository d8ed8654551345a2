"""The rehearse bar under the phone: where the bot is, its secrets, and the customer's keyboard.

Top: the bot's webhook URL, its app secret and verify token (typed here, kept in the system
keyring, never in a file: the fields only say whether one is stored), Start / Stop and a line
saying what the sandbox is doing (its Graph URL for the bot, the handshake, a failure).
Bottom, once started: the customer's input bar (type and press Enter or Send), "Share
location…", the 24-hour window and "Save rehearsal…". The controller (``controller.py``)
connects the buttons; the bar only holds the widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import look
from ui.restyle import set_style_property

SECRET_FIELDS = (("app_secret", "App secret"), ("verify_token", "Verify token"))


class RehearseBar(QWidget):
    """The widgets of rehearse mode (hidden until the mode is on)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rehearseBar")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://localhost:5000/webhook")
        self.url.setAccessibleName("Your bot's webhook URL")
        self.secrets: dict[str, QLineEdit] = {}
        self.setup = QWidget()  # the bot's address and secrets: folded away while rehearsing
        form = QFormLayout(self.setup)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("Bot webhook", self.url)
        for name, label in SECRET_FIELDS:
            field = QLineEdit()
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(f"{label} of the bot (stored in the system keyring)")
            self.secrets[name] = field
            form.addRow(label, field)
        self.start_button = QPushButton("Start rehearsal")
        self.stop_button = QPushButton("Stop")
        self.stop_button.setEnabled(False)
        self.status = QLabel("Point your bot's webhook here, then Start.")
        look.name(self.status, "issueLine")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        controls = QHBoxLayout()
        controls.addWidget(self.status, 1)
        controls.addWidget(self.start_button)
        controls.addWidget(self.stop_button)
        self.customer = self._customer_row()
        self.window_label = QLabel("")
        self.window_label.setObjectName("rehearseWindow")
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 4, 8, 4)
        column.setSpacing(4)
        column.addWidget(self.setup)
        column.addLayout(controls)
        column.addWidget(self.customer)
        column.addWidget(self.window_label)
        self.set_running(False)

    def _customer_row(self) -> QWidget:
        row = QWidget()
        self.input = QLineEdit()
        self.input.setPlaceholderText("Message (as the customer)")
        self.input.setAccessibleName("The customer's message")
        self.send_button = QPushButton("Send")
        self.location_button = QPushButton("Share location…")
        self.save_button = QPushButton("Save rehearsal…")
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.input, 1)
        for button in (self.send_button, self.location_button, self.save_button):
            box.addWidget(button)
        return row

    def set_running(self, running: bool) -> None:
        """Started: the customer types (the phone gets the setup's room); stopped: the bot's
        address and secrets can change."""
        self.start_button.setEnabled(not running)
        self.start_button.setVisible(not running)
        self.stop_button.setEnabled(running)
        self.stop_button.setVisible(running)
        self.setup.setVisible(not running)
        for widget in (self.input, self.send_button, self.location_button):
            widget.setEnabled(running)

    def say(self, level: str, text: str) -> None:
        self.status.setText(text)
        set_style_property(self.status, "level", level)

    def show_stored(self, stored: dict[str, bool]) -> None:
        """Each secret field says whether the keyring holds one (its value is never shown)."""
        for name, field in self.secrets.items():
            field.clear()
            field.setPlaceholderText(
                "stored; leave empty to keep it" if stored.get(name) else "not set"
            )
