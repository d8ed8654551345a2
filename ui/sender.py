"""The window's adapter to ``composer.sending``: the same pipeline as ``wa-composer send``.

It runs the pipeline on a worker thread through ``TaskRunner`` and hands two things back on the
UI thread: each attempt as it happens (``attempted``, so the send bar can say "retrying in 4 s,
attempt 2 of 4") and the one ``SendOutcome`` at the end (``finished``). The payload is built from
the very message object the preview shows. Nothing here decides anything about a send.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from composer.accounts import Profile
    from composer.messages import Message
    from composer.sending import HistorySink, SendDeps, SendOutcome
    from ui.services import Services
    from ui.tasks import TaskRunner


def window_deps(services: Services) -> SendDeps:
    """The window's seams for a send: its token store, sandbox, history store, clock and sleep,
    and the cached template library a template send is checked against first."""
    from composer.sending import SendDeps
    from composer.sending.templates import cached_library

    def history() -> AbstractContextManager[HistorySink]:
        return nullcontext(services.store())  # the window's store stays open

    return SendDeps(
        tokens=services.tokens,
        sandbox=services.sandbox,
        history=history,
        clock=services.clock,
        sleep=services.sleep,
        templates=cached_library,  # as the CLI: a template is checked before any request
    )


class WindowSender(QObject):
    """One send at a time, off the UI thread; ``in_flight`` until ``finished`` has been emitted."""

    in_flight_changed = Signal(bool)  # True when a send starts, False just before ``finished``
    attempted = Signal(object)  # composer.sending.AttemptReport
    finished = Signal(object)  # composer.sending.SendOutcome

    def __init__(self, services: Services, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self._in_flight = False

    def in_flight(self) -> bool:
        return self._in_flight

    def start(self, profile: Profile, msg: Message) -> None:
        """Send ``msg`` with ``profile``; the caller has already asked the send gate."""
        from composer.payload import to_payload
        from composer.sending import send_payload

        deps = window_deps(self._services)
        self._in_flight = True
        self.in_flight_changed.emit(True)
        self._tasks.start_reporting(
            lambda report: send_payload(profile, to_payload(msg), deps, report),
            self.attempted.emit,
            self._done,
            lambda exc: self._done(_crashed(exc, profile, msg.to)),
        )

    def _done(self, outcome: SendOutcome) -> None:
        self._in_flight = False
        self.in_flight_changed.emit(False)
        self.finished.emit(outcome)


def _crashed(exc: BaseException, profile: Profile, to: str) -> SendOutcome:
    """A bug, not an expected failure: still an outcome, so the window never stays "Sending…"."""
    from composer.sending import refused

    text = f"Send failed: {type(exc).__name__}: {exc}"
    return refused("Send failed", text, profile=profile.name, recipient=to)
