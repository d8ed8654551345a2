"""One window per data folder, with real processes: a second ``wa-composer`` on the same folder
brings the first window to the front and exits; another folder opens its own window; a socket
left by a crashed (SIGKILLed) instance does not block the next start."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from composer.storage import paths
from ui.app import bring_to_front
from ui.single_instance import SingleInstance, server_name
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
ALREADY_OPEN = "is already open on"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Unix socket files")


def env_for(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(PYTHONPATH=str(ROOT), WA_COMPOSER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    env.pop("WA_COMPOSER_EXIT_WHEN_READY", None)
    return env


def launch(home: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    home.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "wa_composer", *args], env=env_for(home),
                          capture_output=True, text=True, timeout=timeout, cwd=home)  # fmt: skip


def socket_file(home: Path) -> Path:
    """Where Qt puts the server of ``home``'s data folder (a plain name: in the temp folder)."""
    return Path(QDir.tempPath()) / server_name(home / "data")


@pytest.fixture
def first(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A running ``wa-composer`` window (its own process) on ``tmp_path``, listening."""
    process = subprocess.Popen([sys.executable, "-m", "wa_composer"], env=env_for(tmp_path),
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)  # fmt: skip
    deadline = time.monotonic() + 60
    while not socket_file(tmp_path).exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the first window never listened"
        time.sleep(0.05)
    yield process
    if process.poll() is None:
        process.terminate()  # SIGTERM: Qt does not close its server, like a crash
    process.communicate(timeout=30)
    socket_file(tmp_path).unlink(missing_ok=True)  # leave no litter in the temp folder


def test_a_second_launch_hands_over_to_the_running_window(
    first: subprocess.Popen[str], tmp_path: Path
) -> None:
    second = launch(tmp_path, timeout=60)
    assert second.returncode == 0, second.stderr
    assert ALREADY_OPEN in second.stderr and str(tmp_path / "data") in second.stderr
    assert first.poll() is None  # the first window is still open


def test_another_data_folder_opens_its_own_window(
    first: subprocess.Popen[str], tmp_path: Path
) -> None:
    other = launch(tmp_path / "other", "--exit-after-first-paint")
    assert other.returncode == 0, other.stderr
    assert ALREADY_OPEN not in other.stderr
    assert first.poll() is None


def test_a_stale_socket_from_a_crash_does_not_block_the_next_start(
    first: subprocess.Popen[str], tmp_path: Path
) -> None:
    first.send_signal(signal.SIGKILL)  # a crash: nobody removes the socket file
    first.wait(30)
    assert socket_file(tmp_path).exists()
    again = launch(tmp_path, "--exit-after-first-paint")
    assert again.returncode == 0, again.stderr
    assert ALREADY_OPEN not in again.stderr


BOTH_WAYS = pytest.mark.parametrize("unix_sockets", [True, False], ids=["early-claim", "qt-claim"])


@BOTH_WAYS
def test_a_leftover_socket_file_no_one_listens_on_is_replaced(
    qtbot: QtBot, tmp_path: Path, unix_sockets: bool
) -> None:
    stale = socket_file(tmp_path)
    left = socket.socket(socket.AF_UNIX)
    left.bind(str(stale))
    left.close()  # bound, never listened, never unlinked: what a crash leaves
    instance = SingleInstance(tmp_path / "data", unix_sockets=unix_sockets)
    try:
        assert instance.claim() is True and instance.listening
        assert stale.exists() and stale.stat().st_mode & 0o077 == 0  # the user's own
        instance.serve()
        assert instance.listening
    finally:
        instance.close()
    assert not stale.exists()  # closing removes it


@BOTH_WAYS
def test_a_second_claim_on_the_folder_hands_over_and_is_heard(
    qtbot: QtBot, tmp_path: Path, unix_sockets: bool
) -> None:
    """The second claim is told no (False) and its request reaches the first as ``activated``:
    sent before the first serves (the early claim's backlog keeps it) and after."""
    first = SingleInstance(tmp_path / "data", unix_sockets=unix_sockets)
    heard: list[str] = []
    first.activated.connect(lambda: heard.append("activate"))
    try:
        assert first.claim() is True
        early = SingleInstance(tmp_path / "data", unix_sockets=unix_sockets)
        assert early.claim() is False and not early.listening
        first.serve()
        qtbot.waitUntil(lambda: heard == ["activate"], timeout=10_000)
        assert SingleInstance(tmp_path / "data", unix_sockets=unix_sockets).claim() is False
        qtbot.waitUntil(lambda: heard == ["activate"] * 2, timeout=10_000)
    finally:
        first.close()
    assert not socket_file(tmp_path).exists()
    other = SingleInstance(tmp_path / "data", unix_sockets=unix_sockets)
    try:
        assert other.claim() is True  # the folder is free again
    finally:
        other.close()


@BOTH_WAYS
def test_an_instance_is_freed_with_its_last_reference_once_a_launch_was_heard(
    qtbot: QtBot, tmp_path: Path, unix_sockets: bool
) -> None:
    """A connection's slot must not hold the instance. A lambda did: it kept the instance alive
    until the socket's deferred deletion, which then deleted the instance, its server and the
    socket itself from inside the socket's destructor (a segfault, seen once in CI)."""
    import gc
    import weakref

    from ui.single_instance import ACTIVATE

    first = SingleInstance(tmp_path / "data", unix_sockets=unix_sockets)
    heard: list[str] = []
    first.activated.connect(lambda: heard.append("activate"))
    assert first.claim() is True
    first.serve()
    client = socket.socket(socket.AF_UNIX)  # a launch that asked and has not hung up yet
    try:
        client.connect(str(socket_file(tmp_path)))
        client.sendall(ACTIVATE)
        qtbot.waitUntil(lambda: heard == ["activate"], timeout=10_000)
        alive = weakref.ref(first)
        first.close()
        del first
        gc.collect()
        assert alive() is None
    finally:
        client.close()


def test_the_window_comes_to_the_front_when_a_second_launch_asks(
    qtbot: QtBot, window: MainWindow
) -> None:
    home = Path(os.environ[paths.HOME_ENV])
    instance = SingleInstance(paths.data_dir())
    assert instance.claim() is True
    try:
        instance.activated.connect(lambda: bring_to_front(window))
        instance.serve()
        window.showMinimized()
        qtbot.waitUntil(window.isMinimized)
        with qtbot.waitSignal(instance.activated, timeout=30_000):
            second = subprocess.Popen([sys.executable, "-m", "wa_composer"], env=env_for(home),
                                      cwd=home, stderr=subprocess.PIPE, text=True)  # fmt: skip
            qtbot.waitUntil(lambda: second.poll() is not None, timeout=60_000)
        assert second.returncode == 0 and ALREADY_OPEN in (second.communicate()[1] or "")
        qtbot.waitUntil(lambda: not window.isMinimized())
        assert window.isVisible()
    finally:
        instance.close()
