"""What an installed WA Composer must do from an empty folder, whatever installed it (the wheel
in a fresh venv, or the PyInstaller bundle): shared by test_packaging_wheel.py and
test_packaging_bundle.py.

Run with no PYTHONPATH, from a folder outside the checkout, in a home of its own, so nothing can
be read from the source tree; a picture ``render`` draws there must equal, pixel for pixel, the
one the checkout draws (fonts and the demo catalog's pictures really came along).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from composer import __version__
from composer.samples import sample_payload
from tests.examples import invalid_examples

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("composer", "ui", "wa_composer", "resources")


def resource_files() -> list[str]:
    """Every file the packages read at run time that is not Python source, relative to ROOT."""
    out = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*")):
            if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in \
                    path.parts:  # fmt: skip
                out.append(path.relative_to(ROOT).as_posix())
    assert len(out) > 30 and "resources/fonts/LICENSE-Roboto.txt" in out  # not vacuous
    return out


def bare_env(home: Path, bin_dir: Path | None = None) -> dict[str, str]:
    """The environment of a user who installed the app: no PYTHONPATH, no venv, no display."""
    drop = ("PYTHONPATH", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY", "PYTHONHOME",
            "WA_COMPOSER_EXIT_WHEN_READY")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in drop}
    path = env.get("PATH", "")
    env.update(HOME=str(home), WA_COMPOSER_HOME=str(home / "wa"), QT_QPA_PLATFORM="offscreen",
               XDG_DATA_HOME=str(home / "share"))  # fmt: skip
    if bin_dir is not None:
        env["PATH"] = f"{bin_dir}{os.pathsep}{path}"
    return env


def write_messages(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    case = next(c for c in invalid_examples() if c["rule"] == "button.count")
    docs = {"good": sample_payload("list"), "bad": case["payload"],
            "product": sample_payload("product")}  # fmt: skip
    out = {}
    for name, doc in docs.items():
        out[name] = folder / f"{name}.json"
        out[name].write_text(json.dumps(doc), encoding="utf-8")
    return out


def call(cmd: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=180)


def reference_picture(message: Path, out: Path) -> QImage:
    """The picture the checkout itself draws of ``message`` (scale 1)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out.parent.mkdir(parents=True, exist_ok=True)
    done = call([sys.executable, "-m", "wa_composer", "render", str(message), "-o", str(out),
                 "--scale", "1"], cwd=out.parent, env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return QImage(str(out))


def check_installed_app(program: list[str], workdir: Path, env: dict[str, str]) -> None:
    """``--version``, ``validate``, ``templates list``, ``render`` and the window, as installed."""
    workdir.mkdir(parents=True, exist_ok=True)
    files = write_messages(workdir / "messages")
    version = call([*program, "--version"], workdir, env)
    assert (version.returncode, version.stdout.strip()) == (0, f"wa-composer {__version__}"), \
        version.stderr  # fmt: skip
    good = call([*program, "validate", str(files["good"])], workdir, env)
    assert (good.returncode, good.stdout) == (0, ""), good.stderr
    bad = call([*program, "validate", "--json", str(files["bad"])], workdir, env)
    assert bad.returncode == 1, bad.stderr
    assert "button.count" in [i["rule"] for i in json.loads(bad.stdout)[0]["issues"]]
    demo = call([*program, "templates", "list", "--json"], workdir, env)  # data/templates.json
    assert demo.returncode == 0, demo.stderr
    assert "appointment_reminder" in {t["name"] for t in json.loads(demo.stdout)}
    picture = workdir / "product.png"
    drawn = call([*program, "render", str(files["product"]), "-o", str(picture), "--scale", "1"],
                 workdir, env)  # fmt: skip
    assert drawn.returncode == 0, drawn.stderr
    expected = reference_picture(files["product"], workdir / "reference" / "product.png")
    assert QImage(str(picture)) == expected, "fonts or catalog pictures differ from the checkout's"
    window = call([*program, "--exit-after-first-paint"], workdir, env)
    assert window.returncode == 0, window.stderr
    assert "Traceback" not in window.stderr and "already open" not in window.stderr
