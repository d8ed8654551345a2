"""QApplication bootstrap: ``run()`` opens the composer window.

Start-up is kept light on purpose: the window is drawn first, and the message models (pydantic),
the editors and the last draft come in right after the first paint (``finish_startup``); httpx
and keyring are imported only when sending or opening the settings.

``WA_COMPOSER_START_TYPE`` (e.g. ``list``) preselects an editor; used for screenshots.
``WA_COMPOSER_EXIT_WHEN_READY=1`` quits once the editor is ready (benchmarks/startup.py).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ui.services import Services
    from ui.window.main_window import MainWindow

START_TYPE_ENV = "WA_COMPOSER_START_TYPE"
# Benchmark hook: quit once the editor is built and the draft restored (time to interactive).
EXIT_WHEN_READY_ENV = "WA_COMPOSER_EXIT_WHEN_READY"


class _FirstPaint(QObject):
    """Calls ``then`` once, right after the watched widget's first paint event."""

    def __init__(self, then: list[object]) -> None:
        super().__init__()
        self._then = then
        self._done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._done and event.type() == QEvent.Type.Paint:
            self._done = True
            for fn in self._then:
                QTimer.singleShot(0, fn)  # type: ignore[call-overload]
        return False


def make_app() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("WA Composer")
    app.setOrganizationName("wa-composer")
    from ui.resources import register_search_paths, stylesheet

    register_search_paths()
    app.setStyleSheet(stylesheet())
    return app


def make_window(services: Services | None = None, start_kind: str | None = None) -> MainWindow:
    from ui.services import Services
    from ui.window.main_window import MainWindow

    window = MainWindow(services or Services(), start_kind=start_kind)
    window.resize(1280, 800)
    return window


def run(*, exit_after_first_paint: bool = False) -> int:
    app = make_app()
    window = make_window(start_kind=os.environ.get(START_TYPE_ENV) or None)
    actions: list[object] = [window.finish_startup]
    if exit_after_first_paint:
        actions = [QApplication.quit]
    elif os.environ.get(EXIT_WHEN_READY_ENV):
        window.ready.connect(QApplication.quit)
    watcher = _FirstPaint(actions)
    window.installEventFilter(watcher)
    window.show()
    code = int(app.exec())
    window.tasks.wait(5_000)  # let a send in flight finish (it records its outcome)
    window.services.close()
    return code
