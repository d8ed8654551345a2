"""The composition root: builds the window's collaborators and hands them to ``MainWindow``.

``make_window`` gives the window its services, session, task runner and the factories of its
panes (``build_editor_parts``: the form, the phone preview, the issues and JSON panels;
``build_later_parts``: the history panel, the 24-hour window countdown over the history store
seeded with the sandbox's demo contacts, and the webhook receiver with its status indicator).
Nothing else in ui/ wires collaborators from outside.

Start-up is kept light on purpose (``ui.window.startup``): the window is drawn first; right after
the first paint ``build_editor_parts`` (the models, the current kind's editor and preview) makes the
editor usable (``MainWindow.ready``); right after the editor's own paint the rest is built
(``build_later_parts``: SQLite, the sandbox's demo windows, the webhook receiver). httpx and
keyring are imported only when sending or opening the settings.

``WA_COMPOSER_START_TYPE`` (e.g. ``list``) preselects an editor; used for screenshots.
``WA_COMPOSER_WINDOW_SIZE`` (e.g. ``1920x1080``) opens the window at that size (screenshots).
``WA_COMPOSER_EXIT_WHEN_READY=1`` quits once the editor is usable and drawn (benchmarks/startup.py);
``=settled`` once the rest of the window is built too. Before quitting it prints the moment on
stdout (``wa-composer: ready at monotonic 12345.678901``, ``time.monotonic()``), so the benchmark
times the user's wait, not the process's teardown.

One window per data folder (``ui.single_instance``): a second ``run`` on the same folder brings
the first window to the front and returns 0 without opening another.
"""

from __future__ import annotations

import gc
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from composer import __version__
from ui.identity import APP_NAME, DESKTOP_ID

if TYPE_CHECKING:
    from ui.services import Services
    from ui.window.main_window import MainWindow
    from ui.window.parts import EditorParts, LaterParts

START_TYPE_ENV = "WA_COMPOSER_START_TYPE"
WINDOW_SIZE_ENV = "WA_COMPOSER_WINDOW_SIZE"
# Benchmark hook: quit once the editor is usable (built, draft restored: ``MainWindow.ready``);
# the value "settled" waits for the rest of the window too (``MainWindow.settled``).
EXIT_WHEN_READY_ENV = "WA_COMPOSER_EXIT_WHEN_READY"
EXIT_WHEN_SETTLED = "settled"
AFTER_EDITOR_FALLBACK_MS = 1_000  # the second step without the editor's paint (ui.app)


class _FirstPaint(QObject):
    """Calls ``then`` once, right after ``watched``'s first paint event (or first event of type
    ``event``), and stops watching (a filter left on the window would take each of its events
    through Python for its lifetime)."""

    def __init__(
        self,
        then: list[object],
        watched: QObject,
        parent: QObject | None = None,
        *,
        event: QEvent.Type = QEvent.Type.Paint,
    ) -> None:
        super().__init__(parent)
        self._then = then
        self._watched = watched
        self._type = event
        self._done = False
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self._type:
            self.fire()
        return False

    def fire(self) -> None:
        """Runs ``then`` now if the paint has not (a fallback for a window that is not drawn)."""
        if not self._done:
            self._done = True
            self._watched.removeEventFilter(self)  # safe from within eventFilter too (Qt docs)
            for fn in self._then:
                QTimer.singleShot(0, fn)  # type: ignore[call-overload]


def _stamp_then_quit(what: str) -> Callable[[], None]:
    """Prints the moment ``what`` happened (``time.monotonic()``), then quits (benchmark hooks)."""

    def stamp() -> None:
        print(f"wa-composer: {what} at monotonic {time.monotonic():.6f}", flush=True)
        QApplication.quit()

    return stamp


def after_editor_drawn(window: MainWindow, then: list[object]) -> None:
    """Runs ``then`` right after the form's next paint. The editor built (``ready``) is not yet
    the editor on screen: its paint is an update request, delivered after any zero-delay timer
    already posted, so a second step started by a timer would run before the user sees it.

    The form itself gets no paint event (its bars and fields cover it, and Qt skips a widget
    under opaque children), so the watch is on the window's next ``UpdateRequest``: handling it
    paints everything marked dirty, the form's ``update()`` included, and ``then`` runs after."""
    watcher = _FirstPaint(then, window, parent=window, event=QEvent.Type.UpdateRequest)
    window.form.update()
    # A window minimised or hidden at that moment gets no paint: the rest (and Send) still comes.
    QTimer.singleShot(AFTER_EDITOR_FALLBACK_MS, watcher.fire)


