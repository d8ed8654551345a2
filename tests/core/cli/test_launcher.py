"""The launcher chooses CLI or window; the core alone runs commands and never reaches for the ui."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pytest

from composer.cli import main as cli_main
from wa_composer import launcher


def test_the_core_cli_with_no_command_says_where_the_window_is(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli_main([]) == 2
    err = capsys.readouterr().err
    assert "python -m wa_composer" in err and "Traceback" not in err


def test_a_command_runs_without_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        launcher.main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("wa-composer ")


def test_no_command_opens_the_window_through_the_launcher(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[argparse.Namespace] = []

    def fake_open(args: argparse.Namespace) -> int:
        opened.append(args)
        return 0

    monkeypatch.setattr(launcher, "open_window", fake_open)
    assert launcher.main(["--exit-after-first-paint"]) == 0
    assert len(opened) == 1 and opened[0].exit_after_first_paint is True


def test_without_pyside6_the_window_says_so_plainly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "ui.app", None)  # import ui.app raises ImportError
    assert launcher.open_window(argparse.Namespace(exit_after_first_paint=True)) == 2
    assert "needs PySide6" in capsys.readouterr().err


def test_no_argument_opens_the_window_without_building_the_command_parsers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[argparse.Namespace] = []
    monkeypatch.setattr(launcher, "open_window", lambda args: opened.append(args) or 0)
    monkeypatch.delitem(sys.modules, "composer.cli.send", raising=False)
    assert launcher.main([]) == 0
    assert len(opened) == 1 and opened[0].exit_after_first_paint is False
    assert "composer.cli.send" not in sys.modules  # no parser was built on the way


def test_a_window_flag_still_goes_through_the_parser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    opened: list[argparse.Namespace] = []
    monkeypatch.setattr(launcher, "open_window", lambda args: opened.append(args) or 0)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert launcher.main(["--exit-after-first-paint", "--uninstall-desktop-entry"]) == 0
    assert opened == []  # the desktop-entry flag was acted on instead of opening the window
