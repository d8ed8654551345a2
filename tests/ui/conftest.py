"""Fixtures for the composer window: real stores in a temporary home, the in-process sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from composer.sandbox import Sandbox, StatusDelays
from composer.storage.drafts import DraftStore
from ui.app import make_app, make_window
from ui.enum_fast_path import install
from ui.services import Services
from ui.window.main_window import MainWindow

# As the app's launcher does: the Qt classes these tests name from now on get their enums by the
# fast path, as in the window (those the imports above named have theirs already).
install()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path))
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    return tmp_path


@pytest.fixture
def services(home: Path) -> Iterator[Services]:
    # No status webhooks: nothing in these tests listens, and timers must not outlive a test.
    quiet = StatusDelays(sent=None, delivered=None, read=None)
    svc = Services(
        drafts=DraftStore(home / "drafts"), sandbox_factory=lambda: Sandbox(delays=quiet)
    )
    yield svc
    svc.close()


def open_window(
    qtbot: QtBot,
    services: Services,
    start_kind: str | None = None,
    *,
    example: bool = False,
    autosave: bool = False,
) -> MainWindow:
    """The window as the app builds it (ui.app, the composition root), started.

    With no draft it starts on an empty form unless ``example`` (the app's default for a
    brand-new user, tested in test_main_window_examples.py). The throttled autosave is off unless
    ``autosave`` (closing still saves the current draft).
    """
    make_app()
    window = make_window(services, start_kind, example_on_first_start=example, autosave=autosave)
    qtbot.addWidget(window)
    window.show()
    window.finish_startup()
    return window


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> Iterator[MainWindow]:
    w = open_window(qtbot, services)
    yield w
    w.tasks.wait()
