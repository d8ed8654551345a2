"""Credentials without a Secret Service: env override, clear errors, no secret in reprs.

The real Secret Service round trip is in tests/integration/test_keyring.py.
"""

from __future__ import annotations

import pytest
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordSetError

from composer.credentials import (
    LOCKED_HELP,
    SERVICE,
    CredentialsError,
    KeyringSecretStore,
    KeyringTokenStore,
    SecretStr,
    _translate,
    is_usable_token,
    resolve_token,
)

TOKEN = "EAAGcoreTOKEN123"


def test_env_token_wins_without_touching_the_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WA_COMPOSER_TOKEN", f"  {TOKEN}\n")
    # The fail backend raises on any use, so reaching it would fail this test.
    assert resolve_token("shop", KeyringTokenStore(backend=fail.Keyring())) == TOKEN


def test_no_keyring_gives_install_advice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)
    store = KeyringTokenStore(backend=fail.Keyring())
    for action in (lambda: store.set("shop", TOKEN), lambda: store.get("shop"),
                   lambda: resolve_token("shop", store), lambda: store.delete("shop")):  # fmt: skip
        with pytest.raises(CredentialsError) as caught:
            action()
        text = str(caught.value)
        assert "gnome-keyring" in text and "WA_COMPOSER_TOKEN" in text
        assert TOKEN not in text
    secrets = KeyringSecretStore(backend=fail.Keyring())
    with pytest.raises(CredentialsError, match="gnome-keyring"):
        secrets.set("shop", "app_secret", "s3cret")


def test_locked_and_other_failures_are_explained_without_the_secret() -> None:
    assert str(_translate(KeyringLocked("locked"))) == LOCKED_HELP
    dismissed = _translate(PasswordSetError("Prompt dismissed."))
    assert "Unlock your login keyring" in str(dismissed)
    echoed = _translate(PasswordSetError(f"could not store {TOKEN}"), TOKEN)
    assert TOKEN not in str(echoed) and "***" in str(echoed)


class PlaintextKeyring:
    """Stands in for keyrings.alt's PlaintextKeyring: installing keyrings.alt would make it the
    machine-wide default, so the refusal is tested against an object of the same name. It must
    NOT subclass keyring's KeyringBackend: every subclass registers itself as a candidate
    backend, and keyring would then pick a chainer including it for the whole process."""

    def get_password(self, service: str, username: str) -> str | None:
        raise AssertionError("a plaintext backend must never be used")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise AssertionError("a plaintext backend must never be used")

    def delete_password(self, service: str, username: str) -> None:
        raise AssertionError("a plaintext backend must never be used")


def test_plaintext_backends_are_refused() -> None:
    with pytest.raises(CredentialsError, match="plain file"):
        KeyringTokenStore(backend=PlaintextKeyring()).set("shop", TOKEN)


def test_missing_token_names_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WA_COMPOSER_TOKEN", raising=False)

    class Empty:  # a TokenStore with nothing stored (the protocol's simplest real instance)
        def get(self, profile: str) -> str | None:
            return None

        def set(self, profile: str, token: str) -> None: ...

        def delete(self, profile: str) -> None: ...

    with pytest.raises(CredentialsError, match="wa-composer token set shop"):
        resolve_token("shop", Empty())


def test_secret_names_are_checked() -> None:
    with pytest.raises(CredentialsError):
        KeyringSecretStore(backend=fail.Keyring()).get("shop", "a/b")


def test_reprs_hide_secrets() -> None:
    secret = SecretStr(TOKEN)
    assert TOKEN not in repr(secret) and TOKEN not in str(secret) and TOKEN not in f"{secret}"
    assert secret.get_secret_value() == TOKEN and secret == SecretStr(TOKEN)
    assert repr(KeyringTokenStore()) == f"KeyringTokenStore(service={SERVICE!r})"


@pytest.mark.parametrize(
    ("token", "usable"),
    [("EAAG1abc-_.=", True), ("", False), ("EAAG abc", False), ("EAAG\n", False), ("EAAGé", False)],
)
def test_is_usable_token(token: str, usable: bool) -> None:
    assert is_usable_token(token) is usable


def test_unusable_env_token_is_refused_without_echoing_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pasted token with a space inside: say which source is wrong, never show the value."""
    monkeypatch.setenv("WA_COMPOSER_TOKEN", "EAAG secret")
    with pytest.raises(CredentialsError) as caught:
        resolve_token("shop", KeyringTokenStore(backend=fail.Keyring()))
    assert "WA_COMPOSER_TOKEN contains spaces" in str(caught.value)
    assert "secret" not in str(caught.value)
