"""The PyInstaller one-folder bundle, built here by ``scripts/bundle.sh`` from
``packaging/wa-composer.spec``, holds every resource and its binary runs from an empty folder:
``--version``, ``validate``, the sandbox's demo data, ``render`` with the shipped fonts and
pictures, and the window (``--exit-after-first-paint``, offscreen).

Slow (the build takes about a minute), marked ``slow``; CI runs it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.integration.packaging import ROOT, bare_env, check_installed_app, resource_files

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(sys.platform != "linux", reason="the bundle test runs on Linux (CI)"),
]
MAX_BUNDLE_MB = 400  # today about 206 MB (PySide6 is most of it): catches a runaway collection


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "VENV": sys.prefix}  # this venv has the project and PyInstaller
    done = subprocess.run(["bash", str(ROOT / "scripts" / "bundle.sh"), "--distpath",
                           str(out / "dist"), "--workpath", str(out / "work")],
                          env=env, capture_output=True, text=True, timeout=800)  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    folder = out / "dist" / "wa-composer"
    assert (folder / "wa-composer").is_file()
    return folder


def test_the_bundle_holds_every_resource(bundle: Path) -> None:
    inside = bundle / "_internal"
    assert [f for f in resource_files() if not (inside / f).is_file()] == []
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    assert size < MAX_BUNDLE_MB * 1024 * 1024, f"{size / 2**20:.0f} MB"


def test_the_bundled_binary_runs_the_commands_and_the_window(bundle: Path, tmp_path: Path) -> None:
    check_installed_app([str(bundle / "wa-composer")], tmp_path / "empty", bare_env(tmp_path))


def test_the_bundled_binary_writes_a_desktop_entry_that_starts_it(
    bundle: Path, tmp_path: Path
) -> None:
    binary = bundle / "wa-composer"
    done = subprocess.run([str(binary), "--install-desktop-entry"], env=bare_env(tmp_path),
                          cwd=tmp_path, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "share" / "applications" / "wa-composer.desktop").read_text("utf-8")
    assert f"Exec={binary}\n" in entry  # the bundle's own binary, not a Python
    assert (tmp_path / "share/icons/hicolor/256x256/apps/wa-composer.png").is_file()
