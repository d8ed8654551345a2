"""The preview's fonts: each platform's face, or the open stand-in shipped in resources/fonts/.

Roboto (Android), SF Pro (iOS) and Segoe UI (Web) are rarely installed on a desktop, and the
fallback (DejaVu Sans) is 10-15% wider, which moves line breaks and "…" truncation: exactly what
QA checks. So the preview ships Roboto, Inter (for SF Pro) and Liberation Sans (metric-compatible
with Arial/Helvetica, for the Web stack), loaded with QFontDatabase the first time a platform is
laid out (never at start-up; a platform costs a few ms). ``fallback_note`` says when the preview
still draws in another family. Colour emoji come from the system's Noto Color Emoji (set-up
installs ``fonts-noto-color-emoji``); a colour emoji font dropped into resources/fonts/ is loaded
when the system has none.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo

from ui.preview.platform_themes import PLATFORM_FACE, STAND_IN, Platform
from ui.preview.themes import EMOJI_FAMILY, Theme
from ui.resources import resource_dir

_checked: list[bool] = []
_loaded: set[str] = set()


def ensure_emoji_font() -> bool:
    """True when a colour-emoji family is available (loading a shipped font if needed)."""
    if _checked:
        return _checked[0]
    available = EMOJI_FAMILY in QFontDatabase.families()
    if not available:
        for path in _shipped_fonts(EMOJI_FAMILY.replace(" ", "")):
            if QFontDatabase.addApplicationFont(path) >= 0:
                available = EMOJI_FAMILY in QFontDatabase.families()
    _checked.append(available)
    return available


def ensure_platform_font(platform: Platform) -> str | None:
    """Load the shipped stand-in for ``platform`` unless its own face (or the stand-in) is
    installed; the family that will draw it (None: neither could be had)."""
    face, stand_in = PLATFORM_FACE[platform], STAND_IN[platform]
    if stand_in not in _loaded:
        _loaded.add(stand_in)  # once per run, found or not
        families = set(QFontDatabase.families())
        if face not in families and stand_in not in families:
            for path in _shipped_fonts(stand_in.replace(" ", "")):
                QFontDatabase.addApplicationFont(path)
    families = set(QFontDatabase.families())
    return next((f for f in (face, stand_in) if f in families), None)


def used_family(theme: Theme) -> str:
    """The family Qt really draws the theme's body text in."""
    font = QFont()
    font.setFamilies(list(theme.font_families))
    font.setPixelSize(theme.body_px)
    return QFontInfo(font).family()


def fallback_note(theme: Theme) -> str:
    """A short line for under the phone when its text is not drawn in the platform's face or
    the shipped stand-in ("" when it is)."""
    ensure_platform_font(theme.platform)
    face, stand_in = PLATFORM_FACE[theme.platform], STAND_IN[theme.platform]
    used = used_family(theme)
    if used in (face, stand_in):
        return ""
    wanted = face if face == stand_in else f"{face} or its stand-in {stand_in}"
    return f"Font: {wanted} is not available, so this preview uses {used}; line breaks may differ."


def _shipped_fonts(prefix: str) -> list[str]:
    """The font files in resources/fonts/ whose name starts with ``prefix``."""
    folder = resource_dir("fonts")
    if not folder.is_dir():
        return []
    return sorted(
        str(f)
        for f in folder.iterdir()
        if f.name.startswith(prefix) and f.name.lower().endswith((".ttf", ".otf"))
    )
