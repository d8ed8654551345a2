"""The composition root: builds the window's collaborators and hands them to ``MainWindow``.

``make_window`` gives the window its services, session, task runner and a factory of its panes
(``build_parts``: the form, the phone preview, the issues / JSON / history panels, the 24-hour
window countdown over the history store seeded with the sandbox's demo contacts, and the webhook
receiver with its status indicator). Nothing else in ui/ wires collaborators from outside.

Start-up is kept light on purpose: the window is drawn first, and ``build_parts`` (pydantic, the
editors, SQLite) runs right after the first paint (``MainWindow.finish_startup``); httpx and
keyring are imported only when sending or opening the settings.

``WA_COMPOSER_START_TYPE`` (e.g. ``list``) preselects an editor; used for screenshots.
``WA_COMPOSER_WINDOW_SIZE`` (e.g. ``1920x1080``) opens the window at that size (screenshots).
``WA_COMPOSER_EXIT_WHEN_READY=1`` quits once the editor is ready (benchmarks/startup.py).

One window per data folder (``ui.single_instance``): a second ``run`` on the same folder brings
the first window to the front and returns 0 without opening another.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from composer import __version__
from ui.identity import APP_NAME, DESKTOP_ID, ICON_SVG

if TYPE_CHECKING:
    from ui.services import Services
    from ui.window.main_window import MainWindow
    from ui.window.parts import WindowParts

START_TYPE_ENV = "WA_COMPOSER_START_TYPE"
WINDOW_SIZE_ENV = "WA_COMPOSER_WINDOW_SIZE"
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
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("wa-composer")
    app.setDesktopFileName(DESKTOP_ID)
    from ui.resources import register_search_paths, stylesheet

    register_search_paths()
    app.setWindowIcon(QIcon(f"icons:{ICON_SVG}"))
    app.setStyleSheet(stylesheet())
    return app


def build_parts(services: Services, profile: Callable[[], str]) -> WindowParts:
    """The window's panes, built right after the first paint (they import the heavy modules).

    The receiver starts in sandbox-only mode (loopback, a random per-session secret: no keyring
    access at start-up), or as last applied in Settings; the sandbox is attached whenever it
    runs, so the sandbox's status webhooks reach the history.
    """
    from composer.accounts import SANDBOX_PROFILE_NAME
    from ui.panels.history import HistoryPanel
    from ui.panels.issues_panel import IssuesPanel
    from ui.panels.json_view import JsonView
    from ui.panels.webhook_indicator import WebhookIndicator
    from ui.panels.webhook_receiver import WebhookReceiverControl
    from ui.panels.window_countdown import WindowCountdown
    from ui.preview import PhoneView
    from ui.webhook_choice import apply_settings, load_settings
    from ui.window.composer_form import ComposerForm
    from ui.window.parts import WindowParts

    form = ComposerForm()  # first: the editors bring pydantic and the validation rules
    store = services.store()
    if profile() == SANDBOX_PROFILE_NAME:
        services.sandbox().seed_store(store)  # the demo contacts' windows
    countdown = WindowCountdown(store=store, clock=services.clock)
    control = WebhookReceiverControl(store)
    indicator = WebhookIndicator(control, store, profile=profile)

    def attach_sandbox() -> None:
        if control.running and not control.has_sandbox:
            control.attach_sandbox(services.sandbox())

    control.state_changed.connect(attach_sandbox)
    control.start()
    saved = load_settings()  # the Settings switch and port, as last applied
    if saved is not None:
        apply_settings(control, saved)
    return WindowParts(
        form=form,
        preview=PhoneView(),
        issues_panel=IssuesPanel(),
        json_view=JsonView(),
        history=HistoryPanel(services.store),
        countdown=countdown,
        webhooks=control,
        indicator=indicator,
    )


def make_window(
    services: Services | None = None,
    start_kind: str | None = None,
    *,
    example_on_first_start: bool = True,
    autosave: bool = True,
) -> MainWindow:
    """The composer window with its collaborators (``services`` default to the real ones)."""
    from ui.services import Services
    from ui.session import Session
    from ui.tasks import TaskRunner
    from ui.window.main_window import MainWindow
    from ui.window.parts import StartOptions

    svc = services or Services()
    options = StartOptions(start_kind, example_on_first_start, autosave)
    window = MainWindow(
        svc, Session(), TaskRunner(), lambda profile: build_parts(svc, profile), options
    )
    return window  # sized and placed by the window (as the user left it, or to fit the screen)


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, show and raise ``window`` (a second launch asked for it)."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


def run(*, exit_after_first_paint: bool = False) -> int:
    from composer.storage import paths
    from ui.single_instance import SingleInstance

    app = make_app()
    folder = paths.data_dir()
    instance = SingleInstance(folder)
    if not instance.claim():
        print(f"wa-composer: {APP_NAME} is already open on {folder}: its window was brought to "
              "the front.", file=sys.stderr)  # fmt: skip
        return 0
    window = make_window(start_kind=os.environ.get(START_TYPE_ENV) or None)
    width, _, height = os.environ.get(WINDOW_SIZE_ENV, "").partition("x")
    if width.isdigit() and height.isdigit():
        window.resize(int(width), int(height))
    actions: list[object] = [window.finish_startup]
    if exit_after_first_paint:
        actions = [QApplication.quit]
    elif os.environ.get(EXIT_WHEN_READY_ENV):
        window.ready.connect(QApplication.quit)
    watcher = _FirstPaint(actions)
    window.installEventFilter(watcher)
    instance.activated.connect(lambda: bring_to_front(window))
    window.show()
    code = int(app.exec())
    instance.close()
    window.tasks.wait(5_000)  # let a send in flight finish (it records its outcome)
    window.services.close()
    return code
