"""Where the webhook receiver's settings come from: port, app secret and verify token.

A light module (no HTTP or JSON imports) so ``wa-composer`` can build its parser quickly.
Secrets come from the environment first (automation), else the profile's keyring entries.
"""

from __future__ import annotations

import os
from typing import Final

# A fixed default port, so a tunnel set up once keeps working across restarts.
DEFAULT_PORT: Final = 8484
APP_SECRET_ENV: Final = "WA_COMPOSER_APP_SECRET"  # noqa: S105 (a variable name, not a secret)
VERIFY_TOKEN_ENV: Final = "WA_COMPOSER_VERIFY_TOKEN"  # noqa: S105
SECRET_NAMES: Final = {"app_secret": APP_SECRET_ENV, "verify_token": VERIFY_TOKEN_ENV}
NO_KEYRING_FOR_SECRETS: Final = (
    "no system keyring is available; install and start a Secret Service provider "
    "(GNOME Keyring or KWallet) in a session with a D-Bus bus"
)


def resolve_secrets(profile: str) -> tuple[str, str]:
    """(app secret, verify token) from the environment, else the profile's keyring entries.

    Raises ValueError with a sentence saying what is missing and how to provide it.
    """
    values = {name: os.environ.get(env, "").strip() for name, env in SECRET_NAMES.items()}
    missing = [name for name, value in values.items() if not value]
    keyring_problem = ""
    if missing:
        from composer.credentials import NO_KEYRING_HELP, CredentialsError, KeyringSecretStore

        try:
            secrets = KeyringSecretStore()
            for name in missing:
                values[name] = (secrets.get(profile, name) or "").strip()
        except CredentialsError as exc:
            # The generic text talks about the access token and WA_COMPOSER_TOKEN; say it for
            # these two secrets instead.
            text = str(exc) if str(exc) != NO_KEYRING_HELP else NO_KEYRING_FOR_SECRETS
            keyring_problem = f" (keyring: {text})"
    still = [name for name, value in values.items() if not value]
    if still:
        wanted = ", ".join(f"{name} ({SECRET_NAMES[name]})" for name in still)
        raise ValueError(
            f"no {wanted} for profile {profile!r}{keyring_problem}. Set the environment "
            f"variable(s), or run `wa-composer webhook --store-secrets --profile {profile}`."
        )
    return values["app_secret"], values["verify_token"]
