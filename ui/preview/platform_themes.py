"""Per-platform theme tables of the phone preview: what Android, iOS and dark mode change.

``themes.py`` holds the ``Theme`` fields and the base (WhatsApp Web, light); this module holds the
deltas as data, so each platform's look is edited in one table. Values follow
docs/whatsapp-look.md (2021-24 palette); the comment after a value gives its confidence
there (H/M/L).
"""

from __future__ import annotations

from typing import Literal

Platform = Literal["android", "ios", "web"]
PLATFORMS: tuple[Platform, ...] = ("android", "ios", "web")

Era = Literal["current", "2021"]
ERAS: tuple[Era, ...] = ("current", "2021")  # the first is the default

EMOJI_FAMILY = "Noto Color Emoji"


def rgba(r: int, g: int, b: int, a: float) -> str:
    """A colour with alpha as Qt's "#AARRGGBB" string."""
    return f"#{round(a * 255):02X}{r:02X}{g:02X}{b:02X}"


# The face each platform draws with, and the open font shipped in resources/fonts/ that stands in
# for it where the real one is not installed (metric-close, so line breaks and "…" match better).
PLATFORM_FACE: dict[Platform, str] = {"android": "Roboto", "ios": "SF Pro Text", "web": "Segoe UI"}
STAND_IN: dict[Platform, str] = {"android": "Roboto", "ios": "Inter", "web": "Liberation Sans"}
FONT_STACK: dict[Platform, tuple[str, ...]] = {
    # The platform's own face, the shipped stand-in, then what a Linux machine may have.
    "android": ("Roboto", "Noto Sans", "DejaVu Sans", EMOJI_FAMILY),
    "ios": ("SF Pro Text", "Inter", "Helvetica Neue", "Noto Sans", "DejaVu Sans", EMOJI_FAMILY),
    "web": (
        "Segoe UI", "Helvetica Neue", "Helvetica", "Liberation Sans", "Arimo", "Ubuntu",
        "DejaVu Sans", EMOJI_FAMILY,
    ),
}  # fmt: skip
MONO_STACK: dict[Platform, tuple[str, ...]] = {
    "android": ("Roboto Mono", "Droid Sans Mono", "DejaVu Sans Mono", EMOJI_FAMILY),
    "ios": ("SF Mono", "Menlo", "DejaVu Sans Mono", EMOJI_FAMILY),
    "web": ("Consolas", "Menlo", "Monaco", "Liberation Mono", "DejaVu Sans Mono", EMOJI_FAMILY),
}

DARK_COLOURS = {
    "wallpaper": "#0B141A",  # H
    "doodle": rgba(255, 255, 255, 0.04),  # M (opacity .06)
    "bubble_in": "#202C33",  # H
    "bubble_out": "#005C4B",  # H
    "bubble_in_deeper": "#1D282F",  # L
    "bubble_out_deeper": "#025144",  # M
    "text_primary": "#E9EDEF",  # H
    "text_secondary": "#8696A0",  # H
    "meta": rgba(255, 255, 255, 0.6),  # H
    "link": "#53BDEB",  # H
    "action_label": "#53BDEB",  # L
    "divider": rgba(134, 150, 160, 0.15),  # L
    "header_bar": "#202C33",  # H
    "header_text": "#E9EDEF",
    "header_subtext": "#8696A0",
    "header_icon": "#AEBAC1",  # M: Web dark panel-header icons
    "status_bar": "#202C33",
    "status_text": "#E9EDEF",
    "avatar_bg": "#6A7175",
    "reaction_pill": "#202C33",  # L
    "reaction_border": rgba(255, 255, 255, 0.08),
    "blockquote_bar": rgba(233, 237, 239, 0.3),
    "blockquote_text": rgba(233, 237, 239, 0.65),  # L
    "code_bg": rgba(255, 255, 255, 0.1),  # M
    "media_placeholder": "#2A3942",
    "media_icon": "#8696A0",
    "sheet_bg": "#111B21",
    "sheet_section": "#00A884",
    "scrim": rgba(0, 0, 0, 0.6),
    "chip_bg": "#182229",  # M
    "chip_text": "#8696A0",  # M
    "error_chip_bg": "#3B1F1F",
    "error_chip_text": "#FFB4AB",
    "composer_bg": "#202C33",
    "composer_field": "#2A3942",
    "composer_text": "#8696A0",
    "shadow": rgba(0, 0, 0, 0.0),  # L: none visible
    "map_land": "#2B3A40",
    "map_road": "#3E5058",
}

