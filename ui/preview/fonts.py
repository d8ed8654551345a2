"""Make sure the preview can draw colour emoji.

WhatsApp shows colour emoji everywhere; without a colour font Qt draws grey glyphs or boxes and
says nothing. Set-up (scripts/run.sh, scripts/test.sh) installs ``fonts-noto-color-emoji``; a
font file dropped into ``resources/fonts/`` is loaded as well, for machines without it.
"""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QFontDatabase

from ui.preview.themes import EMOJI_FAMILY

_checked: list[bool] = []


def ensure_emoji_font() -> bool:
    """True when a colour-emoji family is available (loading a shipped font if needed)."""
    if _checked:
        return _checked[0]
    available = EMOJI_FAMILY in QFontDatabase.families()
    if not available:
        for path in _shipped_fonts():
            if QFontDatabase.addApplicationFont(path) >= 0:
                available = EMOJI_FAMILY in QFontDatabase.families()
    _checked.append(available)
    return available


def _shipped_fonts() -> list[str]:
    try:
        folder = resources.files("resources") / "fonts"
    except ModuleNotFoundError:
        return []
    if not folder.is_dir():
        return []
    return sorted(str(f) for f in folder.iterdir() if f.name.lower().endswith((".ttf", ".otf")))
