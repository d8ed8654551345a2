"""What rehearse mode remembers: the bot's webhook URL and the customer in
``config_dir()/rehearse.json``; the bot's app secret and verify token in the system keyring
(``KeyringSecretStore`` under the name ``SECRETS_OWNER``), never in a file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SETTINGS_FILE = "rehearse.json"
SECRETS_OWNER = "rehearsal"  # the keyring entries' "profile": the rehearsed bot's secrets


@dataclass(frozen=True, slots=True)
class RehearseSettings:
    webhook_url: str = ""
    customer: str = ""


def settings_path() -> Path:
    from composer.storage import paths

    return paths.config_dir() / SETTINGS_FILE


def load_settings() -> RehearseSettings:
    """The saved choice (defaults when never saved or unreadable)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
        return RehearseSettings(str(data.get("webhook_url", "")), str(data.get("customer", "")))
    except (OSError, ValueError, AttributeError):
        return RehearseSettings()


def save_settings(settings: RehearseSettings) -> None:
    from composer.storage.atomic_file import atomic_write_json

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, {"webhook_url": settings.webhook_url, "customer": settings.customer})
