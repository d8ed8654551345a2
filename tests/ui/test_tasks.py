"""TaskRunner: work runs on another thread, results come back on the UI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

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


def test_reports_arrive_in_order_on_the_ui_thread_before_the_result(qtbot: QtBot) -> None:
    runner = TaskRunner()
    ui_thread = QThread.currentThread()
    events: list[tuple[str, object, bool]] = []

    def work(report: Callable[[object], None]) -> str:
        for n in range(1, 4):
            report(n)
        return "done"

    def note(kind: str) -> Callable[[object], None]:
        return lambda value: events.append((kind, value, QThread.currentThread() is ui_thread))

    runner.start_reporting(work, note("progress"), note("done"), note("error"))
    qtbot.waitUntil(lambda: any(kind == "done" for kind, _, _ in events), timeout=5000)
    assert events == [
        ("progress", 1, True),
        ("progress", 2, True),
        ("progress", 3, True),
        ("done", "done", True),
    ]
    assert runner.active() == 0
