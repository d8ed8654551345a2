"""The history's "Open in editor" and "Resend…": a past send back into the editor, and for
Resend one question, then the window's own Send (the one send path, with its checks and, for a
real profile, its own confirmation). Nothing is ever sent without the user's yes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from composer.kinds.catalogue import title
from composer.phone import display

if TYPE_CHECKING:
    from composer.storage.history import Store
    from ui.panels.history import HistoryPanel
    from ui.panels.window_countdown import WindowCountdown
    from ui.window.draft_keeper import Ask
    from ui.window.message_loader import Report


class HistoryActions:
    """``reopen(payload)`` loads a payload (asking before it replaces unsaved work; True when
    loaded); ``can_send`` and ``send`` are the window's send bar check and its Send."""

    def __init__(
        self,
        store: Callable[[], Store],
        *,
        reopen: Callable[[dict[str, Any]], bool],
        ask: Ask,
        can_send: Callable[[], bool],
        send: Callable[[], None],
        report: Report,
    ) -> None:
        self._store, self._reopen, self._ask = store, reopen, ask
        self._can_send, self._send, self._report = can_send, send, report

    def open(self, record_id: int) -> bool:
        """Load send ``record_id``'s message into the editor; True when it is there."""
        payload = self._store().history_payload(record_id)
        if payload is None:
            self._report("warning", "This send is no longer in the history.")
            return False
        return self._reopen(payload)

    def resend(self, record_id: int) -> bool:
        """Open send ``record_id`` and, if it can be sent and the user says so, send it; True
        when the send started."""
        row = self._store().history_row(record_id)
        if row is None or not self.open(record_id):
            return False
        if not self._can_send():
            return False  # the send bar says why (issues, closed window, ...)
        question = (
            f"Send this {title(row.kind)} message to {display(row.recipient)} again? "
            "It is in the editor now: you can also change it first and press Send."
        )
        if not self._ask("Send it again?", question):
            return False
        self._send()
        return True


def route_event(event: object, history: HistoryPanel, countdown: WindowCountdown) -> None:
    """A webhook event (parsed) or pasted bodies (a ``RecordResult``) reach the window.

    A status moves one history row (a failure may also have closed the window); an inbound
    message moves the countdown; pasted bodies may have changed anything. Nothing else is read.
    """
    from composer.webhooks.parsing import InboundMessage, StatusUpdate

    if isinstance(event, StatusUpdate):
        history.note_status(event.id)
        if event.status == "failed":
            countdown.refresh()
        return
    if not isinstance(event, InboundMessage):
        history.note_changed()
    countdown.refresh()
