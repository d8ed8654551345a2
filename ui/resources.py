"""Registers resources/ as Qt search paths (``icons:send.svg``) and builds the stylesheet.

Stylesheets are ordered ``.qss`` partials (``10-base.qss``, ``20-editor.qss``, ...) with theme
tokens like ``@accent``; the token table lives in ``resources/styles/tokens.json``.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QDir
from PySide6.QtGui import QColor, QPalette

import resources

_TOKEN = re.compile(r"@([a-z][a-z0-9_]*)")


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


def stylesheet() -> str:
    """All partials in order, with tokens replaced; an unknown token is a loud error."""
    styles = resource_dir("styles")
    tokens = load_tokens(styles / "tokens.json")
    parts = [p.read_text(encoding="utf-8") for p in sorted(styles.glob("*.qss"))]

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in tokens:
            raise KeyError(f"stylesheet token @{name} is not defined in tokens.json")
        return tokens[name]

    return _TOKEN.sub(sub, "\n".join(parts))


def text_palette(palette: QPalette) -> QPalette:
    """``palette`` with the ``text`` token as the colour of all text (labels, inputs, buttons, in
    every state). From the application's palette rather than a stylesheet rule for ``QWidget``:
    such a rule matches every widget and sets its palette at its polish, about 3 ms of the
    editor's start. The stylesheet's own colour rules (muted labels, disabled buttons) apply on
    top, as before."""
    out = QPalette(palette)
    text = QColor(token("text"))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText, QPalette.ColorRole.ToolTipText):  # fmt: skip
        out.setColor(role, text)
    return out


@cache
def token(name: str) -> str:
    """One theme colour of tokens.json (for what a stylesheet cannot reach, e.g. list items)."""
    return load_tokens(resource_dir("styles") / "tokens.json")[name]
