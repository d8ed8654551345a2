"""With no usable keyring the token commands explain what to install; nothing is written to disk.

Runs the real command in a child process whose D-Bus session address points nowhere, once with
keyring's own auto-detection and once with the fail backend forced.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "EAAGnoKeyringTOKEN55555"


def run(home: Path, *args: str, forced: bool, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("WA_COMPOSER_TOKEN",)}
    env |= {
        "WA_COMPOSER_HOME": str(home),
        "DBUS_SESSION_BUS_ADDRESS": f"unix:path={home}/no-such-bus",
    }
    if forced:
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    else:
        env.pop("PYTHON_KEYRING_BACKEND", None)
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


@pytest.mark.parametrize("forced", [True, False], ids=["fail-backend", "no-dbus"])
def test_token_set_without_keyring_says_what_to_install(tmp_path: Path, forced: bool) -> None:
    home = tmp_path / "home"
    added = run(
        home, "profile", "add", "shop", "--phone-number-id", "106540352242922", forced=forced
    )
    assert added.returncode == 0, added.stderr
    result = run(home, "token", "set", "shop", stdin=TOKEN + "\n", forced=forced)
    assert result.returncode == 2
    assert "gnome-keyring" in result.stderr and "KWallet" in result.stderr
    assert "WA_COMPOSER_TOKEN" in result.stderr and "plain files" in result.stderr
    assert "Traceback" not in result.stderr
    assert TOKEN not in result.stdout + result.stderr
    files = [f for f in home.rglob("*") if f.is_file()]
    assert all(TOKEN.encode() not in f.read_bytes() for f in files)


def test_send_with_a_profile_but_no_keyring_is_exit_2(tmp_path: Path) -> None:
    home = tmp_path / "home"
    run(home, "profile", "add", "shop", "--phone-number-id", "106540352242922", forced=True)
    msg = tmp_path / "m.json"
    msg.write_text(
        '{"messaging_product": "whatsapp", "to": "+16505550123", "type": "text",'
        ' "text": {"body": "hi"}}'
    )
    result = run(home, "send", str(msg), "--profile", "shop", forced=True)
    assert result.returncode == 2
    assert "gnome-keyring" in result.stderr and "Traceback" not in result.stderr