def make_app() -> QApplication:
    from ui.look import STYLE, app_palette

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:  # Qt's own ``-style`` argument: ``setStyle`` would name QStyle (its enums, ~3 ms)
        app = QApplication([*sys.argv[:1], "-style", STYLE, *sys.argv[1:]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("wa-composer")
    app.setDesktopFileName(DESKTOP_ID)
    from ui.resources import register_search_paths

    register_search_paths()
    palette = app_palette()
    if app.palette() != palette:  # again would re-propagate it to every widget
        app.setPalette(palette)
    return app


def build_editor_parts() -> EditorParts:
    """The parts the editor needs to be usable (the form brings the message models and the current
    kind's editor; the preview loads the layout of the kinds it draws)."""
    from ui.panels.issues_panel import IssuesPanel
    from ui.panels.json_view import JsonView
    from ui.preview import PhoneView
    from ui.window.composer_form import ComposerForm
    from ui.window.parts import EditorParts

    form = ComposerForm()
    return EditorParts(form, PhoneView(), IssuesPanel(), JsonView())


def build_later_parts(services: Services, profile: Callable[[], str]) -> LaterParts:
    """The parts built after ``ready``: the history store and panel, the 24-hour countdown over
    it (seeded with the sandbox's demo contacts' windows) and the webhook receiver.

    The receiver starts in sandbox-only mode (loopback, a random per-session secret: no keyring
    access at start-up), or as last applied in Settings; the sandbox is attached whenever it
    runs, so the sandbox's status webhooks reach the history.
    """
    from composer.accounts import SANDBOX_PROFILE_NAME
    from ui.panels.history import HistoryPanel
    from ui.panels.webhook_indicator import WebhookIndicator
    from ui.panels.webhook_receiver import WebhookReceiverControl
    from ui.panels.window_countdown import WindowCountdown
    from ui.webhook_choice import apply_settings, load_settings
    from ui.window.parts import LaterParts

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
    return LaterParts(HistoryPanel(services.store), countdown, control, indicator)


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
    from ui.window.parts import PartsFactory, StartOptions

    svc = services or Services()
    options = StartOptions(start_kind, example_on_first_start, autosave)
    parts = PartsFactory(build_editor_parts, lambda profile: build_later_parts(svc, profile))
    window = MainWindow(svc, Session(), TaskRunner(), parts, options)
    return window  # sized and placed by the window (as the user left it, or to fit the screen)


def bring_to_front(window: QWidget) -> None:
    """Un-minimise, show and raise ``window`` (a second launch asked for it)."""
    window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    window.raise_()
    window.activateWindow()


TYPING_GC_THRESHOLD = 10_000
"""The collector's first threshold once the window runs (Python's default is 700). It counts
container objects made minus those freed since the last collection: a key builds the new Screen
(about a thousand of them) before the old one is freed, so at 700 a collection ran on two keys
of three (0.2-0.3 ms, and 2-3 ms for the one in ten that takes the older generation too) and
found almost nothing: 165 objects of cyclic garbage in 200 keys. At 10,000 it runs when that
many more objects are really alive, which typing does not reach."""


def finish_then_collect(window: MainWindow) -> None:
    """The window's second step, then the garbage collector back on (the launcher turns it off
    while the window starts; on even if that step failed), with what start-up made moved out of
    its generations (it lives as long as the window, so collections skip it) and the threshold
    for a running window (``TYPING_GC_THRESHOLD``)."""
    try:
        window.finish_later()
    finally:
        gc.freeze()
        gc.set_threshold(TYPING_GC_THRESHOLD, *gc.get_threshold()[1:])
        gc.enable()


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
    actions: list[object] = [window.start_editor]
    # The rest of the window once the editor is on screen (ui.window.startup), and later launches
    # answered from then on (their requests wait in the socket's backlog: ui.single_instance).
    then: list[object] = [instance.serve, lambda: finish_then_collect(window)]
    if exit_after_first_paint:
        actions = [_stamp_then_quit("first paint")]
    elif os.environ.get(EXIT_WHEN_READY_ENV) == EXIT_WHEN_SETTLED:
        window.settled.connect(_stamp_then_quit("settled"))
    elif os.environ.get(EXIT_WHEN_READY_ENV):
        then = [_stamp_then_quit("ready")]  # the editor on screen: quit before the rest
    window.ready.connect(lambda: after_editor_drawn(window, then))
    _FirstPaint(actions, window, parent=window)  # lives with the window
    instance.activated.connect(lambda: bring_to_front(window))
    window.show()
    code = int(app.exec())
    instance.close()
    window.tasks.wait(5_000)  # let a send in flight finish (it records its outcome)
    window.services.close()
    return code
