"""Writes the autosave slot on a worker thread, so typing never waits for the disk.

The autosave fires every half second while the user types. Its write is crash-safe (a temporary
file, two fsyncs and a rename: ``composer.storage.atomic_file``), which costs milliseconds on a
fast disk and far more on a slow one; on the UI thread that was a key that stalled twice a
second. The snapshot is taken on the UI thread (it reads the widgets); only the file work moves.

One worker, in order: a snapshot still waiting when a newer one comes is dropped (the newer one
holds everything it did). ``flush`` waits for the write in flight: a save on the UI thread (the
one on close) comes after it, never under it. A failure reaches the UI thread as ``failed``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

from composer.storage.drafts import DraftError


class BackgroundSave(QObject):
    """Runs ``write(data)`` on one worker thread; ``failed(message)`` on the UI thread."""

    failed = Signal(str)

    def __init__(
        self, write: Callable[[dict[str, Any]], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._write = write
        self._pool: ThreadPoolExecutor | None = None  # started with the first save
        self._pending: Future[None] | None = None
        self._lock = threading.Lock()

    def submit(self, data: dict[str, Any]) -> None:
        with self._lock:
            if self._pending is not None:
                self._pending.cancel()  # not begun yet: this snapshot replaces it
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="autosave")
            self._pending = self._pool.submit(self._run, data)

    def flush(self) -> None:
        """Wait until the snapshots submitted so far are on disk (or failed)."""
        with self._lock:
            pending = self._pending
        if pending is not None and not pending.cancelled():
            pending.exception()  # waits; a failure was already reported through ``failed``

    def close(self) -> None:
        """Finish the write in flight and stop the worker (the window is closing)."""
        self.flush()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _run(self, data: dict[str, Any]) -> None:
        try:
            self._write(data)
        except DraftError as exc:
            self.failed.emit(str(exc))  # queued to the UI thread: this object lives there
