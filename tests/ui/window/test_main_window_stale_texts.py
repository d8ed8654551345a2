"""Texts that went stale: the send result once the message or recipient changed, and the
receiver's port in Settings."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from pytestqt.qtbot import QtBot

from composer.demo_contacts import CLOSING_CONTACT, OPEN_CONTACT
from composer.webhooks.config import DEFAULT_PORT
from ui.panels.dialogs.webhook_settings import WebhookSettings
from ui.services import Services
from ui.window.main_window import MainWindow


def _send(window: MainWindow, qtbot: QtBot) -> None:
    done: list[object] = []
    window.sent.connect(done.append)
    window.send()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)


def test_the_send_result_goes_when_the_recipient_changes(
    window: MainWindow, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    payload = dict(examples["list_single_section"], to=OPEN_CONTACT.number)
    assert window.load_payload(payload) is None
    _send(window, qtbot)
    assert window.send_bar.status.text().startswith("Accepted by WhatsApp: wamid.")
    window.form.recipient.field.combo.lineEdit().setText(CLOSING_CONTACT.number)  # type: ignore[union-attr]
    window.form.recipient.field.changed.emit()
    assert "wamid." not in window.send_bar.status.text()
    assert window.send_bar.result() is None


def test_the_send_result_goes_when_the_message_changes(
    window: MainWindow, qtbot: QtBot, examples: dict[str, Any]
) -> None:
    payload = dict(examples["list_single_section"], to=OPEN_CONTACT.number)
    assert window.load_payload(payload) is None
    _send(window, qtbot)
    assert "wamid." in window.send_bar.status.text()
    body = window.form.editor().parts.body  # type: ignore[attr-defined]
    body.editor.setPlainText(body.text() + " Thanks!")
    assert "wamid." not in window.send_bar.status.text()
    assert window.send_bar.status.text() == "Ready to send."


def test_settings_show_the_port_the_receiver_runs_on(
    window: MainWindow, services: Services
) -> None:
    control = window.webhooks
    assert control.running and control.sandbox_only  # a free port, picked at start
    port = urlsplit(control.url).port
    assert port is not None and port != DEFAULT_PORT
    box = WebhookSettings(services, control, ["sandbox"], "sandbox")
    assert box.port.value() == port
    control.stop()
    assert WebhookSettings(services, control, ["sandbox"], "sandbox").port.value() == DEFAULT_PORT
