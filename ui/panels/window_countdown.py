"""The live 24-hour window countdown shown beside the recipient.

All wording and every threshold come from ``composer.window.facts`` and ``composer.window.texts``;
this widget only displays them.
One shared 1 Hz ``QTimer`` (``SharedTicker``) drives every countdown, and it runs only while at
least one countdown is visible and knows its window, so an idle app does no periodic work.
A tick recomputes the status from facts cached at ``set_recipient``/``refresh`` (no database
access per second) and touches labels only when their text changes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, tzinfo
from functools import partial
from typing import Final, Protocol

import shiboken6
from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.clock import utc_now
from composer.user_ids import recipient_key
from composer.window.facts import (
    Tone,
    WindowFacts,
    WindowFactsSource,
    WindowState,
    WindowStatus,
    iso_utc,
    load_facts,
    parse_iso_utc,
    send_warning,
    tone,
)
from composer.window.texts import UNKNOWN_HINT, closed_reason, headline, provenance
from ui import look
from ui.flow_layout import FlowLayout

# Colours per tone (theme data, not logic): text colour of the headline.
TONE_COLOURS: Final = {
    Tone.NEUTRAL: "#667781",
    Tone.OK: "#008069",
    Tone.AMBER: "#b07800",
    Tone.RED: "#d92d20",
    Tone.CLOSED: "#d92d20",
}
TICK_MS: Final = 1000

FactsLoader = Callable[[str], WindowFacts]
ManualEntry = Callable[[str, datetime], None]


class SharedTicker(QObject):
    """One 1 Hz timer for every countdown; stopped whenever nobody needs it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.setTimerType(Qt.TimerType.CoarseTimer)
        self._timer.timeout.connect(self.tick)
        self._subscribers: weakref.WeakSet[WindowCountdown] = weakref.WeakSet()

    def subscribe(self, widget: WindowCountdown) -> None:
        self._subscribers.add(widget)
        if not self._timer.isActive():
            self._timer.start()

    def unsubscribe(self, widget: WindowCountdown) -> None:
        self._subscribers.discard(widget)
        if not self._subscribers:
            self._timer.stop()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def subscriber_count(self) -> int:
        return len(self._subscribers)

    def tick(self) -> None:
        for widget in list(self._subscribers):
            try:
                widget.tick()
            except RuntimeError:  # the C++ widget is gone; forget it
                self.unsubscribe(widget)


_ticker: SharedTicker | None = None


def shared_ticker() -> SharedTicker:
    """The process's one ticker, owned by the application so it goes away with it."""
    global _ticker
    if _ticker is None or not shiboken6.isValid(_ticker):
        _ticker = SharedTicker(QCoreApplication.instance())
    return _ticker


def _unknown_facts(recipient: str) -> WindowFacts:
    return WindowFacts(recipient, None, None)


class WindowStore(WindowFactsSource, Protocol):
    """What the countdown needs from the history ``Store``: read facts, record manual times."""

    def set_last_inbound(self, recipient: str, at: datetime, source: str) -> None: ...


def _record_manual(store: WindowStore, recipient: str, at: datetime) -> None:
    store.set_last_inbound(recipient, at, "manual")


