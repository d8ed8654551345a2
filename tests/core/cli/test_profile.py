"""``wa-composer profile`` and the keyring-free paths of ``wa-composer token``."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from composer.accounts import ProfileStore
from composer.cli import main

PNID = "106540352242922"


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path))
    return tmp_path


def test_add_list_remove(capsys: Any) -> None:
    assert main(["profile", "list"]) == 0
    assert "sandbox" in capsys.readouterr().out
    args = ["--waba-id", "102290129340398", "--api-version", "v23.0"]
    assert main(["profile", "add", "shop", "--phone-number-id", PNID, *args]) == 0
    assert "wa-composer token set shop" in capsys.readouterr().out
    profile = ProfileStore().get("shop")
    assert (profile.waba_id, profile.api_version) == ("102290129340398", "v23.0")
    assert main(["profile", "list"]) == 0
    out = capsys.readouterr().out
    assert "shop" in out and PNID in out and "v23.0" in out
    assert main(["profile", "remove", "shop"]) == 0
    assert ProfileStore().list() == []
    assert main(["profile", "remove", "shop"]) == 2
    assert "no profile named 'shop'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--base-url", "http://example.com"], "base_url"),
        (["--api-version", "24"], "api_version"),
        (["--waba-id", "x1"], "waba_id"),
    ],
)
def test_add_rejects_bad_values_with_the_field(extra: list[str], words: str, capsys: Any) -> None:
    assert main(["profile", "add", "shop", "--phone-number-id", PNID, *extra]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert ProfileStore().list() == []


def test_bad_phone_number_id_and_duplicate(capsys: Any) -> None:
    assert main(["profile", "add", "shop", "--phone-number-id", "+1 555"]) == 2
    assert "phone_number_id" in capsys.readouterr().err
    assert main(["profile", "add", "shop", "--phone-number-id", PNID]) == 0
    assert main(["profile", "add", "shop", "--phone-number-id", PNID]) == 2
    assert "already exists" in capsys.readouterr().err


def test_token_is_never_an_argument(capsys: Any) -> None:
    assert main(["profile", "add", "shop", "--phone-number-id", PNID]) == 0
    assert main(["token", "set", "shop", "EAAGsecret"]) == 2
    captured = capsys.readouterr()
    assert "never taken from the command line" in captured.err
    assert "EAAGsecret" not in captured.out + captured.err


def test_token_set_needs_a_profile_and_a_token(
    capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("EAAGsomething\n"))
    assert main(["token", "set", "ghost"]) == 2
    assert "no profile named 'ghost'" in capsys.readouterr().err
    assert main(["profile", "add", "shop", "--phone-number-id", PNID]) == 0
    for given in ("", "\n", "two words\n"):
        monkeypatch.setattr("sys.stdin", io.StringIO(given))
        assert main(["token", "set", "shop"]) == 2
    assert "no token given" in capsys.readouterr().err
