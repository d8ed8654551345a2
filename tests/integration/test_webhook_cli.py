"""``wa-composer webhook`` as a real process: secrets from the environment or the keyring."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from composer.storage.history import Store
from composer.webhooks.parsing import SIGNATURE_HEADER, canonical_body, sign
from tests.paths import DATA

SHAPES = json.loads((DATA / "reference-shapes.json").read_text("utf-8"))
ROOT = Path(__file__).resolve().parents[2]


def _start(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "composer", "webhook", "--port", "0", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _url(proc: subprocess.Popen[str]) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert line.startswith("Receiving webhooks at http://127.0.0.1:"), line + _stderr(proc)
    return line.split(" at ", 1)[1].split(" ", 1)[0]


def _stderr(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None or proc.stderr is None:
        return ""
    return proc.stderr.read()


def _stop(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    """Ctrl+C the receiver; (exit code, rest of stdout, stderr), pipes closed."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        out, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
    return proc.returncode, out, err


def _add_profile(env: dict[str, str], name: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "composer",
            "profile",
            "add",
            name,
            "--phone-number-id",
            "106540352242922",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("WA_COMPOSER_")}
    base["WA_COMPOSER_HOME"] = str(tmp_path)
    yield base


def test_runs_with_env_secrets_and_records(env: dict[str, str], tmp_path: Path) -> None:
    env.update(WA_COMPOSER_APP_SECRET="cli-secret", WA_COMPOSER_VERIFY_TOKEN="cli-token")
    proc = _start(env)
    try:
        url = _url(proc)
        query = {"hub.mode": "subscribe", "hub.challenge": "42", "hub.verify_token": "cli-token"}
        assert httpx.get(url, params=query).text == "42"
        body = canonical_body(SHAPES["webhook_inbound_text"])
        unsigned = httpx.post(url, content=body)
        assert unsigned.status_code == 403
        signed = httpx.post(url, content=body, headers={SIGNATURE_HEADER: sign(body, "cli-secret")})
        assert signed.status_code == 200
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert line.strip() == "2025-06-15T22:05:36Z inbound text from 16505550123"
    finally:
        code, out, err = _stop(proc)
    assert code == 130
    assert "cli-secret" not in out + err and "cli-token" not in out + err
    with Store(tmp_path / "data" / "composer.sqlite3") as store:
        inbound = store.last_inbound("16505550123")
        assert inbound is not None and inbound.source == "webhook"


def test_without_secrets_says_what_to_do(env: dict[str, str]) -> None:
    env["WA_COMPOSER_APP_SECRET"] = "only-the-secret"
    _add_profile(env, "shop")
    done = subprocess.run(
        [sys.executable, "-m", "composer", "webhook", "--profile", "shop"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    err = done.stderr
    assert "verify_token (WA_COMPOSER_VERIFY_TOKEN)" in err and "'shop'" in err
    assert "app_secret" not in err.split("for profile")[0]
    assert "Traceback" not in err


def test_no_keyring_is_explained_for_these_secrets(env: dict[str, str]) -> None:
    # keyring's own "fail" backend: the machine has no keyring at all.
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    done = subprocess.run(
        [sys.executable, "-m", "composer", "webhook"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "no system keyring is available" in done.stderr, done.stderr
    assert "WA_COMPOSER_APP_SECRET" in done.stderr
    assert "access token" not in done.stderr and "WA_COMPOSER_TOKEN" not in done.stderr


def test_unknown_profile_is_named(env: dict[str, str]) -> None:
    # A typo must not end in "no app_secret for profile 'shpo'" (and secrets stored under it).
    env.update(WA_COMPOSER_APP_SECRET="s", WA_COMPOSER_VERIFY_TOKEN="t")
    for extra in ((), ("--store-secrets",)):
        done = subprocess.run(
            [sys.executable, "-m", "composer", "webhook", "--profile", "shpo", *extra],
            cwd=ROOT,
            env=env,
            input="a\nb\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2
        assert "--profile: no profile named 'shpo'" in done.stderr, done.stderr
        assert "Traceback" not in done.stderr


@pytest.mark.keyring
@pytest.mark.skipif(
    not os.environ.get("WA_COMPOSER_EXPECT_SECRET_SERVICE"),
    reason="needs the real Secret Service: run through scripts/with-keyring.sh",
)
def test_secrets_from_the_keyring(env: dict[str, str]) -> None:
    env["WA_COMPOSER_EXPECT_SECRET_SERVICE"] = "1"
    _add_profile(env, "kr")
    stored = subprocess.run(
        [sys.executable, "-m", "composer", "webhook", "--store-secrets", "--profile", "kr"],
        cwd=ROOT,
        env=env,
        input="kr-secret\nkr-token\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert stored.returncode == 0, stored.stderr
    assert "kr-secret" not in stored.stdout + stored.stderr
    proc = _start(env, "--profile", "kr")
    try:
        url = _url(proc)
        query = {"hub.mode": "subscribe", "hub.challenge": "7", "hub.verify_token": "kr-token"}
        assert httpx.get(url, params=query).text == "7"
        body = canonical_body(SHAPES["webhook_inbound_text"])
        ok = httpx.post(url, content=body, headers={SIGNATURE_HEADER: sign(body, "kr-secret")})
        assert ok.status_code == 200
    finally:
        _stop(proc)
    from composer.credentials import KeyringSecretStore

    secrets = KeyringSecretStore()
    secrets.delete("kr", "app_secret")
    secrets.delete("kr", "verify_token")
