"""The example bot (examples/menu_bot.py, its own process) rehearsed in the window with real
clicks, then the saved rehearsal replayed headlessly against the same bot (REAL keyring)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from composer.credentials import KeyringSecretStore
from composer.rehearsal import Rehearsal
from composer.rehearsal.runner import run_script
from composer.rehearsal.script import load_script
from composer.sandbox import Sandbox, StatusDelays
from composer.storage.drafts import DraftStore
from tests.integration.test_keyring import require_secret_service
from tests.ui.conftest import open_window
from ui.preview.layout import BusinessTurn
from ui.rehearse.settings import SECRETS_OWNER
from ui.services import Services

pytestmark = pytest.mark.keyring
ROOT = Path(__file__).resolve().parents[3]
SECRET = "example-bot-secret"
WAIT_MS = 10_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def sandbox_port() -> int:
    return _free_port()


@pytest.fixture
def bot_url(sandbox_port: int) -> Iterator[str]:
    env = {**os.environ, "APP_SECRET": SECRET, "PORT": "0",
           "GRAPH_URL": f"http://127.0.0.1:{sandbox_port}"}  # fmt: skip
    bot = subprocess.Popen(
        [sys.executable, str(ROOT / "examples" / "menu_bot.py")],
        env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert bot.stdout is not None
    found = re.search(r"http://127\.0\.0\.1:\d+/", bot.stdout.readline())
    assert found, "the example bot did not say where it listens"
    yield found.group(0)
    bot.terminate()
    bot.wait(10)
    bot.stdout.close()


@pytest.fixture
def secrets() -> Iterator[KeyringSecretStore]:
    require_secret_service()
    store = KeyringSecretStore(service=f"wa-composer-test-{uuid.uuid4().hex[:8]}")
    yield store
    store.delete(SECRETS_OWNER, "app_secret")


def _business(window: Any) -> list[BusinessTurn]:
    return [e for e in window.preview.thread_entries() or () if isinstance(e, BusinessTurn)]


def _click(window: Any, qtbot: QtBot, action: tuple[Any, ...]) -> None:
    screen = window.preview.preview_screen()
    hits = screen.overlay_hits + screen.sheet_hits if screen.sheet_rect else screen.chat_hits
    hit = next(h for h in hits if h.action == action)
    canvas = window.preview.canvas
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.widget_point(hit))


def test_the_example_bot_in_the_window_and_its_saved_script_replays(
    qtbot: QtBot, home: Path, secrets: KeyringSecretStore, bot_url: str, sandbox_port: int
) -> None:
    quiet = StatusDelays(sent=None, delivered=None, read=None)
    services = Services(drafts=DraftStore(home / "drafts"), secrets_factory=lambda: secrets,
                        sandbox_factory=lambda: Sandbox(delays=quiet))  # fmt: skip
    window = open_window(qtbot, services)
    link = window.rehearse
    link.mode.port = sandbox_port
    link.set_on(True)
    link.bar.url.setText(bot_url)
    link.bar.secrets["app_secret"].setText(SECRET)  # the verify token: the default one
    link.bar.start_button.click()
    qtbot.waitUntil(link.mode.running, timeout=WAIT_MS)
    link.bar.input.setText("hi")
    link.bar.send_button.click()
    qtbot.waitUntil(lambda: len(_business(window)) == 1, timeout=WAIT_MS)
    turn = len(window.preview.thread_entries() or ()) - 1
    _click(window, qtbot, ("in", turn, "button", 0))  # "See the menu"
    qtbot.waitUntil(lambda: len(_business(window)) == 2, timeout=WAIT_MS)
    turn = len(window.preview.thread_entries() or ()) - 1
    _click(window, qtbot, ("in", turn, "open_list"))
    _click(window, qtbot, ("row", 0, 1))  # Tea
    _click(window, qtbot, ("send_list",))
    qtbot.waitUntil(lambda: len(_business(window)) == 3, timeout=WAIT_MS)
    assert window.preview.preview_screen().texts("body")[-1] == "One Tea, coming up!"
    saved = link.save(str(home / "menu.rehearsal.json"))
    assert saved is not None
    link.set_on(False)  # the window's sandbox stops: the replay serves the same port
    window.close()
    services.close()

    script = load_script(Path(saved).read_bytes())
    replay = Rehearsal(script.customer, script.customer_name, port=sandbox_port, delays=quiet)
    try:
        replay.start(bot_url, SECRET)
        assert run_script(script, replay) is None  # every expectation held: exit 0
    finally:
        replay.close()
