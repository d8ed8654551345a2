"""The one off-thread reader of the account's catalog and template library: one read at a time,
the last ask wins (with its Refresh), a result for a profile left behind is dropped."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from ui.tasks import TaskRunner
from ui.window.account_reader import AccountReader


class Account:
    """A read that blocks until released, so a test can ask again while it runs."""

    def __init__(self) -> None:
        self.profile = "sandbox"
        self.release = threading.Event()
        self.reads: list[tuple[str, bool]] = []
        self.arrived: list[str] = []
        self.reports: list[tuple[str, str]] = []
        self.busy: list[bool] = []

    def read(self, name: str, refresh: bool) -> str:
        self.reads.append((name, refresh))
        self.release.wait(5)
        if name == "broken":
            raise OSError("the token may not read it")
        return f"{name}:{refresh}"

    def reader(self, tasks: TaskRunner) -> AccountReader[str]:
        reader = AccountReader(
            tasks, lambda: self.profile, self.read, self.arrived.append,
            lambda level, text: self.reports.append((level, text)), "The thing",
        )  # fmt: skip
        reader.busy = self.busy.append
        return reader


def test_an_ask_during_a_read_runs_after_it_and_the_last_ask_wins(qtbot: QtBot) -> None:
    tasks, account = TaskRunner(), Account()
    reader = account.reader(tasks)
    reader.load()
    reader.load(refresh=True)
    reader.load(refresh=False)  # the last ask: no refresh
    account.release.set()
    qtbot.waitUntil(lambda: len(account.arrived) == 2, timeout=5_000)
    assert account.reads == [("sandbox", False), ("sandbox", False)]
    assert account.arrived == ["sandbox:False", "sandbox:False"]
    assert account.busy == [True, False, True, False]
    tasks.wait()


def test_a_refresh_asked_during_a_read_is_kept(qtbot: QtBot) -> None:
    tasks, account = TaskRunner(), Account()
    reader = account.reader(tasks)
    reader.load()
    reader.load(refresh=True)
    account.release.set()
    qtbot.waitUntil(lambda: len(account.arrived) == 2, timeout=5_000)
    assert account.reads == [("sandbox", False), ("sandbox", True)]
    tasks.wait()


def test_a_result_for_a_profile_left_behind_is_dropped(qtbot: QtBot) -> None:
    tasks, account = TaskRunner(), Account()
    reader = account.reader(tasks)
    reader.load()
    account.profile = "work"  # the user picked another profile while the read ran
    account.release.set()
    qtbot.waitUntil(lambda: account.busy == [True, False], timeout=5_000)
    assert account.arrived == []
    tasks.wait()


def test_a_failed_read_says_what_could_not_be_read(qtbot: QtBot) -> None:
    tasks, account = TaskRunner(), Account()
    account.profile = "broken"
    account.release.set()
    account.reader(tasks).load()
    qtbot.waitUntil(lambda: account.reports != [], timeout=5_000)
    assert account.reports == [("error", "The thing could not be read: the token may not read it")]
    assert account.arrived == [] and account.busy == [True, False]
    tasks.wait()
