"""The webhook receiver switch as remembered between runs (no Qt: read on the start-up path).

``config_dir()/webhook.json`` holds whether the in-app receiver runs, its port and whose
secrets it uses (never the secrets: those live in the keyring). The Settings dialog writes it;
the window applies it right after the first paint.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

SETTINGS_FILE = "webhook.json"


@dataclass(frozen=True)
class ReceiverSettings:
    enabled: bool = False
    port: int = 0  # 0: the fixed default port (composer.webhooks.config.DEFAULT_PORT)
    profile: str = ""


def settings_path() -> Path:
    from composer.storage import paths

    return paths.config_dir() / SETTINGS_FILE


def load_settings() -> ReceiverSettings | None:
    """The saved choice, or None (never saved, or unreadable: the app's default then applies)."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
        return ReceiverSettings(bool(data["enabled"]), int(data["port"]), str(data["profile"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save_settings(settings: ReceiverSettings) -> None:
    from composer.storage.atomic_file import atomic_write_json

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_json(path, settings.__dict__)


def apply_settings(control: Any, settings: ReceiverSettings) -> bool:
    """Start (with the profile's secrets, on the port) or stop the receiver; True when it did.

    ``WebhookReceiverControl`` takes its port at construction and has no setter yet, so the
    port is set on its ``_port`` attribute here (its file is under review: see the report).
    """
    if not settings.enabled:
        control.stop()
        return True
    from composer.webhooks.config import DEFAULT_PORT

    control._port = settings.port or DEFAULT_PORT
    return bool(control.start_for_profile(settings.profile))
