"""Reads one thing of the current account off the UI thread: the product catalog, the template
library. Shared by ``ui.window.products`` and ``ui.window.templates`` so both behave alike.

One read at a time: an ask while one runs is kept (the last ask wins, with its Refresh) and runs
when it ends. A result arrives only if the profile is still the one it was read for; a failure
is reported in words. ``busy`` tells the caller when a read starts and ends (a spinner).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:
    from ui.tasks import TaskRunner

T = TypeVar("T")
Report = Callable[[str, str], None]


class AccountReader(Generic[T]):
    def __init__(
        self,
        tasks: TaskRunner,
        profile: Callable[[], str],
        read: Callable[[str, bool], T],
        arrived: Callable[[T], None],
        report: Report,
        what: str,
    ) -> None:
        """``read(profile name, refresh)`` runs on a worker thread; ``arrived`` and ``report``
        on the UI thread; ``what`` names the thing in the failure text ("The template list")."""
        self._tasks = tasks
        self._profile = profile
        self._read = read
        self._arrived = arrived
        self._report = report
        self._what = what
        self.busy: Callable[[bool], None] = lambda _running: None
        self._running = False
        self._wanted: bool | None = None  # asked while a read ran: its refresh flag

    def load(self, *, refresh: bool = False) -> None:
        if self._running:
            self._wanted = refresh
            return
        self._running = True
        self.busy(True)
        name = self._profile()
        self._tasks.start(lambda: self._read(name, refresh), lambda v: self._done(name, v),
                          self._failed)  # fmt: skip

    def _done(self, name: str, value: T) -> None:
        self._finish()
        if name == self._profile():
            self._arrived(value)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self._report("error", f"{self._what} could not be read: {exc}")

    def _finish(self) -> None:
        self._running = False
        self.busy(False)
        wanted, self._wanted = self._wanted, None
        if wanted is not None:
            self.load(refresh=wanted)
