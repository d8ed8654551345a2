"""Rehearse mode: the phone becomes the customer's, talking to the user's bot through the sandbox.

``RehearseMode`` owns one ``composer.rehearsal.Rehearsal`` at a time. Start serves the sandbox
(the bot's Graph base URL) and does Meta's verification GET against the bot's webhook on a worker
thread; the core's events arrive on its threads and hop to the UI thread through a queued signal,
where the ``ThreadBook`` folds them into the phone's thread. The customer's input (the phone's
taps, the bar's text field, "Share location…", a reaction from a bubble's menu) goes to the
rehearsal's ``customer_*``: it builds, signs and delivers the webhook (one path, the core's).
Each customer message shows its webhook JSON and the bot's HTTP answers in the Webhook tab.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QPoint, QTimer, Signal
from PySide6.QtWidgets import QMenu

from ui.rehearse.bar import RehearseBar
from ui.rehearse.book import ThreadBook
from ui.rehearse.settings import SECRETS_OWNER, RehearseSettings, load_settings, save_settings

if TYPE_CHECKING:
    from composer.credentials import KeyringSecretStore
    from composer.rehearsal import Rehearsal, RetryPolicy
    from ui.preview import PhoneView
    from ui.preview.taps import Tapped
    from ui.tasks import TaskRunner

REACTIONS = ("👍", "❤️", "😂", "😮", "😢", "🙏")
DEFAULT_CUSTOMER = "+15550100001"  # the sandbox's demo contact with an open window


class RehearseMode(QObject):
    """Start / stop a rehearsal and play the customer; ``thread_changed`` after every event."""

    thread_changed = Signal()
    running_changed = Signal(bool)
    show_webhook = Signal()  # a customer message was sent: the window shows the Webhook tab
    _arrived = Signal(object)  # an event from the core's threads, delivered on the UI thread

    def __init__(
        self,
        view: PhoneView,
        bar: RehearseBar,
        tasks: TaskRunner,
        secrets: Callable[[], KeyringSecretStore],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.view, self.bar, self.tasks, self._secrets = view, bar, tasks, secrets
        self.port = 8585  # the sandbox's default port (tests use 0: any free one)
        self.retry: RetryPolicy | None = None  # None: the core's (tests make it quick)
        self.customer_name: str | None = None  # the preview settings' customer's name
        self.rehearsal: Rehearsal | None = None
        self._pending: Rehearsal | None = None  # started, its handshake not answered yet
        self.active = False  # the mode is on (the phone shows the thread)
        self.menu: QMenu | None = None  # a bubble's reactions menu, while it is open
        self.book = ThreadBook()
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.timeout.connect(self._typing_over)
        self._clock = QTimer(self)
        self._clock.setInterval(1000)
        self._clock.timeout.connect(self._show_window)
        self._arrived.connect(self._on_event)
        bar.start_button.clicked.connect(self.start)
        bar.stop_button.clicked.connect(self.stop)
        bar.send_button.clicked.connect(self.say)
        bar.input.returnPressed.connect(self.say)
        bar.location_button.clicked.connect(self.share_location)
        view.thread_reply.connect(self.tapped)
        view.context_requested.connect(self._context_menu)
        saved = load_settings()
        bar.url.setText(saved.webhook_url)
        self.customer = saved.customer or DEFAULT_CUSTOMER

    # --- the mode -----------------------------------------------------------------------------
    def enter(self) -> None:
        """Show the bar and the (empty or last) thread on the phone."""
        self.active = True
        self.bar.setVisible(True)
        self._show_stored()
        self._redraw()

    def leave(self) -> None:
        """Stop the rehearsal; the phone shows the form's message again."""
        self.active = False
        self.stop()
        self.bar.setVisible(False)
        self.view.set_thread(None)

    def running(self) -> bool:
        return self.rehearsal is not None

    # --- start / stop -------------------------------------------------------------------------
    def start(self) -> None:
        url = self.bar.url.text().strip()
        if not url.startswith(("http://", "https://")):
            self.bar.say("error", "Type your bot's webhook URL (http:// or https://).")
            return
        secret, token = self._take_secrets()
        if secret is None:
            return
        self._remember(url)
        from composer.rehearsal import DEFAULT_VERIFY_TOKEN, Rehearsal

        rehearsal = Rehearsal(self.customer, self.customer_name, port=self.port, retry=self.retry)
        rehearsal.subscribe(self._arrived.emit)  # called on the core's threads: queued hop
        self.book = ThreadBook()
        self._redraw()
        self.bar.start_button.setEnabled(False)
        self.bar.say("", f"Checking {url} (Meta's verification GET)…")
        verify = token or DEFAULT_VERIFY_TOKEN
        self._pending = rehearsal
        self.tasks.start(
            lambda: rehearsal.start(url, secret, verify),
            lambda _h: self._started(rehearsal),
            lambda exc: self._failed(rehearsal, exc),
        )

    def _started(self, rehearsal: Rehearsal) -> None:
        if self._pending is not rehearsal:  # stopped (or the mode left) during the handshake
            rehearsal.close()
            return
        self._pending = None
        self.rehearsal = rehearsal
        self.bar.set_running(True)
        self.bar.say(
            "ok",
            f"Rehearsing with {self.bar.url.text().strip()}. The bot's Graph API base URL: "
            f"{rehearsal.graph_url}, phone number id {rehearsal.phone_number_id}, any token.",
        )
        self._clock.start()
        self.running_changed.emit(True)
        self.bar.input.setFocus()

    def _failed(self, rehearsal: Rehearsal, exc: BaseException) -> None:
        rehearsal.close()
        if self._pending is not rehearsal:
            return
        self._pending = None
        self.bar.set_running(False)
        handshake = getattr(exc, "handshake", None)
        if handshake is not None:
            got = f"HTTP {handshake.status}" if handshake.status is not None else handshake.error
            self.bar.say(
                "error",
                f"The bot failed Meta's verification GET ({got}, answer {handshake.answer!r}): "
                "it must answer 200 with hub.challenge for the right verify token.",
            )
        else:
            self.bar.say("error", f"The rehearsal could not start: {exc}")

    def stop(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:  # a handshake in flight: its answer is dropped
            pending.unsubscribe(self._arrived.emit)
            self.bar.set_running(False)
        rehearsal, self.rehearsal = self.rehearsal, None
        if rehearsal is None:
            return
        rehearsal.unsubscribe(self._arrived.emit)
        rehearsal.close()
        self._clock.stop()
        self.bar.set_running(False)
        self.bar.say("", "Stopped. The thread stays until you leave rehearse mode.")
        self.running_changed.emit(False)

    # --- the customer -------------------------------------------------------------------------
    def say(self) -> None:
        text = self.bar.input.text().strip()
        if text and self._act(lambda r: r.customer_says(text)):
            self.bar.input.clear()

    def tapped(self, turn: int, tapped: Tapped) -> None:
        """A tap on the phone that sends the business something: the rehearsal delivers it."""
        from ui.rehearse.customer import act

        entry = self.book.entries[turn] if 0 <= turn < len(self.book.entries) else None
        wamid = getattr(entry, "wamid", "")
        self._act(lambda r: act(r, tapped, wamid))

    def share_location(self) -> None:
        from ui.rehearse.location_dialog import LocationDialog

        dialog = LocationDialog(self.bar)
        if dialog.exec():
            self.share(*dialog.values())

    def share(
        self, latitude: float, longitude: float, name: str | None = None, address: str | None = None
    ) -> bool:
        return self._act(lambda r: r.customer_shares_location(latitude, longitude, name, address))

    def react(self, turn: int, emoji: str) -> bool:
        entry = self.book.entries[turn] if 0 <= turn < len(self.book.entries) else None
        wamid = getattr(entry, "wamid", "")
        return bool(wamid) and self._act(lambda r: r.customer_reacts(wamid, emoji or None))

    def _act(self, do: Callable[[Rehearsal], Any]) -> bool:
        if self.rehearsal is None:
            self.bar.say(
                "warning", "Start the rehearsal first: nothing reaches the bot until then."
            )
            return False
        try:
            do(self.rehearsal)
        except (ValueError, RuntimeError) as exc:  # TapError, NotRehearsed, not started
            self.bar.say("warning", f"Not sent: {exc}")
            return False
        self.show_webhook.emit()
        return True

    def _context_menu(self, action: tuple[Any, ...], where: QPoint) -> None:
        if action[:1] != ("react",) or self.rehearsal is None:
            return
        turn = int(action[1])
        self.menu = menu = QMenu(self.view)
        for emoji in (*REACTIONS, ""):
            text = f"React {emoji}" if emoji else "Remove reaction"
            menu.addAction(text, partial(self.react, turn, emoji))
        menu.popup(where)

    # --- the script ---------------------------------------------------------------------------
    def script(self) -> tuple[dict[str, Any], int]:
        """The conversation so far as a replayable script, and the actions it cannot hold."""
        from composer.rehearsal.recording import script_from_events

        return script_from_events(self.book.log, self.customer, self.customer_name)

    def save_script(self, path: str) -> bool:
        """Write the script to ``path`` (atomically); the bar says where, or why not."""
        from composer.storage.atomic_file import atomic_write_text

        script, skipped = self.script()
        try:
            atomic_write_text(Path(path), json.dumps(script, indent=2, ensure_ascii=False) + "\n")
        except OSError as exc:
            self.bar.say("error", f"The rehearsal was not saved: {exc}")
            return False
        note = f" ({skipped} reactions or forms have no script step)" if skipped else ""
        self.bar.say("ok", f"Saved to {path}: replay it with wa-composer rehearse{note}.")
        return True

    # --- events -------------------------------------------------------------------------------
    def _on_event(self, event: object) -> None:
        if not self.active:
            return  # the mode was left: a late event of its rehearsal draws nothing
        self.book.add(event)
        if self.book.typing:
            from composer.rehearsal import TYPING_SECONDS

            self._typing_timer.start(TYPING_SECONDS * 1000)
        self._redraw()
        self._show_delivery()
        self._show_window()
        self.thread_changed.emit()

    def _typing_over(self) -> None:
        self.book.typing = False
        self._redraw()

    def _redraw(self) -> None:
        if self.active:
            self.view.set_thread(self.book.turns(), self.book.typing)

    def _show_delivery(self) -> None:
        """The last customer message's webhook and the bot's HTTP answers (the Webhook tab)."""
        key = self.book.last_delivery
        found = self.book.deliveries.get(key) if key is not None else None
        if found is not None:
            self.view.panel.show_delivery(found.webhook, f"Bot's answer: {found.answer()}")

    def _show_window(self) -> None:
        from composer.window.facts import window_status
        from composer.window.texts import headline

        at = self.book.last_inbound
        if at is None:
            self.bar.window_label.setText("24-hour window: opens with the customer's message")
            return
        now = datetime.now(UTC)
        status = window_status(_Inbound(at), now)
        self.bar.window_label.setText(f"24-hour window: {headline(status, now)}")

    # --- secrets and settings -----------------------------------------------------------------
    def _take_secrets(self) -> tuple[str | None, str | None]:
        """The typed secret and token (kept in the keyring), else the stored ones."""
        from composer.credentials import CredentialsError

        values: dict[str, str | None] = {}
        try:
            store = self._secrets()
            for name, field in self.bar.secrets.items():
                typed = field.text().strip()
                if typed:
                    store.set(SECRETS_OWNER, name, typed)
                values[name] = typed or store.get(SECRETS_OWNER, name)
        except CredentialsError as exc:
            self.bar.say("error", f"The keyring cannot be used: {exc}")
            return None, None
        if not values.get("app_secret"):
            self.bar.say("error", "Type the bot's app secret: every webhook is signed with it.")
            return None, None
        self._show_stored()
        return values["app_secret"], values.get("verify_token")

    def _show_stored(self) -> None:
        from composer.credentials import CredentialsError

        try:
            store = self._secrets()
            stored = {n: store.get(SECRETS_OWNER, n) is not None for n in self.bar.secrets}
        except CredentialsError as exc:
            self.bar.say("error", f"The keyring cannot be used: {exc}")
            return
        self.bar.show_stored(stored)

    def _remember(self, url: str) -> None:
        try:
            save_settings(RehearseSettings(url, self.customer))
        except OSError as exc:  # a read-only home must not stop the rehearsal
            self.bar.say("warning", f"The bot's URL is not remembered: {exc}")


class _Inbound:
    """The customer's last message as ``composer.window.facts`` reads one."""

    def __init__(self, at: datetime) -> None:
        self.at, self.source = at, "rehearsal"
