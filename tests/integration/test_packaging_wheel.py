"""The wheel and the sdist (``python -m build``: the sdist first, the wheel built from it) hold
every resource, and the wheel installed into a fresh venv outside the checkout, with its
dependencies from the registry, runs ``--version``, ``validate``, the sandbox's demo data,
``render`` with the shipped fonts and pictures, the window, and the desktop entry.

Slow (about a minute: two builds and a PySide6 install, shared by the tests through session
fixtures), marked ``slow``; CI runs it.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from composer import __version__
from tests.integration.packaging import (
    ROOT,
    bare_env,
    call,
    check_installed_app,
    resource_files,
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


@pytest.fixture(scope="session")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheel = out / f"wa_composer-{__version__}-py3-none-any.whl"
    sdist = out / f"wa_composer-{__version__}.tar.gz"
    assert wheel.is_file() and sdist.is_file(), sorted(p.name for p in out.iterdir())
    return {"wheel": wheel, "sdist": sdist}


@pytest.fixture(scope="session")
def venv(dists: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (no system site-packages) with the wheel and its dependencies installed."""
    where = tmp_path_factory.mktemp("fresh") / "venv"
    made = subprocess.run([sys.executable, "-m", "venv", str(where)], capture_output=True,
                          text=True, timeout=300)  # fmt: skip
    assert made.returncode == 0, made.stderr
    done = subprocess.run([str(where / "bin" / "python"), "-m", "pip", "install", "-q",
                           "--disable-pip-version-check", str(dists["wheel"])],
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    return where


def test_the_wheel_and_the_sdist_hold_every_resource(dists: dict[str, Path]) -> None:
    wanted = resource_files()
    in_wheel = set(zipfile.ZipFile(dists["wheel"]).namelist())
    assert [f for f in wanted if f not in in_wheel] == []
    with tarfile.open(dists["sdist"]) as sdist:
        prefix = f"wa_composer-{__version__}/"
        in_sdist = {name.removeprefix(prefix) for name in sdist.getnames()}
    assert [f for f in [*wanted, "README.md", "pyproject.toml"] if f not in in_sdist] == []
    licences = {n.rsplit("/", 1)[-1] for n in in_wheel if "/licenses/" in n}
    assert {"LICENSE-Inter.txt", "LICENSE-LiberationSans.txt", "LICENSE-Roboto.txt"} <= licences


def test_the_installed_wheel_reads_nothing_from_the_checkout(venv: Path, tmp_path: Path) -> None:
    env = bare_env(tmp_path, venv / "bin")
    code = ("import composer, resources, ui, wa_composer\n"
            "for m in (composer, resources, ui, wa_composer): print(m.__file__)")  # fmt: skip
    done = call([str(venv / "bin" / "python"), "-c", code], tmp_path, env)
    assert done.returncode == 0, done.stderr
    for line in done.stdout.split():
        assert Path(line).is_relative_to(venv) and not Path(line).is_relative_to(ROOT)
    isolated = call([str(venv / "bin" / "python"), "-c", "import sys; print(sys.path)"],
                    tmp_path, env)  # fmt: skip
    assert str(ROOT) not in isolated.stdout and "site-packages" in isolated.stdout


def test_the_installed_wheel_runs_the_commands_and_the_window(venv: Path, tmp_path: Path) -> None:
    program = [str(venv / "bin" / "wa-composer")]
    check_installed_app(program, tmp_path / "empty", bare_env(tmp_path, venv / "bin"))


def test_the_installed_wheel_writes_a_desktop_entry_that_starts_it(
    venv: Path, tmp_path: Path
) -> None:
    env = bare_env(tmp_path, venv / "bin")
    done = call([str(venv / "bin" / "wa-composer"), "--install-desktop-entry"], tmp_path, env)
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "share" / "applications" / "wa-composer.desktop").read_text("utf-8")
    assert f"Exec={venv / 'bin' / 'wa-composer'}\n" in entry
    assert (tmp_path / "share/icons/hicolor/scalable/apps/wa-composer.svg").is_file()
