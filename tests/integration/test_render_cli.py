"""``wa-composer render`` as a QA pipeline runs it: a separate process with no display, PNGs
named after their inputs, issues printed as ``validate`` prints them, exit statuses 0/1/2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

from composer.samples import sample_payload
from tests.examples import examples, invalid_examples
from wa_composer import launcher

ROOT = Path(__file__).resolve().parents[2]
# Device sizes (screen + bezel) of the three platforms, as ui/preview/platform_themes.py has them
SIZES = {"android": (380, 760), "ios": (395, 780), "web": (520, 760)}


def run(*args: str | Path, cwd: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """``python -m wa_composer ARGS`` with no display at all (no DISPLAY, no QT_QPA_PLATFORM)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM",
                                                            "WAYLAND_DISPLAY")}  # fmt: skip
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "wa_composer", *map(str, args)],
        cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def write(folder: Path, name: str, doc: Any) -> Path:
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def invalid() -> dict[str, Any]:
    case = next(c for c in invalid_examples() if c["rule"] == "button.count")
    payload: dict[str, Any] = case["payload"]
    return payload


def size(path: Path) -> tuple[int, int]:
    image = QImage(str(path))
    assert not image.isNull(), f"{path} is not a picture"
    return image.width(), image.height()


def test_valid_files_are_drawn_into_out_dir_and_exit_0(tmp_path: Path) -> None:
    a = write(tmp_path, "offer.json", examples()["reply_buttons_text_header"])
    b = write(tmp_path, "menu.v2.json", sample_payload("list"))
    done = run("render", a, b, "--platform", "ios", "--theme", "dark", "--out", tmp_path / "out",
               "--scale", "1", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # nothing to report: every file is valid
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "menu.v2-ios-dark.png", "offer-ios-dark.png",
    ]  # fmt: skip
    assert size(tmp_path / "out" / "offer-ios-dark.png") == SIZES["ios"]
    assert "wrote" in done.stderr and "offer-ios-dark.png" in done.stderr


def test_defaults_are_android_light_at_scale_2_in_the_current_folder(tmp_path: Path) -> None:
    a = write(tmp_path, "offer.json", examples()["reply_buttons_text_header"])
    done = run("render", a, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    w, h = SIZES["android"]
    assert size(tmp_path / "offer-android-light.png") == (2 * w, 2 * h)


def test_o_names_the_single_picture_and_refuses_several_inputs(tmp_path: Path) -> None:
    a = write(tmp_path, "a.json", examples()["reply_buttons_text_header"])
    b = write(tmp_path, "b.json", examples()["list_single_section"])
    done = run("render", a, "-o", tmp_path / "pics" / "mine.png", "--platform", "web",
               "--scale", "1", cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert size(tmp_path / "pics" / "mine.png") == SIZES["web"]
    several = run("render", a, b, "-o", tmp_path / "x.png", cwd=tmp_path)
    assert several.returncode == 2 and "-o names one picture" in several.stderr
    assert not (tmp_path / "x.png").exists()
    both = run("render", a, "-o", "x.png", "--out", "d", cwd=tmp_path)
    assert both.returncode == 2 and "not allowed with" in both.stderr


def test_an_invalid_message_is_drawn_with_its_banner_prints_as_validate_and_exits_1(
    tmp_path: Path,
) -> None:
    bad = write(tmp_path, "bad.json", invalid())
    good = write(tmp_path, "good.json", examples()["reply_buttons_text_header"])
    done = run("render", good, bad, "--out", "out", "--scale", "1", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    checked = run("validate", good, bad, cwd=tmp_path)
    assert checked.returncode == 1
    assert done.stdout == checked.stdout != ""
    assert "button.count" in done.stdout
    assert size(tmp_path / "out" / "bad-android-light.png") == SIZES["android"]
    assert (tmp_path / "out" / "good-android-light.png").is_file()


def test_an_unreadable_file_exits_2_and_the_others_are_still_drawn(tmp_path: Path) -> None:
    good = write(tmp_path, "good.json", examples()["reply_buttons_text_header"])
    junk = write(tmp_path, "junk.json", "{not json")
    bad = write(tmp_path, "bad.json", invalid())
    done = run("render", tmp_path / "missing.json", junk, bad, good, "--out", "out",
               cwd=tmp_path)  # fmt: skip
    assert done.returncode == 2, done.stderr
    assert "missing.json: error file.unreadable" in done.stdout
    assert "junk.json: error file.not_json" in done.stdout
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "bad-android-light.png", "good-android-light.png",
    ]  # fmt: skip


def test_json_that_is_not_a_message_is_invalid_not_unreadable(tmp_path: Path) -> None:
    shape = write(tmp_path, "list.json", "[1, 2]")
    done = run("render", shape, "--out", "out", cwd=tmp_path)
    assert done.returncode == 1
    assert "payload.shape" in done.stdout
    assert (tmp_path / "out" / "list-android-light.png").is_file()


def test_stdin_is_drawn_as_stdin(tmp_path: Path) -> None:
    doc = json.dumps(examples()["reply_buttons_text_header"])
    done = run("render", "-", "--out", "out", "--theme", "dark", cwd=tmp_path, stdin=doc)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "stdin-android-dark.png").is_file()


def test_help_documents_the_command(tmp_path: Path) -> None:
    top = run("--help", cwd=tmp_path)
    assert "render" in top.stdout
    helped = run("render", "--help", cwd=tmp_path)
    for words in ("--platform", "{android,ios,web}", "{light,dark}", "--out DIR", "-o FILE.png",
                  "--scale N", "Exit status: 0", "<file stem>-<platform>-<theme>.png"):  # fmt: skip
        assert words in helped.stdout, words
    assert run("render", "x.json", "--scale", "9", cwd=tmp_path).returncode == 2


def test_the_core_alone_has_no_render(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "composer", "render", "x.json"], cwd=tmp_path,
                          env=env, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2 and "invalid choice: 'render'" in done.stderr


def test_without_pyside6_render_says_so_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    a = write(tmp_path, "a.json", examples()["reply_buttons_text_header"])
    monkeypatch.setitem(sys.modules, "ui.preview.render", None)  # import raises ImportError
    assert launcher.main(["render", str(a), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "needs PySide6" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()
