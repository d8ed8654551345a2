"""Runs blocking work (HTTP, keyring) on a worker thread and hands the result back to the UI thread.

The UI thread never waits on the network. A task is a plain callable; when it returns, ``done``
is emitted with its value, and when it raises, ``failed`` with the exception. A task started
with ``start_reporting`` also gets a ``report`` function it may call from the worker as often as
it likes (a send's attempts); each report is the ``progress`` signal. All three signals belong
to a QObject living on the UI thread, so Qt delivers them there through a queued connection.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the UI thread; its queued slots call the task's callbacks there."""

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(object)

    def __init__(
        self,
        parent: QObject,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        forget: Callable[[_Relay], None],
        on_progress: Callable[[Any], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._forget = forget
        from PySide6.QtCore import Qt  # not at import time: Qt's enums cost ~30 ms at start-up

        queued = Qt.ConnectionType.QueuedConnection
        self.done.connect(self._deliver_done, queued)
        self.failed.connect(self._deliver_failed, queued)
        self.progress.connect(self._deliver_progress, queued)

    def report(self, value: object) -> None:
        """Called on the worker thread; the value reaches ``on_progress`` on the UI thread."""
        _Job.deliver(self.progress, value)

    @Slot(object)
    def _deliver_progress(self, value: object) -> None:
        if self._on_progress is not None:
            self._on_progress(value)

    @Slot(object)
    def _deliver_done(self, value: object) -> None:
        self._forget(self)
        self.deleteLater()
        self._on_done(value)

    @Slot(object)
    def _deliver_failed(self, exc: object) -> None:
        self._forget(self)
        self.deleteLater()
        self._on_error(exc if isinstance(exc, BaseException) else RuntimeError(str(exc)))


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            value = self._fn()
        except BaseException as exc:  # handed to the UI thread, which decides what to show
            self.deliver(self._relay.failed, exc)
        else:
            self.deliver(self._relay.done, value)

    @staticmethod
    def deliver(signal: Any, value: object) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
            signal.emit(value)


class TaskRunner(QObject):
    """Starts tasks on a thread pool; keeps each relay alive until its result has been delivered."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._pool = pool if pool is not None else QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    def start(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        relay = _Relay(self, on_done, on_error, self._relays.discard)
        self._relays.add(relay)
        self._pool.start(_Job(fn, relay))

    def start_reporting(
        self,
        fn: Callable[[Callable[[Any], None]], Any],
        on_progress: Callable[[Any], None],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Like ``start``; ``fn`` receives ``report``, whose values reach ``on_progress`` in order
        on the UI thread, all of them before ``on_done`` or ``on_error``."""
        relay = _Relay(self, on_done, on_error, self._relays.discard, on_progress)
        self._relays.add(relay)
        self._pool.start(_Job(lambda: fn(relay.report), relay))

    def active(self) -> int:
        return len(self._relays)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the pool is idle (shutdown and tests only)."""
        return bool(self._pool.waitForDone(msecs))
