"""Theme tables of the phone preview: one per platform (android, ios, web) x light/dark.

WhatsApp has changed its palette several times and differs per platform, so every colour, font
and distance the painter uses lives here as data (design convention 12), never as a literal in the
painting code. This module holds the ``Theme`` fields and the base table (WhatsApp Web, light);
``platform_themes.py`` holds what Android, iOS and dark mode change, and the chrome of each era
(``current``, the default, and ``2021``: Android's teal header). Values follow
docs/whatsapp-look.md, 2021-24 palette (the one most users recognise); the comment after a
value gives its confidence there (H/M/L).
"""

from __future__ import annotations

from typing import Literal

import msgspec
from msgspec.structs import replace

from ui.preview.platform_themes import (
    ANDROID,
    ANDROID_DARK,
    CURRENT_CHROME,
    DARK_COLOURS,
    EMOJI_FAMILY,
    ERAS,
    FONT_STACK,
    IOS,
    IOS_DARK,
    MONO_STACK,
    PLATFORMS,
    WEB_DARK,
    Era,
    Platform,
    rgba,
)

__all__ = [
    "EMOJI_FAMILY", "ERAS", "PLATFORMS", "THEMES", "Era", "Platform", "Theme", "rgba", "theme_for",
]  # fmt: skip


class Theme(msgspec.Struct, frozen=True):
    """Everything the layout and painter need to know about one appearance."""

    platform: Platform
    dark: bool
    era: Era  # the chrome's era: "current" (default) or "2021" (Android's teal header)
    # --- colours --------------------------------------------------------------------------------
    wallpaper: str
    doodle: str
    bubble_in: str
    bubble_out: str
    bubble_in_deeper: str
    bubble_out_deeper: str
    text_primary: str
    text_secondary: str
    meta: str
    tick_read: str
    link: str
    action_label: str
    divider: str
    header_bar: str
    header_text: str
    header_subtext: str
    header_icon: str  # the back arrow and the call/menu icons of the chat header
    status_bar: str
    status_text: str
    avatar_bg: str
    reaction_pill: str
    reaction_border: str
    quote_bar_self: str
    quote_bar_other: str
    blockquote_bar: str
    blockquote_text: str
    code_bg: str
    media_placeholder: str
    media_icon: str
    sheet_bg: str
    sheet_section: str
    scrim: str
    radio_on: str
    radio_off: str
    send_fab: str
    send_icon: str
    chip_bg: str
    chip_text: str
    error_chip_bg: str
    error_chip_text: str
    composer_bg: str
    composer_field: str
    composer_text: str
    shadow: str
    frame: str
    doc_icon: str
    avatar_icon: str
    video_bg: str  # a video header with no thumbnail yet
    play_icon: str
    map_land: str  # the stand-in map of a shared location
    map_road: str
    map_pin: str
    # --- fonts (pixel sizes in logical px) -------------------------------------------------------
    font_families: tuple[str, ...]
    mono_families: tuple[str, ...]
    body_px: int
    footer_px: int
    time_px: int
    button_px: int
    name_px: int
    section_px: int
    # --- geometry --------------------------------------------------------------------------------
    screen_w: int
    screen_h: int
    bezel: int  # device frame thickness (0 = a window, no device)
    screen_radius: int
    status_h: int
    header_h: int
    composer_h: int
    bubble_radius: float
    pad_top: int
    pad_right: int
    pad_bottom: int
    pad_left: int
    media_pad: int
    max_width_ratio: float
    side_margin: int
    tail_w: int
    tail_h: int
    tail_at_bottom: bool  # iOS draws the tail at the bottom corner, Android/Web at the top
    tail_style: Literal["notch", "curl"]  # Web's 8x13 notch, or the iOS app's curled hook
    bubble_gap: int  # between bubbles of the same sender
    sender_gap: int  # when the sender changes
    button_row_h: int
    button_gap: int  # between detached reply-button rows
    reply_buttons_in_bubble: bool  # current layout: rows inside the bubble under dividers
    time_reserve: int  # gap between last text and the time
    line_extra: int  # added to the font's line height
    sheet_radius: int
    sheet_row_h: int
    sheet_as_dialog: bool  # Web shows the list as a centred dialog, phones as a bottom sheet
    center_title: bool  # iOS centres the chat title
    header_icons: tuple[str, ...]  # icon names at the right of the chat header, in order
    product_thumb: int
    reaction_offset: int  # how far the reaction pill hangs below the bubble
    reaction_out_right: bool  # the pill under an outgoing bubble sits at its right (else left)
    # L: the verified-business badge; blue since 2024 (Meta Verified), green before (press reports)
    verified_badge: str = "#1D9BF0"
    verified_check: str = "#FFFFFF"

    @property
    def key(self) -> str:
        return f"{self.platform}-{'dark' if self.dark else 'light'}"


