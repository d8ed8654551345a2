"""Settings for the in-app webhook receiver: the switch, its port, and the profile's secrets.

The app secret and verify token go straight to the system keyring (``KeyringSecretStore``, per
profile) and are never shown again; the fields only say whether one is stored. The switch and
port drive the window's ``WebhookReceiverControl`` (F's); the choice is remembered in
``config_dir()/webhook.json`` (no secrets there) and applied again at the next start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ui import look
from ui.restyle import set_style_property
from ui.webhook_choice import (
    ReceiverSettings,
    apply_settings,
    load_settings,
    save_settings,
)

if TYPE_CHECKING:
    from ui.services import Services

SECRETS = (("app_secret", "App secret"), ("verify_token", "Verify token"))


def running_port(control: Any) -> int | None:
    """The port the receiver listens on now (sandbox-only mode picks a free one), or None."""
    from urllib.parse import urlsplit

    url = control.url if control is not None and control.running else None
    try:
        return urlsplit(url).port if url else None
    except ValueError:
        return None


class WebhookSettings(QGroupBox):
    """The "Webhook receiver" box of the Settings dialog."""

    def __init__(
        self, services: Services, control: Any, profiles: list[str], current: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__("Webhook receiver", parent)
        from composer.webhooks.config import DEFAULT_PORT

        self.services, self.control = services, control
        saved = load_settings() or ReceiverSettings(control is not None and control.running)
        self.enabled = QCheckBox("Receive webhooks in the app")
        self.enabled.setChecked(control is not None and control.running)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(running_port(control) or saved.port or DEFAULT_PORT)
        self.port.setAccessibleName("Webhook receiver port")
        self.port.setMaximumWidth(120)
        self.profile = QComboBox()
        self.profile.setAccessibleName("Profile whose webhook secrets are used")
        self.profile.addItems(profiles)
        want = saved.profile if saved.profile in profiles else current
        self.profile.setCurrentIndex(max(self.profile.findText(want), 0))
        self.secrets: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("", self.enabled)
        form.addRow("Port", self.port)
        form.addRow("Secrets of", self.profile)
        for name, label in SECRETS:
            field = QLineEdit()
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setAccessibleName(f"{label} (stored in the system keyring)")
            self.secrets[name] = field
            form.addRow(label, field)
        self.save_button = QPushButton("Save secrets")
        self.apply_button = QPushButton("Apply")
        self.save_button.clicked.connect(self.save_secrets)
        self.apply_button.clicked.connect(self.apply)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.apply_button)
        form.addRow(buttons)
        self.status = QLabel()
        look.name(self.status, "issueLine")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.status)
        self.profile.currentTextChanged.connect(self._show_stored)
        self._show_stored()
        self._say("", self.describe())
        if control is None:
            self.enabled.setEnabled(False)
            self.apply_button.setEnabled(False)

    def settings(self) -> ReceiverSettings:
        return ReceiverSettings(
            self.enabled.isChecked(), self.port.value(), self.profile.currentText()
        )

    def describe(self) -> str:
        c = self.control
        if c is None:
            return "The receiver is not available in this window."
        if c.error:
            return f"Not receiving: {c.error}."
        if not c.running:
            return "Off: statuses and inbound messages are not received."
        if c.sandbox_only:
            return f"Sandbox only at {c.url} (no app secret for this profile)."
        return (
            f"Receiving at {c.url}: expose it with a tunnel and register it in the App Dashboard."
        )

    def _show_stored(self, *_: object) -> None:
        from composer.credentials import CredentialsError

        store = self.services.secrets()
        for name, field in self.secrets.items():
            field.clear()
            try:
                stored = store.get(self.profile.currentText(), name) is not None
            except CredentialsError as exc:
                self._say("error", str(exc))
                return
            field.setPlaceholderText("stored; leave empty to keep it" if stored else "not set")

    def save_secrets(self) -> bool:
        from composer.credentials import CredentialsError

        profile = self.profile.currentText()
        typed = {n: f.text().strip() for n, f in self.secrets.items() if f.text().strip()}
        if not profile or not typed:
            self._say("error", "Choose a profile and type the app secret and/or verify token.")
            return False
        try:
            for name, value in typed.items():
                self.services.secrets().set(profile, name, value)
        except CredentialsError as exc:
            self._say("error", f"Not saved: {exc}")
            return False
        self._show_stored()
        self._say("ok", f"Saved in the keyring for profile {profile!r}. Press Apply to use them.")
        return True

    def apply(self) -> bool:
        if self.control is None:
            return False
        settings = self.settings()
        ok = apply_settings(self.control, settings)
        try:
            save_settings(settings)
        except OSError as exc:
            self._say("warning", f"{self.describe()} (not remembered: {exc})")
            return ok
        self._say("ok" if ok else "error", self.describe())
        return ok

    def _say(self, level: str, text: str) -> None:
        self.status.setText(text)
        set_style_property(self.status, "level", level)
