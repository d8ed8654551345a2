"""Where the app keeps its files.

``WA_COMPOSER_HOME`` moves all configuration and data into one directory (tests and scripts use
it); otherwise the platform's user config and data directories are used. The keyring is not a
file and is unaffected.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "wa-composer"
HOME_ENV = "WA_COMPOSER_HOME"


def _home() -> Path | None:
    value = os.environ.get(HOME_ENV, "").strip()
    return Path(value).expanduser() if value else None


def config_dir() -> Path:
    """Profiles and settings (no secrets). Created on first use, mode 0700."""
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME))
    return _ensure(path)


def data_dir() -> Path:
    """History database, drafts, last-inbound times. Created on first use, mode 0700."""
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME))
    return _ensure(path)


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
