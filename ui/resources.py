"""Registers resources/ as Qt search paths (``icons:send.svg``) and reads the theme's colour
tokens (``resources/styles/tokens.json``), which ``ui.look`` turns into the window's look."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QDir

import resources


def resource_dir(name: str) -> Path:
    """A folder of the ``resources`` package. The package is always a real folder (a wheel, an
    editable install, a PyInstaller bundle: tests/packaging check the bundle), so its path is
    read off the package instead of through ``importlib.resources`` (its lookups cost a few ms
    of start-up)."""
    return Path(str(resources.__file__)).parent / name


def register_search_paths() -> None:
    for name in ("icons", "styles", "fonts"):
        QDir.addSearchPath(name, str(resource_dir(name)))


def load_tokens(path: Path) -> dict[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(k): str(v) for k, v in data.items()}


@cache
def tokens() -> dict[str, str]:
    """The theme's colours (tokens.json), read once."""
    return load_tokens(resource_dir("styles") / "tokens.json")


def token(name: str) -> str:
    """One theme colour of tokens.json."""
    return tokens()[name]
