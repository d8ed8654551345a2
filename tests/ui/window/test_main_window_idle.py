"""An idle window wakes at most twice a second (issue 14): no polling timer on the UI thread."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import open_window
from ui.services import Services


class Timers(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Timer:
            parent = watched.parent()
            self.seen[f"{type(watched).__name__} of {type(parent).__name__}"] += 1
        return False


def test_an_idle_window_wakes_at_most_twice_a_second(qtbot: QtBot, services: Services) -> None:
    window = open_window(qtbot, services, "button", example=True, autosave=True)
    assert window.webhooks.running and window.countdown.recipient()  # a live countdown
    qtbot.wait(700)  # the first autosave and deferred work are done
    app = QApplication.instance()
    assert app is not None
    timers = Timers()
    app.installEventFilter(timers)
    loop = QEventLoop()
    QTimer.singleShot(2000, loop.quit)
    loop.exec()
    app.removeEventFilter(timers)
    total = sum(timers.seen.values()) - 1  # the test's own single shot
    assert total <= 2 * 2, timers.seen
    window.tasks.wait()
