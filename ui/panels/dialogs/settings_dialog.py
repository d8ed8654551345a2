"""Settings: sending profiles (add, edit, remove) and their access tokens.

Tokens go straight to the system keyring (composer.credentials) and are never shown again: the
field only says whether one is stored. "Test connection" asks the Graph API (off the UI thread)
for the number's display name, or shows the mapped error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import look
from ui.restyle import set_style_property

if TYPE_CHECKING:
    from composer.accounts import Profile
    from ui.panels.webhook_receiver import WebhookReceiverControl
    from ui.services import Services
    from ui.tasks import TaskRunner


class SettingsDialog(QDialog):
    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        parent: QWidget | None = None,
        *,
        webhooks: WebhookReceiverControl | None = None,
        current_profile: str = "sandbox",
    ) -> None:
        """``webhooks``: the window's WebhookReceiverControl (None: no receiver section)."""
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.setWindowTitle("Settings: profiles, tokens and webhooks")
        self.resize(760, 640)
        self.list = QListWidget()
        self.list.setAccessibleName("Profiles")
        self.list.currentTextChanged.connect(self._show_profile)
        right = QVBoxLayout()
        right.addLayout(self._profile_fields())
        right.addLayout(self._profile_actions())
        right.addWidget(self.result_label)
        from ui.panels.dialogs.webhook_settings import WebhookSettings

        try:
            names = [p.name for p in services.profiles().list()]
        except Exception:  # unreadable profiles: refresh() below says so
            names = []
        self.webhooks = WebhookSettings(services, webhooks, ["sandbox", *names], current_profile)
        right.addWidget(self.webhooks)
        right.addStretch(1)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        right.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel("Profiles (the sandbox is built in)"))
        left.addWidget(self.list)
        row.addLayout(left, 2)
        row.addLayout(right, 5)
        self.refresh()

    def _profile_fields(self) -> QFormLayout:
        """The profile's fields; the token field is write-only (the keyring keeps it)."""
        from composer.accounts import DEFAULT_API_VERSION, DEFAULT_BASE_URL

        self.name = QLineEdit()
        self.phone_id = QLineEdit()
        self.waba_id = QLineEdit()
        self.version = QLineEdit(DEFAULT_API_VERSION)
        self.base_url = QLineEdit(DEFAULT_BASE_URL)
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName("Access token (stored in the system keyring)")
        self.phone_id.setPlaceholderText("digits, from WhatsApp > API Setup")
        self.waba_id.setPlaceholderText("optional")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for label, w in (
            ("Name", self.name),
            ("Phone-number id", self.phone_id),
            ("WABA id", self.waba_id),
            ("API version", self.version),
            ("Base URL", self.base_url),
            ("Access token", self.token),
        ):
            w.setAccessibleName(w.accessibleName() or label)
            form.addRow(label, w)
        return form

    def _profile_actions(self) -> QHBoxLayout:
        """New / Save / Remove on the left, Test connection on the right, and the result line."""
        self.result_label = QLabel()
        look.name(self.result_label, "issueLine")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_button = QPushButton("New")
        self.save_button = QPushButton("Save profile")
        self.remove_button = QPushButton("Remove")
        self.test_button = QPushButton("Test connection")
        self.new_button.clicked.connect(self.new_profile)
        self.save_button.clicked.connect(self.save_profile)
        self.remove_button.clicked.connect(self.remove_profile)
        self.test_button.clicked.connect(self.test_connection)
        actions = QHBoxLayout()
        for b in (self.new_button, self.save_button, self.remove_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.test_button)
        return actions

    # --- list -----------------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        try:
            names = [p.name for p in self.services.profiles().list()]
        except Exception as exc:  # unreadable file: say so, keep the dialog usable
            names = []
            self._say("error", f"Profiles could not be read: {exc}")
        self.list.clear()
        self.list.addItems(names)
        if select in names:
            self.list.setCurrentRow(names.index(select))
        elif names:
            self.list.setCurrentRow(0)
        else:
            self.new_profile()

    def _show_profile(self, name: str) -> None:
        if not name:
            return
        try:
            p = self.services.profiles().get(name)
        except Exception as exc:
            self._say("error", str(exc))
            return
        self.name.setText(p.name)
        self.phone_id.setText(p.phone_number_id)
        self.waba_id.setText(p.waba_id or "")
        self.version.setText(p.api_version)
        self.base_url.setText(p.base_url)
        self.token.clear()
        self.token.setPlaceholderText("leave empty to keep the stored token")
        self._say("", "")

    def new_profile(self) -> None:
        from composer.accounts import DEFAULT_API_VERSION, DEFAULT_BASE_URL

        self.list.clearSelection()
        for w in (self.name, self.phone_id, self.waba_id, self.token):
            w.clear()
        self.version.setText(DEFAULT_API_VERSION)
        self.base_url.setText(DEFAULT_BASE_URL)
        self.token.setPlaceholderText("paste the access token")
        self.name.setFocus()

    def _profile(self) -> Profile:
        from composer.accounts import Profile

        return Profile(
            self.name.text().strip(),
            self.phone_id.text().strip(),
            self.waba_id.text().strip() or None,
            self.version.text().strip(),
            self.base_url.text().strip(),
        )

    # --- actions ------------------------------------------------------------------------------
    def save_profile(self) -> bool:
        from composer.accounts import ProfileError
        from composer.credentials import CredentialsError

        try:
            profile = self._profile()
            store = self.services.profiles()
            if profile.name in {p.name for p in store.list()}:
                store.update(profile)
            else:
                store.add(profile)
        except (ProfileError, ValueError, KeyError) as exc:
            self._say("error", str(exc))
            return False
        token = self.token.text().strip()
        if token:
            try:
                self.services.tokens().set(profile.name, token)
            except CredentialsError as exc:
                self._say("error", f"Profile saved, but the token was not: {exc}")
                self.refresh(profile.name)
                return False
            self.token.clear()
        self.refresh(profile.name)
        self._say("ok", f"Saved profile {profile.name!r}" + (" and its token." if token else "."))
        return True

    def remove_profile(self) -> None:
        from composer.credentials import CredentialsError

        item = self.list.currentItem()
        if item is None:
            return
        name = item.text()
        try:
            self.services.profiles().remove(name)
            self.services.tokens().delete(name)
        except (CredentialsError, KeyError, ValueError) as exc:
            self._say("error", str(exc))
        self.refresh()

    def test_connection(self) -> None:
        from composer.accounts import ProfileError

        try:
            profile = self._profile()
        except (ProfileError, ValueError) as exc:
            self._say("error", str(exc))
            return
        typed = self.token.text().strip()
        services = self.services
        self.test_button.setEnabled(False)
        self._say("", "Testing…")

        def work() -> Any:
            from composer.credentials import CredentialsError, resolve_token
            from composer.graph.client import GraphClient
            from composer.graph.errors import GraphError

            try:
                token = typed or resolve_token(profile, services.tokens())
                with GraphClient(profile, token) as client:
                    info = client.phone_number_info()
            except (GraphError, CredentialsError) as exc:
                text = exc.describe() if isinstance(exc, GraphError) else str(exc)
                return ("error", text)
            return ("ok", f"Connected: {info.verified_name} · {info.display_phone_number}")

        def done(value: Any) -> None:
            self.test_button.setEnabled(True)
            self._say(*value)

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self._say("error", f"{type(exc).__name__}: {exc}")

        self.tasks.start(work, done, failed)

    def _say(self, level: str, text: str) -> None:
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))
        set_style_property(self.result_label, "level", level)
