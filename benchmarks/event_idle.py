"""Typing into a live window and waiting until its event loop is idle (``preview_latency --app``).

``KeyDriver`` runs inside a real ``QEventLoop.exec()`` (so deferred deletes, queued signals and
timers behave as in the app): per key it notes the time, sends the key with ``QTest.keyClick``
and posts a *sentinel* event at ``Qt.LowEventPriority``. Posted events are delivered in priority
order, so by the time the sentinel arrives everything posted before it at normal or low priority
(layout requests, update requests and their paints, queued calls, ``deleteLater``) has run. If
any other event was delivered between posting the sentinel and its arrival (the work may have
posted more), or an app-owned single-shot ``QTimer`` with an interval of at most 100 ms (a
debounce) is still active, the sentinel is posted again. The key is done ("idle") at the first
sentinel that arrives with nothing delivered since it was posted and no such timer pending; the
time is taken there (the timer scan walks every QObject of the window, ~2 ms in PySide, so its
own duration is left out of the figure). The Qt-internal timers of the widgets (the text
cursor's blink) are not waited for; one that fires during a key is counted in that key, as it
would be on screen.

``PaintCounter`` is an application-wide event filter counting ``QEvent.Paint`` deliveries to any
widget during each key (and, with ``detail``, which widgets they were). Being a Python filter it
sees every event and adds its own cost (a few microseconds per event) to the figures.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget

SHORT_TIMER_MS = 100
_SENTINEL = QEvent.Type(QEvent.registerEventType())


class PaintCounter(QObject):
    """Counts paint events (and every other event, as "activity") delivered in the application."""

    def __init__(self, *, detail: bool = False) -> None:
        super().__init__()
        self.paints = 0
        self.events = 0
        self.detail = detail
        self.painted: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _SENTINEL:
            return False
        self.events += 1
        if kind == QEvent.Type.Paint:
            self.paints += 1
            if self.detail:
                self.painted[_describe(watched)] += 1
        return False


def _describe(widget: QObject) -> str:
    names = []
    node: QObject | None = widget
    while node is not None and len(names) < 3:
        names.append(node.objectName() or type(node).__name__)
        node = node.parent()
    return " < ".join(names)


class KeyDriver(QObject):
    """Sends each key, waits for idle (see the module docstring), records ms and paints per key."""

    def __init__(
        self,
        send_key: Callable[[int], None],
        keys: int,
        counter: PaintCounter,
        timers: Callable[[], list[QTimer]],
    ) -> None:
        super().__init__()
        self._send_key = send_key
        self._keys = keys
        self._counter = counter
        self._timers = timers
        self._loop = QEventLoop()
        self._index = 0
        self._t0 = 0.0
        self._paints0 = 0
        self._events_at_post = 0
        self._cpu0 = 0.0
        self.ms: list[float] = []
        self.cpu_ms: list[float] = []  # the UI thread's CPU time over the same span
        self.paints: list[int] = []

    def run(self) -> None:
        QTimer.singleShot(0, self._next_key)
        self._loop.exec()

    def _next_key(self) -> None:
        if self._index == self._keys:
            self._loop.quit()
            return
        self._paints0 = self._counter.paints
        self._cpu0 = time.thread_time()
        self._t0 = time.perf_counter()
        self._send_key(self._index)
        self._post_sentinel()

    def _post_sentinel(self) -> None:
        self._events_at_post = self._counter.events
        sentinel = QEvent(_SENTINEL)
        QCoreApplication.postEvent(self, sentinel, Qt.EventPriority.LowEventPriority.value)

    def _short_timer_pending(self) -> bool:
        return any(
            t.isActive() and t.isSingleShot() and t.interval() <= SHORT_TIMER_MS
            for t in self._timers()
        )

    def event(self, event: QEvent) -> bool:
        if event.type() != _SENTINEL:
            return super().event(event)
        if self._counter.events != self._events_at_post:
            self._post_sentinel()  # more work ran: look again after it
            return True
        idle_at, cpu_at = time.perf_counter(), time.thread_time()
        if self._short_timer_pending():  # the scan's own time is not the app's: left out
            self._t0 += time.perf_counter() - idle_at
            self._cpu0 += time.thread_time() - cpu_at
            self._post_sentinel()
            return True
        self.ms.append((idle_at - self._t0) * 1000)
        self.cpu_ms.append((cpu_at - self._cpu0) * 1000)
        self.paints.append(self._counter.paints - self._paints0)
        self._index += 1
        QTimer.singleShot(0, self._next_key)
        return True


def app_timers(roots: list[QWidget]) -> Callable[[], list[QTimer]]:
    """Every QTimer owned by the application object or (transitively) by ``roots``."""

    def find() -> list[QTimer]:
        found: list[QTimer] = []
        app = QCoreApplication.instance()
        for root in [app, *roots]:
            if root is not None:
                found.extend(root.findChildren(QTimer))
        return found

    return find
