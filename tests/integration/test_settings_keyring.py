"""Settings dialog: profiles, the token in the REAL keyring (masked), "Test connection".

Run inside scripts/with-keyring.sh (CI does); without a Secret Service these tests fail loudly.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from composer.accounts import ProfileStore
from composer.credentials import CredentialsError, KeyringTokenStore
from tests.integration.fake_graph import FakeGraph, Reply, graph_error
from tests.integration.test_keyring import require_secret_service
from ui.app import make_app
from ui.panels.dialogs.settings_dialog import SettingsDialog
from ui.services import Services
from ui.tasks import TaskRunner

pytestmark = pytest.mark.keyring


@pytest.fixture
def name() -> Iterator[str]:
    value = f"d{uuid.uuid4().hex[:10]}"
    yield value
    with contextlib.suppress(CredentialsError):
        KeyringTokenStore().delete(value)


def _dialog(qtbot: QtBot, tmp_path: Path) -> SettingsDialog:
    make_app()
    services = Services(
        profiles_factory=lambda: ProfileStore(tmp_path / "profiles.json"),
        tokens_factory=KeyringTokenStore,
    )
    dialog = SettingsDialog(services, TaskRunner())
    qtbot.addWidget(dialog)
    return dialog


def test_profile_and_token_saved_tested_and_removed(
    qtbot: QtBot, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_secret_service()
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    token = f"EAAG{uuid.uuid4().hex}"
    dialog = _dialog(qtbot, tmp_path)
    assert dialog.token.echoMode() == QLineEdit.EchoMode.Password
    with FakeGraph() as graph:
        dialog.new_profile()
        dialog.name.setText(name)
        dialog.phone_id.setText("123456789012")
        dialog.base_url.setText(graph.url)
        dialog.token.setText(token)
        assert dialog.save_profile(), dialog.result_label.text()
        assert KeyringTokenStore().get(name) == token
        assert dialog.token.text() == ""  # never shown again
        assert token not in (tmp_path / "profiles.json").read_text()
        assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [name]

        dialog.version.setText("v23.0")  # edit: the token field stays empty, the token stays
        assert dialog.save_profile(), dialog.result_label.text()
        assert ProfileStore(tmp_path / "profiles.json").get(name).api_version == "v23.0"
        assert KeyringTokenStore().get(name) == token

        info = {"display_phone_number": "+1 555 0100 777", "verified_name": "Acme Rain Gear"}
        graph.add(Reply(body=dict(info, quality_rating="GREEN", id="123456789012")))
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
        text = dialog.result_label.text()
        assert "Acme Rain Gear" in text and "+1 555 0100 777" in text
        assert graph.requests[-1].headers["authorization"] == f"Bearer {token}"

        graph.add(Reply(status=401, body=graph_error(190, "Error validating access token")))
        dialog.test_connection()
        qtbot.waitUntil(lambda: dialog.test_button.isEnabled(), timeout=10_000)
        text = dialog.result_label.text()
        assert "190" in text and token not in text
        assert dialog.result_label.property("level") == "error"

    dialog.list.setCurrentRow(0)
    dialog.remove_profile()
    assert ProfileStore(tmp_path / "profiles.json").list() == []
    assert KeyringTokenStore().get(name) is None


def test_invalid_profile_is_explained(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = _dialog(qtbot, tmp_path)
    dialog.new_profile()
    dialog.name.setText("ok-name")
    dialog.phone_id.setText("+1 555 0100")  # a display number, not the id
    assert not dialog.save_profile()
    assert "phone_number_id" in dialog.result_label.text()
    assert ProfileStore(tmp_path / "profiles.json").list() == []
