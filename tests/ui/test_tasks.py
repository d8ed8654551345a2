"""TaskRunner: work runs on another thread, results come back on the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from ui.tasks import TaskRunner


def test_result_is_delivered_on_the_ui_thread(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ui_thread = QThread.currentThread()
    worker: list[int] = []
    got: list[tuple[object, bool]] = []

    def work() -> int:
        worker.append(threading.get_ident())
        return 42

    runner.start(work, lambda v: got.append((v, QThread.currentThread() is ui_thread)), got.append)
    qtbot.waitUntil(lambda: len(got) == 1, timeout=5000)
    assert got == [(42, True)]
    assert worker and worker[0] != threading.get_ident()
    assert runner.active() == 0


def test_exception_is_delivered_to_on_error(qtbot: QtBot) -> None:
    runner = TaskRunner()
    errors: list[BaseException] = []

    def boom() -> None:
        raise ValueError("nope")

    runner.start(boom, lambda v: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=5000)
    assert isinstance(errors[0], ValueError) and str(errors[0]) == "nope"