class WindowCountdown(QWidget):
    """Countdown for the current recipient. ``state_changed(WindowStatus)`` fires on changes of
    state, tone, send warning or 131047 closure (not every second), so the send bar can gate
    Send with ``composer.window.gate.send_decision`` and warn with ``send_warning(status)``.

    Pass ``store`` (a history ``Store``), or ``facts`` (recipient -> WindowFacts) and
    ``on_manual_entry`` for finer control.
    """

    state_changed = Signal(object)
    last_inbound_entered = Signal(str, object)  # recipient, aware UTC datetime
    connect_webhooks_requested = Signal()

    def __init__(
        self,
        facts: FactsLoader | None = None,
        *,
        store: WindowStore | None = None,
        clock: Callable[[], datetime] = utc_now,
        tz: tzinfo | None = None,
        on_manual_entry: ManualEntry | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("windowCountdown")
        if facts is None and store is not None:
            facts = partial(load_facts, store)
        if on_manual_entry is None and store is not None:
            on_manual_entry = partial(_record_manual, store)
        self._load = facts or _unknown_facts
        self._clock = clock
        self._tz = tz
        self._on_manual_entry = on_manual_entry
        self._facts = _unknown_facts("")
        self._status = self._facts.status(clock())
        self._signature: tuple[object, ...] | None = None

        self.headline = QLabel()
        self.headline.setObjectName("windowHeadline")
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline.setWordWrap(True)  # "closed 6 h ago …" wraps in a narrow column
        self.detail = QLabel()
        self.detail.setObjectName("windowDetail")
        self.detail.setWordWrap(True)
        self.entry_row = self._build_entry_row()  # shown only while the window is unknown
        self.entry_error = QLabel()
        self.entry_error.setObjectName("windowEntryError")
        look.tint(self.entry_error, TONE_COLOURS[Tone.RED])
        self.entry_error.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.headline)
        layout.addWidget(self.detail)
        layout.addWidget(self.entry_row)
        layout.addWidget(self.entry_error)
        self._render()

    def _build_entry_row(self) -> QWidget:
        """The manual way to know the window: "Last message at [when] Save, Connect webhooks…"."""
        self.when = QDateTimeEdit()
        self.when.setObjectName("windowLastInbound")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setAccessibleName("When the customer last wrote")
        self.save = QPushButton("Save")
        self.save.setToolTip("Record when the customer last wrote (a manual entry)")
        self.save.clicked.connect(self._save_manual)
        self.connect_button = QPushButton("Connect webhooks…")
        self.connect_button.clicked.connect(self.connect_webhooks_requested)
        entry = QWidget()
        row = FlowLayout(entry)  # wraps in a narrow editor column instead of widening it
        row.addWidget(QLabel("Last message at"))
        row.addWidget(self.when)
        row.addWidget(self.save)
        row.addWidget(self.connect_button)
        return entry

    # --- API for the main window -----------------------------------------------------------
    def set_recipient(self, number: str) -> None:
        """Show the window of ``number``, a phone number or a BSUID (found under either once a
        webhook linked them; no digits yet, such as a lone "+": nobody)."""
        self._facts = self._load(number) if recipient_key(number) else _unknown_facts("")
        self.entry_error.hide()
        self._render(force_emit=True)

    def refresh(self) -> None:
        """Reload the facts (after a webhook event, a send error or a manual entry)."""
        if self._facts.recipient:
            self._facts = self._load(self._facts.recipient)
        self._render()

    def status(self) -> WindowStatus:
        return self._status

    def recipient(self) -> str:
        return self._facts.recipient

    def tick(self) -> None:
        self._render()

    # --- internals -----------------------------------------------------------------------------
    def _render(self, force_emit: bool = False) -> None:
        now = self._clock()
        status = self._facts.status(now)
        self._status = status
        current_tone = tone(status)
        unknown = status.state is WindowState.UNKNOWN
        nobody = not self._facts.recipient  # no recipient yet: nothing to say
        self._set_text(self.headline, "" if nobody else headline(status, now, self._tz))
        if nobody:
            detail = ""
        elif status.state is WindowState.CLOSED:
            origin = provenance(status, now, self._tz, with_closure=False)  # the reason says it
            # Where the time comes from first, then why it is closed and the way out.
            lead = f"{origin[:1].upper()}{origin[1:]}. " if origin else ""
            detail = lead + closed_reason(status)
        elif unknown:
            detail = UNKNOWN_HINT
        else:
            detail = provenance(status, now, self._tz)
        self._set_text(self.detail, detail)
        self.entry_row.setVisible(unknown and not nobody)
        warn = send_warning(status) is not None
        signature = (status.state, current_tone, warn, status.closed_by_api, status.last_inbound)
        if signature != self._signature:
            colour = TONE_COLOURS[current_tone]
            look.tint(self.headline, colour, weight=600)
            self.headline.setProperty("tone", current_tone.value)
            if unknown:
                self.when.setMaximumDateTime(self.to_edit(now + timedelta(minutes=1)))
                self.when.setDateTime(self.to_edit(now))
        changed = signature != self._signature
        self._signature = signature
        self._sync_ticker()
        if changed or force_emit:
            self.state_changed.emit(status)

    @staticmethod
    def _set_text(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)

    def _sync_ticker(self) -> None:
        ticker = shared_ticker()
        if self.isVisible() and self._status.state is not WindowState.UNKNOWN:
            ticker.subscribe(self)
        else:
            ticker.unsubscribe(self)

    def _save_manual(self) -> None:
        recipient = self._facts.recipient
        if not recipient:
            self._show_entry_error("Enter a recipient first.")
            return
        at = self._from_edit()
        try:
            value = parse_iso_utc(iso_utc(at) or "", now=self._clock())
        except ValueError as exc:
            self._show_entry_error(str(exc))
            return
        self.entry_error.hide()
        if self._on_manual_entry is not None:
            self._on_manual_entry(recipient, value)
        self.last_inbound_entered.emit(recipient, value)
        self.refresh()

    def _zone(self) -> tzinfo:
        return self._tz or datetime.now().astimezone().tzinfo or UTC

    def to_edit(self, value: datetime) -> QDateTime:
        """The edit shows wall-clock time in the widget's zone (the user's local time)."""
        local = value.astimezone(self._zone())
        return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))

    def _from_edit(self) -> datetime:
        shown = self.when.dateTime()
        date, clock = shown.date(), shown.time()
        return datetime(
            date.year(), date.month(), date.day(), clock.hour(), clock.minute(), tzinfo=self._zone()
        )

    def _show_entry_error(self, text: str) -> None:
        self.entry_error.setText(text)
        self.entry_error.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._render()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        shared_ticker().unsubscribe(self)
