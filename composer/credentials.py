"""Access tokens and other per-profile secrets, kept in the OS keyring and nowhere else.

No keyring (or a locked one) is an error with a message saying what to install or unlock; there
is deliberately no plaintext fallback, and plaintext backends (keyrings.alt) are refused.
``WA_COMPOSER_TOKEN`` overrides the keyring for automation (CI, scripts).
"""

from __future__ import annotations

import os
from typing import Any, Protocol

SERVICE = "wa-composer"
TOKEN_ENV = "WA_COMPOSER_TOKEN"  # noqa: S105 (the variable's name, not a token)

NO_KEYRING_HELP = (
    "No system keyring is available to store the access token, and WA Composer never saves "
    "tokens in plain files. Install and start a Secret Service provider (GNOME Keyring: "
    "`sudo apt install gnome-keyring`; or KWallet on KDE) in your desktop session (it needs a "
    f"D-Bus session bus). For automation, set the {TOKEN_ENV} environment variable instead."
)
LOCKED_HELP = (
    "The system keyring is locked. Unlock your login keyring (log in to the desktop session, "
    "or open Passwords and Keys / KWallet Manager and unlock it), then try again."
)


class CredentialsError(Exception):
    """The keyring can't be used, or no token is stored. The message says what to do."""


class SecretStr:
    """A string that never shows itself in repr/str (logs, tracebacks, f-strings)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "SecretStr('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SecretStr) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def is_usable_token(token: str) -> bool:
    """Printable ASCII with no spaces: what Meta's tokens look like. Anything else is a copy
    accident (a line break, a quote character from a chat app) that would fail every call."""
    return bool(token) and all(33 <= ord(c) <= 126 for c in token)


class TokenStore(Protocol):
    def get(self, profile: str) -> str | None: ...

    def set(self, profile: str, token: str) -> None: ...

    def delete(self, profile: str) -> None: ...


class _KeyringBase:
    """Shared plumbing: backend choice, plaintext refusal and error translation."""

    def __init__(self, service: str = SERVICE, backend: Any | None = None) -> None:
        self.service = service
        self._backend = backend

    def __repr__(self) -> str:
        return f"{type(self).__name__}(service={self.service!r})"

    def backend(self) -> Any:
        """The keyring backend in use (the platform's default unless one was injected)."""
        import keyring

        chosen = self._backend if self._backend is not None else keyring.get_keyring()
        _refuse_plaintext(chosen)
        return chosen

    def _get(self, key: str) -> str | None:
        import keyring.errors

        try:
            value = self.backend().get_password(self.service, key)
        except keyring.errors.KeyringError as exc:
            raise _translate(exc) from None
        return value if isinstance(value, str) and value else None

    def _set(self, key: str, value: str) -> None:
        import keyring.errors

        if not value:
            raise CredentialsError("refusing to store an empty secret")
        try:
            self.backend().set_password(self.service, key, value)
        except keyring.errors.KeyringError as exc:
            raise _translate(exc, value) from None

    def _delete(self, key: str) -> bool:
        """Remove an entry; False when there was none."""
        import keyring.errors

        backend = self.backend()
        try:
            if backend.get_password(self.service, key) is None:
                return False
            backend.delete_password(self.service, key)
        except keyring.errors.PasswordDeleteError:
            return False
        except keyring.errors.KeyringError as exc:
            raise _translate(exc) from None
        return True


class KeyringTokenStore(_KeyringBase):
    """One keyring entry per profile: service "wa-composer", user name = the profile name."""

    def get(self, profile: str) -> str | None:
        return self._get(profile)

    def set(self, profile: str, token: str) -> None:
        self._set(profile, token.strip())

    def delete(self, profile: str) -> None:
        self._delete(profile)

    def remove(self, profile: str) -> bool:
        """Like delete, but says whether a token was stored."""
        return self._delete(profile)


class KeyringSecretStore(_KeyringBase):
    """Other named secrets per profile (webhook "app_secret", "verify_token"), same service.

    Entries are named ``PROFILE/NAME``; profile names can't contain '/', so they never collide
    with the token entries.
    """

    def get(self, profile: str, name: str) -> str | None:
        return self._get(_secret_key(profile, name))

    def set(self, profile: str, name: str, value: str) -> None:
        self._set(_secret_key(profile, name), value)

    def delete(self, profile: str, name: str) -> bool:
        return self._delete(_secret_key(profile, name))


def _secret_key(profile: str, name: str) -> str:
    if not name or "/" in name:
        raise CredentialsError(f"secret name {name!r} is not valid (non-empty, no '/')")
    return f"{profile}/{name}"


def resolve_token(profile: object, store: TokenStore) -> str:
    """The token to use: ``WA_COMPOSER_TOKEN`` if set, else the keyring entry of the profile.

    ``profile`` is a profile name or an object with a ``name`` (composer.accounts.Profile).
    """
    name = profile if isinstance(profile, str) else str(getattr(profile, "name", profile))
    env = os.environ.get(TOKEN_ENV, "").strip()
    if env:
        if not is_usable_token(env):
            raise CredentialsError(
                f"{TOKEN_ENV} contains spaces, line breaks or non-ASCII characters; set it to "
                "the access token exactly as Meta shows it."
            )
        return env
    token = (store.get(name) or "").strip()
    if not token:
        raise CredentialsError(
            f"No access token stored for profile {name!r}. Store one with "
            f"`wa-composer token set {name}` (or set {TOKEN_ENV} for automation)."
        )
    if not is_usable_token(token):
        raise CredentialsError(
            f"The access token stored for profile {name!r} contains spaces, line breaks or "
            f"non-ASCII characters; store it again with `wa-composer token set {name}`."
        )
    return token


def _refuse_plaintext(backend: Any) -> None:
    """keyrings.alt's file backends write secrets to disk in the clear (or nearly): refuse."""
    parts = [backend, *getattr(backend, "backends", [])]
    for part in parts:
        module = type(part).__module__
        if module.startswith("keyrings.alt") or "plaintext" in type(part).__name__.lower():
            raise CredentialsError(
                f"The keyring backend {type(part).__name__} ({module}) stores secrets in a "
                f"plain file; WA Composer refuses it. Uninstall keyrings.alt. {NO_KEYRING_HELP}"
            )


def _translate(exc: Exception, secret: str | None = None) -> CredentialsError:
    import keyring.errors

    if isinstance(exc, keyring.errors.NoKeyringError) or _is_fail_backend_error(exc):
        return CredentialsError(NO_KEYRING_HELP)
    if isinstance(exc, keyring.errors.KeyringLocked):
        return CredentialsError(LOCKED_HELP)
    text = str(exc)
    if secret:
        text = text.replace(secret, "***")
    if "dismissed" in text.lower() or "locked" in text.lower():
        return CredentialsError(f"{LOCKED_HELP} ({text})")
    return CredentialsError(
        f"The system keyring failed ({type(exc).__name__}: {text}). Check that the Secret "
        "Service (gnome-keyring or KWallet) is running and unlocked."
    )


def _is_fail_backend_error(exc: Exception) -> bool:
    return "No recommended backend" in str(exc)
