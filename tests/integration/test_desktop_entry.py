"""``wa-composer --install-desktop-entry`` as a user runs it: a real process writes the entry and
the icons under ``$XDG_DATA_HOME``, the entry's keys are those a desktop reads (and its Exec line
really starts this install), and ``--uninstall-desktop-entry`` removes exactly those files."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from composer import __version__
from wa_composer import desktop_entry

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, data_home: Path | None, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    env.update(PYTHONPATH=str(ROOT), HOME=str(home), WA_COMPOSER_HOME=str(home / "wa"))
    if data_home is not None:
        env["XDG_DATA_HOME"] = str(data_home)
    return subprocess.run(
        [sys.executable, "-m", "wa_composer", *args],
        env=env, capture_output=True, text=True, timeout=120, cwd=home,
    )  # fmt: skip


def read_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(path.read_text(encoding="utf-8"))
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def test_install_writes_an_entry_a_desktop_can_launch(tmp_path: Path) -> None:
    data = tmp_path / "xdg"
    done = run("--install-desktop-entry", data_home=data, home=tmp_path)
    assert done.returncode == 0, done.stderr
    entry_path = data / "applications" / "wa-composer.desktop"
    svg = data / "icons" / "hicolor" / "scalable" / "apps" / "wa-composer.svg"
    png = data / "icons" / "hicolor" / "256x256" / "apps" / "wa-composer.png"
    assert done.stdout.split() == ["wrote", str(entry_path), "wrote", str(svg), "wrote", str(png)]
    entry = read_entry(entry_path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "WA Composer"
    assert entry["Icon"] == "wa-composer"  # found by name in icons/hicolor
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Network;Chat;"
    assert entry["StartupWMClass"] == "WA Composer"  # QApplication's name (test_app_identity)
    icons = resources.files("resources") / "icons"
    assert svg.read_bytes() == (icons / "app.svg").read_bytes()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.read_bytes() == (icons / "wa-composer-256.png").read_bytes()
    # Exec starts this very install: run it (from elsewhere) with --version
    argv = shlex.split(entry["Exec"])
    assert Path(argv[0]).is_absolute()
    started = subprocess.run([*argv, "--version"], capture_output=True, text=True, timeout=60,
                             cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    assert started.stdout.strip() == f"wa-composer {__version__}", started.stderr
    validator = shutil.which("desktop-file-validate")  # scripts/test.sh installs it
    if validator:
        checked = subprocess.run([validator, str(entry_path)], capture_output=True, text=True)
        assert (checked.returncode, checked.stdout) == (0, ""), checked.stdout


def test_uninstall_removes_what_install_wrote_and_nothing_else(tmp_path: Path) -> None:
    data = tmp_path / "xdg"
    other = data / "applications" / "someone-else.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")
    assert run("--install-desktop-entry", data_home=data, home=tmp_path).returncode == 0
    written = sorted(p for p in data.rglob("*") if p.is_file() and p != other)
    assert len(written) == 3
    done = run("--uninstall-desktop-entry", data_home=data, home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(done.stdout.split()[1::2]) == [str(p) for p in written]
    assert [p for p in data.rglob("*") if p.is_file()] == [other]
    again = run("--uninstall-desktop-entry", data_home=data, home=tmp_path)
    assert again.returncode == 0 and "no desktop entry to remove" in again.stdout


def test_without_xdg_data_home_the_entry_goes_to_local_share(tmp_path: Path) -> None:
    done = run("--install-desktop-entry", data_home=None, home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".local/share/applications/wa-composer.desktop").is_file()
    assert (tmp_path / ".local/share/icons/hicolor/scalable/apps/wa-composer.svg").is_file()


def test_the_two_flags_exclude_each_other(tmp_path: Path) -> None:
    done = run("--install-desktop-entry", "--uninstall-desktop-entry", data_home=tmp_path,
               home=tmp_path)  # fmt: skip
    assert done.returncode == 2 and "not allowed with" in done.stderr
    assert not (tmp_path / "applications").exists()


def test_a_relative_xdg_data_home_is_ignored_as_the_spec_says(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    assert desktop_entry.data_home() == tmp_path / ".local" / "share"


def test_exec_quotes_reserved_characters_as_the_spec_says() -> None:
    value = desktop_entry.exec_value(["/opt/My Apps/wa-composer", "-m", "100%", "$x"])
    # quoted args: " ` $ \ escaped with a backslash, then every backslash doubled (a string key)
    assert value == '"/opt/My Apps/wa-composer" -m 100%% "\\\\$x"'
    assert desktop_entry.exec_value(["/usr/bin/wa-composer"]) == "/usr/bin/wa-composer"
