"""Settings: the in-app webhook receiver's switch, port and secrets (REAL keyring, real HTTP).

Run inside scripts/with-keyring.sh (CI does); without a Secret Service these tests fail loudly.
"""

from __future__ import annotations

import contextlib
import json
import socket
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from composer.accounts import Profile, ProfileStore
from composer.credentials import CredentialsError, KeyringSecretStore
from composer.sandbox import Sandbox, StatusDelays
from composer.storage.drafts import DraftStore
from tests.integration.test_keyring import require_secret_service
from tests.ui.conftest import open_window
from ui.panels.dialogs.settings_dialog import SettingsDialog
from ui.services import Services
from ui.webhook_choice import settings_path

pytestmark = pytest.mark.keyring


@pytest.fixture
def name(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path))
    for var in ("WA_COMPOSER_APP_SECRET", "WA_COMPOSER_VERIFY_TOKEN", "WA_COMPOSER_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    value = f"w{uuid.uuid4().hex[:10]}"
    yield value
    for secret in ("app_secret", "verify_token"):
        with contextlib.suppress(CredentialsError):
            KeyringSecretStore().delete(value, secret)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    quiet = StatusDelays(sent=None, delivered=None, read=None)
    svc = Services(
        drafts=DraftStore(tmp_path / "drafts"),
        profiles_factory=lambda: ProfileStore(tmp_path / "profiles.json"),
        sandbox_factory=lambda: Sandbox(delays=quiet),
    )
    yield svc
    svc.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_switch_port_and_secrets_drive_the_receiver(
    qtbot: QtBot, services: Services, name: str
) -> None:
    require_secret_service()
    services.profiles().add(Profile(name, "123456789012"))
    window = open_window(qtbot, services)
    control = window.webhooks
    assert control.running and control.sandbox_only  # the default: sandbox-only, any port
    dialog = SettingsDialog(services, window.tasks, window, webhooks=control)
    qtbot.addWidget(dialog)
    box = dialog.webhooks
    assert box.enabled.isChecked()
    assert all(f.echoMode() == QLineEdit.EchoMode.Password for f in box.secrets.values())

    box.profile.setCurrentIndex(box.profile.findText(name))
    secret, verify = f"s{uuid.uuid4().hex}", f"v{uuid.uuid4().hex[:12]}"
    box.secrets["app_secret"].setText(secret)
    box.secrets["verify_token"].setText(verify)
    assert box.save_secrets(), box.status.text()
    store = KeyringSecretStore()
    assert (store.get(name, "app_secret"), store.get(name, "verify_token")) == (secret, verify)
    assert box.secrets["app_secret"].text() == ""  # never shown again
    assert box.secrets["app_secret"].placeholderText().startswith("stored")

    port = _free_port()
    box.port.setValue(port)
    assert box.apply(), box.status.text()
    assert control.running and not control.sandbox_only
    assert control.has_sandbox  # the sandbox still delivers its statuses to the new receiver
    assert control.url is not None and f":{port}" in control.url
    assert control.url in box.status.text()
    query = {"hub.mode": "subscribe", "hub.verify_token": verify, "hub.challenge": "8472"}
    answer = httpx.get(control.url, params=query, timeout=5)
    assert (answer.status_code, answer.text) == (200, "8472")
    wrong = httpx.get(control.url, params=dict(query, **{"hub.verify_token": "nope"}), timeout=5)
    assert wrong.status_code == 403
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved == {"enabled": True, "port": port, "profile": name}
    assert secret not in settings_path().read_text(encoding="utf-8")

    box.enabled.setChecked(False)
    assert box.apply()
    assert not control.running
    assert box.status.text().startswith("Off")
    window.close()

    again = open_window(qtbot, services)  # the saved switch applies at the next start
    assert not again.webhooks.running
    again.close()


def test_saved_choice_with_secrets_is_applied_at_start(
    qtbot: QtBot, services: Services, name: str
) -> None:
    require_secret_service()
    store = KeyringSecretStore()
    store.set(name, "app_secret", f"s{uuid.uuid4().hex}")
    store.set(name, "verify_token", "tok-123")
    port = _free_port()
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(json.dumps({"enabled": True, "port": port, "profile": name}))
    window = open_window(qtbot, services)
    control = window.webhooks
    assert control.running and not control.sandbox_only
    assert f":{port}" in control.url
    window.close()
