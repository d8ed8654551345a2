"""Tokens and secrets in the REAL Secret Service (gnome-keyring on a private D-Bus session).

Run: scripts/with-keyring.sh .venv/bin/python -m pytest tests/integration/test_keyring.py
Without a reachable Secret Service these tests FAIL (never skip): CI always runs them inside
scripts/with-keyring.sh, which sets WA_COMPOSER_EXPECT_SECRET_SERVICE=1.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from composer.credentials import (
    SERVICE,
    CredentialsError,
    KeyringSecretStore,
    KeyringTokenStore,
    resolve_token,
)
from tests.examples import examples
from tests.integration.fake_graph import FakeGraph

pytestmark = pytest.mark.keyring
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = examples()


def require_secret_service() -> None:
    """Fail (not error, not skip) with a clear message unless the real Secret Service is in use."""
    import keyring
    from keyring.backends import SecretService

    backend = keyring.get_keyring()
    expected = os.environ.get("WA_COMPOSER_EXPECT_SECRET_SERVICE") == "1"
    if not isinstance(backend, SecretService.Keyring):
        where = (
            "WA_COMPOSER_EXPECT_SECRET_SERVICE=1 is set, yet"
            if expected
            else "No Secret Service is reachable:"
        )
        pytest.fail(
            f"{where} keyring chose {type(backend).__module__}.{type(backend).__name__}. "
            "Run these tests inside scripts/with-keyring.sh (a private D-Bus session with "
            "gnome-keyring), e.g. scripts/with-keyring.sh .venv/bin/python -m pytest "
            "tests/integration/test_keyring.py",
            pytrace=False,
        )


@pytest.fixture
def profile() -> Iterator[str]:
    name = f"t{uuid.uuid4().hex[:12]}"
    yield name
    with contextlib.suppress(CredentialsError):  # the test itself failed for lack of a keyring
        KeyringTokenStore().delete(name)


def token() -> str:
    return f"EAAG{uuid.uuid4().hex}"


def test_token_round_trip_one_entry_per_profile(
    profile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_secret_service()
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    store, other = KeyringTokenStore(), f"{profile}x"
    first, second = token(), token()
    assert store.get(profile) is None
    store.set(profile, first)
    store.set(other, second)
    try:
        assert store.get(profile) == first and store.get(other) == second
        assert resolve_token(profile, store) == first
        store.set(profile, second)  # replacing keeps one entry
        assert store.get(profile) == second
        # Look at the Secret Service directly: one item, service wa-composer, user = profile.
        import secretstorage

        with secretstorage.dbus_init() as conn:
            items = list(
                secretstorage.search_items(conn, {"service": SERVICE, "username": profile})
            )
            assert len(items) == 1 and items[0].get_secret().decode() == second
    finally:
        store.delete(other)
    assert store.remove(profile) is True and store.get(profile) is None
    assert store.remove(profile) is False


def test_named_secrets_do_not_collide_with_tokens(profile: str) -> None:
    require_secret_service()
    tokens, secrets = KeyringTokenStore(), KeyringSecretStore()
    tokens.set(profile, "token-value-1")
    secrets.set(profile, "app_secret", "app-secret-value")
    secrets.set(profile, "verify_token", "verify-value")
    try:
        assert tokens.get(profile) == "token-value-1"
        assert secrets.get(profile, "app_secret") == "app-secret-value"
        assert secrets.get(profile, "verify_token") == "verify-value"
        assert secrets.delete(profile, "app_secret") is True
        assert secrets.get(profile, "app_secret") is None and tokens.get(profile)
    finally:
        secrets.delete(profile, "verify_token")


def cli(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "WA_COMPOSER_TOKEN"}
    return subprocess.run(
        [sys.executable, "-m", "composer", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env | {"WA_COMPOSER_HOME": str(home)},
        cwd=ROOT,
        timeout=60,
    )


def test_cli_token_from_keyring_is_sent_and_never_leaks(profile: str, tmp_path: Path) -> None:
    require_secret_service()
    home, secret = tmp_path / "home", token()
    msg = tmp_path / "m.json"
    msg.write_text(json.dumps(EXAMPLES["list_single_section"]))
    outputs: list[str] = []
    with FakeGraph() as graph:
        steps: list[tuple[tuple[str, ...], str]] = [
            (("profile", "add", profile, "--phone-number-id", "106540352242922",
              "--base-url", graph.url), ""),
            (("token", "set", profile), secret + "\n"),  # piped stdin, never argv
            (("send", str(msg), "--to", "+16505550123", "--profile", profile), ""),
            (("send", str(msg), "--profile", profile, "--json"), ""),
            (("profile", "list"), ""),
        ]  # fmt: skip
        for args, stdin in steps:
            result = cli(home, *args, stdin=stdin)
            assert result.returncode == 0, (args, result.stderr)
            outputs += [result.stdout, result.stderr]
    assert [r.headers["authorization"] for r in graph.requests] == [f"Bearer {secret}"] * 2
    assert KeyringTokenStore().get(profile) == secret
    assert all(secret not in text for text in outputs)
    files = [f for f in home.rglob("*") if f.is_file()]
    assert any(f.name == "profiles.json" for f in files)
    assert any(f.name.startswith("composer.sqlite3") for f in files)
    assert [str(f) for f in files if secret.encode() in f.read_bytes()] == []

    deleted = cli(home, "token", "delete", profile)
    assert deleted.returncode == 0 and "deleted" in deleted.stdout
    assert KeyringTokenStore().get(profile) is None
    again: Any = cli(home, "token", "delete", profile)
    assert again.returncode == 0 and "No token" in again.stdout


LOCK_PROBE = """
import secretstorage
from composer.credentials import CredentialsError, KeyringTokenStore
store = KeyringTokenStore()
store.set("lock-probe", "EAAGlockedTOKEN42")
with secretstorage.dbus_init() as conn:
    secretstorage.get_default_collection(conn).lock()
try:
    store.get("lock-probe")
except CredentialsError as exc:
    print("CredentialsError:", exc)
"""


def test_locked_keyring_says_to_unlock_it(tmp_path: Path) -> None:
    """Locks a real gnome-keyring collection. It runs in its own private session (a nested
    scripts/with-keyring.sh), because a locked collection can't be unlocked again without a
    desktop prompt and would break the other tests."""
    require_secret_service()
    probe = tmp_path / "probe.py"
    probe.write_text(LOCK_PROBE)
    result = subprocess.run(
        [str(ROOT / "scripts" / "with-keyring.sh"), sys.executable, str(probe)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "CredentialsError: The system keyring is locked." in result.stdout
    assert "Unlock your login keyring" in result.stdout
    assert "EAAGlockedTOKEN42" not in result.stdout + result.stderr