_LIGHT = Theme(
    platform="web",
    dark=False,
    era="2021",
    wallpaper="#EFEAE2",  # H
    doodle=rgba(0, 0, 0, 0.06),  # M: the doodle tile at opacity .4 over the base
    bubble_in="#FFFFFF",  # H
    bubble_out="#D9FDD3",  # H
    bubble_in_deeper="#F5F6F6",  # H
    bubble_out_deeper="#D1F4CC",  # H
    text_primary="#111B21",  # H
    text_secondary="#667781",  # H
    meta="#667781",  # H
    tick_read="#53BDEB",  # H
    link="#027EB5",  # H
    action_label="#027EB5",  # L: undocumented; legacy link colour on Web
    divider=rgba(17, 27, 33, 0.12),  # L: in-bubble hairline
    header_bar="#F0F2F5",  # H
    header_text="#111B21",
    header_subtext="#667781",
    header_icon="#54656F",  # M: Web's panel-header icon colour (legacy var)
    status_bar="#F0F2F5",
    status_text="#111B21",
    avatar_bg="#DFE5E7",
    reaction_pill="#FFFFFF",  # H
    reaction_border=rgba(0, 0, 0, 0.05),  # H
    quote_bar_self="#06CF9C",  # L
    quote_bar_other="#53BDEB",  # L
    blockquote_bar=rgba(17, 27, 33, 0.25),
    blockquote_text=rgba(17, 27, 33, 0.65),  # H
    code_bg=rgba(0, 0, 0, 0.06),  # M
    media_placeholder="#F0F2F5",  # H
    media_icon="#8696A0",
    sheet_bg="#FFFFFF",
    sheet_section="#008069",  # L: accent teal
    scrim=rgba(11, 20, 26, 0.45),
    radio_on="#00A884",  # H accent
    radio_off="#8696A0",
    send_fab="#00A884",  # H
    send_icon="#FFFFFF",
    chip_bg=rgba(255, 255, 255, 0.95),  # H date chip
    chip_text="#54656F",  # H
    error_chip_bg="#FFE5E5",
    error_chip_text="#B3261E",
    composer_bg="#F0F2F5",
    composer_field="#FFFFFF",
    composer_text="#8696A0",
    shadow=rgba(11, 20, 26, 0.13),  # H
    frame="#1B1B1F",
    doc_icon="#E2574C",
    avatar_icon="#FFFFFF",
    video_bg="#14181C",
    play_icon="#FFFFFF",
    map_land="#E8E4D8",
    map_road="#FFFFFF",
    map_pin="#E2574C",
    font_families=FONT_STACK["web"],
    mono_families=MONO_STACK["web"],
    body_px=14,  # H: 14.2px / 19px
    footer_px=13,  # M
    time_px=11,  # H
    button_px=14,
    name_px=16,
    section_px=13,
    screen_w=520,
    screen_h=760,
    bezel=0,
    screen_radius=0,
    status_h=0,
    header_h=59,  # H
    composer_h=62,  # H
    bubble_radius=7.5,  # H
    pad_top=6,  # H
    pad_right=7,  # H
    pad_bottom=8,  # H
    pad_left=9,  # H
    media_pad=3,  # H
    max_width_ratio=0.65,  # H
    side_margin=32,  # L: Web rows have side gutters
    tail_w=8,  # H
    tail_h=13,  # H
    tail_at_bottom=False,  # H (Web, Android)
    tail_style="notch",  # H (Web's tail-in/tail-out SVGs)
    bubble_gap=2,  # M
    sender_gap=10,  # M
    button_row_h=40,  # M
    button_gap=2,  # M
    # M: about 2023 onward the reply buttons are full-width rows inside the business bubble,
    # each under a 1 px divider; False draws the older detached white cards under the bubble.
    reply_buttons_in_bubble=True,
    time_reserve=8,
    line_extra=2,
    sheet_radius=8,
    sheet_row_h=56,
    sheet_as_dialog=True,  # M
    center_title=False,
    header_icons=("search", "more"),  # Web: search and the menu
    product_thumb=80,  # H (Web --width-product-thumb); the card thumbnail of catalog/products
    reaction_offset=9,  # M
    reaction_out_right=False,  # L-M: sources disagree for outgoing bubbles; a token to flip
)


def _build() -> dict[tuple[Platform, bool, Era], Theme]:
    """Every platform x dark x era. The platform tables describe the 2021 chrome; the current
    era replaces the header and status bar colours (``CURRENT_CHROME``)."""
    themes: dict[tuple[Platform, bool, Era], Theme] = {}
    for base, dark_extra in (({}, WEB_DARK), (ANDROID, ANDROID_DARK), (IOS, IOS_DARK)):
        light = replace(_LIGHT, **base)
        dark = replace(light, dark=True, **{**DARK_COLOURS, **dark_extra})
        for theme in (light, dark):
            key = (theme.platform, theme.dark)
            themes[(*key, "2021")] = theme
            themes[(*key, "current")] = replace(
                theme,
                era="current",
                **CURRENT_CHROME.get(key, {}),
            )
    return themes


THEMES: dict[tuple[Platform, bool, Era], Theme] = _build()


def theme_for(platform: str, dark: bool, era: str = "") -> Theme:
    """The theme table for one appearance; ValueError naming the platform or era if unknown.

    ``era`` picks the chrome where the notes are unsure: "" or "current" is today's (the
    default), "2021" Android's 2021-23 teal header (``ERAS``; ui.preview.appearance offers them).
    """
    wanted = era or ERAS[0]
    known_era = next((e for e in ERAS if e == wanted), None)
    if known_era is None:
        raise ValueError(f"appearance: unknown chrome era {era!r} (use {' or '.join(ERAS)})")
    for known in PLATFORMS:
        if platform == known:
            return THEMES[(known, dark, known_era)]
    raise ValueError(f"appearance: unknown platform {platform!r} (use android, ios or web)")
