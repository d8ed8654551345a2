"""A small status indicator for the in-app webhook receiver, with its switch and the paste dialog.

It shows whether webhooks are being received (and where), how many events arrived, and offers
the manual way in (paste webhook JSON). All work is done by ``WebhookReceiverControl`` and the
core; this widget only displays and forwards clicks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from composer.accounts import SANDBOX_PROFILE_NAME
from ui import look
from ui.elided_label import ElidedLabel
from ui.panels.dialogs.paste_webhook_dialog import PasteWebhookDialog
from ui.panels.webhook_receiver import WebhookReceiverControl

if TYPE_CHECKING:
    from composer.storage.history import Store

DOT_COLOURS: Final = {"off": "#8696a0", "on": "#25d366", "sandbox": "#53bdeb", "error": "#d92d20"}


class WebhookIndicator(QWidget):
    imported = Signal(object)  # a pasted webhook body was imported (RecordResult)

    def __init__(
        self,
        control: WebhookReceiverControl,
        store: Store,
        profile: Callable[[], str] = lambda: SANDBOX_PROFILE_NAME,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("webhookIndicator")
        self._control, self._store, self._profile = control, store, profile
        self.dot = QLabel("●")
        self.label = ElidedLabel()  # one line, elided: the status bar never widens the window
        self.label.setObjectName("webhookStatus")
        self.toggle = QPushButton()
        self.toggle.clicked.connect(self._toggle)
        self.paste = QPushButton("Import webhook JSON…")
        self.paste.clicked.connect(self.open_paste_dialog)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dot)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.toggle)
        layout.addWidget(self.paste)
        control.state_changed.connect(self._render)
        control.event_received.connect(self._render)
        self.dialog: PasteWebhookDialog | None = None
        self._render()

    def level(self) -> str:
        c = self._control
        if c.error:
            return "error"
        if not c.running:
            return "off"
        return "sandbox" if c.sandbox_only else "on"

    def _render(self, *_args: object) -> None:
        """Runs on every webhook event: only what changed is touched (a colour or tooltip set
        again, even the same one, re-lays out or repaints the widget)."""
        c, level = self._control, self.level()
        if level == "error":
            text = f"Webhooks: {c.error}"
        elif level == "off":
            text = "Webhooks: off"
        else:
            mode = "sandbox only (no app secret stored)" if c.sandbox_only else "receiving"
            text = f"Webhooks: {mode} at {c.url} · {events_text(c.events_seen)}"
        self.label.setText(text)  # a no-op when the text is unchanged
        if self.dot.property("level") == level:
            return
        self.label.set_tip(
            "Expose this address with a tunnel and register it, with your verify token, as the "
            "callback URL in the App Dashboard (see README, Webhooks)."
            if level == "on"
            else "Store the app secret and verify token with "
            "`wa-composer webhook --store-secrets` to receive Meta's webhooks."
        )
        look.tint(self.dot, DOT_COLOURS[level])
        self.dot.setProperty("level", level)
        self.toggle.setText("Stop" if c.running else "Start")

    def _toggle(self) -> None:
        if self._control.running:
            self._control.stop()
        else:
            self._control.start_for_profile(self._profile())
        self._render()

    def explain(self) -> None:
        """How to connect Meta's webhooks (from the countdown's "Connect webhooks…")."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, "Connect webhooks", connect_steps(self._control.url))

    def open_paste_dialog(self) -> PasteWebhookDialog:
        if self.dialog is None:
            self.dialog = PasteWebhookDialog(self._store, self)
            self.dialog.imported.connect(self.imported)
        self.dialog.show()
        return self.dialog


def connect_steps(url: str | None) -> str:
    where = url or "http://127.0.0.1:PORT/"
    return (
        "1. Store the app secret and a verify token: "
        "`wa-composer webhook --store-secrets --profile NAME`.\n"
        "2. In the status bar, press Stop, then Start: the receiver uses the profile's secrets "
        f"(it listens at {where}); or run `wa-composer webhook --profile NAME`.\n"
        "3. Expose the port with a tunnel and enter its https address and your verify token as "
        "the Callback URL in the App Dashboard (WhatsApp > Configuration); subscribe to "
        "'messages'.\n\nUntil then, enter when the customer last wrote, or import webhook JSON "
        "from your logs."
    )


def events_text(count: int) -> str:
    """``no events yet``, ``1 event``, ``3 events``."""
    if count == 0:
        return "no events yet"
    return f"{count} event" if count == 1 else f"{count} events"