ANDROID = {
    "platform": "android",
    "wallpaper": "#EFE7DD",  # M
    "bubble_out": "#E7FFDB",  # M
    "action_label": "#00A5F4",  # M (older previews), undocumented today
    "header_bar": "#008069",  # H (2021-23)
    "header_text": "#FFFFFF",
    "header_subtext": rgba(255, 255, 255, 0.8),
    "header_icon": "#FFFFFF",
    "status_bar": "#017561",
    "status_text": "#FFFFFF",
    "font_families": FONT_STACK["android"],
    "mono_families": MONO_STACK["android"],
    "body_px": 15,  # L: ~16sp on a 360dp phone; DejaVu is wider than Roboto
    "footer_px": 13,  # L
    "time_px": 11,  # L
    "button_px": 15,
    "name_px": 17,
    "section_px": 14,
    "screen_w": 360,
    "screen_h": 740,
    "bezel": 10,
    "screen_radius": 26,
    "status_h": 24,
    "header_h": 56,
    "composer_h": 58,
    "max_width_ratio": 0.84,  # L: 75-85 % on phones
    "side_margin": 8,  # M
    "button_row_h": 42,
    "sheet_radius": 16,  # M
    "sheet_as_dialog": False,
    "header_icons": ("video", "phone", "more"),  # Android: video call, voice call, overflow menu
    "product_thumb": 64,  # L: a 360 dp phone's bubble is ~300 px wide
}
ANDROID_DARK = {
    "wallpaper": "#0B141A",  # M
    "bubble_in": "#1F2C34",  # M
    "bubble_out": "#005C4B",  # M
    "action_label": "#53BDEB",  # L
    "header_bar": "#1F2C34",  # H
    "header_icon": "#AEBAC1",  # M: grey icons on the dark header
    "status_bar": "#1F2C34",
    "reaction_pill": "#1F2C34",
}

IOS = {
    "platform": "ios",
    "wallpaper": "#EFE7DD",  # L: shared palette assumed
    "action_label": "#007AFF",  # M: blue items before the 2024 refresh
    "header_bar": "#F6F6F6",  # M
    "header_text": "#000000",
    "header_subtext": "#8E8E93",
    "header_icon": "#007AFF",  # M: blue bar items before the 2024 green refresh
    "status_bar": "#F6F6F6",
    "status_text": "#000000",
    "radio_on": "#25D366",
    "font_families": FONT_STACK["ios"],
    "mono_families": MONO_STACK["ios"],
    "body_px": 16,  # L: ~17pt at default Dynamic Type
    "footer_px": 13,  # L
    "time_px": 11,  # L
    "button_px": 16,
    "name_px": 16,
    "section_px": 13,
    "screen_w": 375,
    "screen_h": 760,
    "bezel": 10,
    "screen_radius": 40,
    "status_h": 44,
    "header_h": 48,
    "composer_h": 56,
    "bubble_radius": 16.0,  # L
    "tail_at_bottom": True,  # L: iMessage-like bubbles on iOS
    "tail_style": "curl",  # L: a curled hook at the bottom corner, not Web's straight notch
    "tail_w": 7,  # L
    "tail_h": 15,  # L
    "header_icons": ("video", "phone"),  # M: iOS has no overflow menu in the chat header
    "product_thumb": 64,  # L
    "pad_top": 6,
    "pad_right": 10,
    "pad_bottom": 7,
    "pad_left": 11,
    "max_width_ratio": 0.8,  # L
    "side_margin": 8,
    "button_row_h": 42,
    "sheet_radius": 14,
    "sheet_as_dialog": False,
    "center_title": True,
}
IOS_DARK = {
    "wallpaper": "#0B141A",
    "bubble_in": "#1F2C34",  # L
    "bubble_out": "#005C4B",  # L
    "action_label": "#0A84FF",
    "header_bar": "#1C1C1E",  # L: translucent dark grey
    "header_text": "#FFFFFF",
    "header_icon": "#0A84FF",
    "status_bar": "#1C1C1E",
    "status_text": "#FFFFFF",
    "reaction_pill": "#1F2C34",
}

WEB_DARK: dict[str, object] = {}

# Today's chrome, over the 2021 tables above (docs/whatsapp-look.md, section 10b).
CURRENT_CHROME: dict[tuple[Platform, bool], dict[str, object]] = {
    # M: Android's 2023/24 Material-3 redesign has a white top bar with a dark title and icons.
    ("android", False): {
        "header_bar": "#FFFFFF",
        "header_text": "#111B21",
        "header_subtext": "#667781",
        "header_icon": "#111B21",
        "status_bar": "#FFFFFF",
        "status_text": "#111B21",
    },
    ("android", True): {  # L: near-black, the chat's own background
        "header_bar": "#0B141A",
        "header_text": "#E9EDEF",
        "header_subtext": "#8696A0",
        "header_icon": "#E9EDEF",
        "status_bar": "#0B141A",
        "status_text": "#E9EDEF",
    },
    # M (hexes L): the 2024 green refresh turned iOS's blue bar items green.
    ("ios", False): {"header_icon": "#1B8755"},
    ("ios", True): {"header_icon": "#21C063"},
    # Web: none. Its current (WDS) header (#FFFFFF / #161717, H) comes with a whole new palette
    # the preview does not draw yet; on the 2021-24 palette it would be a mix of two eras.
}
