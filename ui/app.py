"""QApplication bootstrap: ``run()`` opens the main window (placeholder until the editors land)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class _FirstPaintExit(QObject):
    """Quits the application right after the watched widget's first paint."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


def run(*, exit_after_first_paint: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("WA Composer")
    window.setCentralWidget(QLabel("WA Composer"))
    window.resize(1280, 800)
    watcher = _FirstPaintExit()
    if exit_after_first_paint:
        window.installEventFilter(watcher)
    window.show()
    return int(app.exec())
