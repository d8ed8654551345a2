"""What the phone preview looks like, as the user chose it, and where that choice is remembered.

``Appearance(platform, theme, era)`` is the plain field the window, the ``render`` command and
the golden tests share; ``PreviewChoice`` adds the side-by-side mode and the preview settings
(business name, avatar, verified badge, customer's name). ``config_dir()/preview.json`` keeps it
between runs, as ``webhook.json`` keeps the receiver switch: a file that is missing or damaged
reads as the defaults. No Qt here: the window reads it before the first paint.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final, Literal

import msgspec

from ui.preview.platform_themes import PLATFORMS, Platform

if TYPE_CHECKING:
    from pathlib import Path

ThemeName = Literal["light", "dark"]
THEME_NAMES: Final[tuple[ThemeName, ...]] = ("light", "dark")
PLATFORM_TITLES: Final[dict[Platform, str]] = {"android": "Android", "ios": "iOS", "web": "Web"}
THEME_TITLES: Final[dict[ThemeName, str]] = {"light": "Light", "dark": "Dark"}

# The chrome eras offered where the shared notes are unsure which one a customer sees; "" is
# today's (the default). The tables themselves live with the themes (ui/preview/themes.py).
ERAS: Final[dict[Platform, tuple[tuple[str, str], ...]]] = {
    "android": (("", "Today's: light header"), ("2021", "2021–23: teal header")),
}

SideBySide = Literal["off", "platforms", "themes"]
SIDE_BY_SIDE: Final[dict[SideBySide, str]] = {
    "off": "Single",
    "platforms": "All platforms",
    "themes": "Light and dark",
}
SETTINGS_FILE: Final = "preview.json"


class Appearance(msgspec.Struct, frozen=True):
    """One look of the phone: platform x theme, and the chrome era ("" = today's)."""

    platform: Platform = "android"
    theme: ThemeName = "light"
    era: str = ""

    @property
    def dark(self) -> bool:
        return self.theme == "dark"

    @property
    def key(self) -> str:
        """``android-light``: the suffix of a rendered file's name."""
        return f"{self.platform}-{self.theme}"


class PreviewSettings(msgspec.Struct, frozen=True):
    """Who the chat is with: the business (name, picture, badge) and the customer's name.

    "" means the default: the sandbox's business name, a plain avatar, the demo contact's name.
    """

    business_name: str = ""
    avatar: str = ""  # a local image file
    verified: bool = False
    customer_name: str = ""


class PreviewChoice(msgspec.Struct, frozen=True):
    """Everything the window remembers about the preview."""

    appearance: Appearance = msgspec.field(default_factory=Appearance)
    side_by_side: SideBySide = "off"
    settings: PreviewSettings = msgspec.field(default_factory=PreviewSettings)


def companions(appearance: Appearance, mode: SideBySide) -> tuple[Appearance, ...]:
    """Every appearance shown side by side, the chosen one included, in display order."""
    if mode == "platforms":
        return tuple(Appearance(p, appearance.theme, _era(p, appearance.era)) for p in PLATFORMS)
    if mode == "themes":
        return tuple(Appearance(appearance.platform, t, appearance.era) for t in THEME_NAMES)
    return (appearance,)


def _era(platform: Platform, era: str) -> str:
    """The era where ``platform`` offers it, else today's."""
    return era if any(era == e for e, _ in ERAS.get(platform, ())) else ""


def parse_appearance(platform: str, theme: str, era: str = "") -> Appearance:
    """An Appearance from words (the command line, the settings file); ValueError names them."""
    known = next((p for p in PLATFORMS if p == platform), None)
    if known is None:
        raise ValueError(f"unknown platform {platform!r} (use {', '.join(PLATFORMS)})")
    shade = next((t for t in THEME_NAMES if t == theme), None)
    if shade is None:
        raise ValueError(f"unknown theme {theme!r} (use light or dark)")
    if era and _era(known, era) != era:
        raise ValueError(f"unknown era {era!r} for {known}")
    return Appearance(known, shade, era)


def settings_path() -> Path:
    from composer.storage import paths

    return paths.config_dir() / SETTINGS_FILE


def load_choice() -> PreviewChoice:
    """The remembered choice; the defaults when none was saved or the file is unreadable."""
    try:
        data = json.loads(settings_path().read_text(encoding="utf-8"))
        return _from_dict(data)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return PreviewChoice()


def save_choice(choice: PreviewChoice) -> None:
    from composer.storage.atomic_file import atomic_write_json

    atomic_write_json(settings_path(), msgspec.to_builtins(choice))


def _from_dict(data: dict[str, Any]) -> PreviewChoice:
    look = data["appearance"]
    appearance = parse_appearance(str(look["platform"]), str(look["theme"]), str(look["era"]))
    mode = str(data.get("side_by_side", "off"))
    side: SideBySide = next((m for m in SIDE_BY_SIDE if m == mode), "off")
    raw = data.get("settings", {})
    settings = PreviewSettings(
        business_name=str(raw.get("business_name", "")),
        avatar=str(raw.get("avatar", "")),
        verified=raw.get("verified") is True,
        customer_name=str(raw.get("customer_name", "")),
    )
    return PreviewChoice(appearance, side, settings)
