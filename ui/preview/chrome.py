"""The phone around the chat: device frame, status bar, chat header, composer bar."""

from __future__ import annotations

from ui.preview.layout import ChatState, Rect, Screen, ShapeItem, TextItem
from ui.preview.text_engine import TextEngine
from ui.preview.themes import Theme

_ICON = 22


def build_chrome(engine: TextEngine, theme: Theme, state: ChatState) -> Screen:
    b = theme.bezel
    w, h = theme.screen_w, theme.screen_h
    screen_rect = Rect(b, b, w, h)
    top = b + theme.status_h + theme.header_h
    chat_rect = Rect(b, top, w, h - theme.status_h - theme.header_h - theme.composer_h)
    screen = Screen(theme, w + 2 * b, h + 2 * b, screen_rect, chat_rect)
    if b:
        screen.background.append(
            ShapeItem(
                "round_rect",
                Rect(0, 0, w + 2 * b, h + 2 * b),
                theme.frame,
                theme.screen_radius + b,
                "frame",
            )
        )
    screen.background.append(
        ShapeItem("wallpaper", screen_rect, theme.wallpaper, theme.screen_radius, "wallpaper")
    )
    chrome = screen.chrome
    if theme.status_h:
        bar = Rect(b, b, w, theme.status_h)
        chrome.append(ShapeItem("rect", bar, theme.status_bar, 0, "status_bar"))
        # The phone's clock shows the same time as the bubbles (the time of the last edit).
        para = engine.paragraph(theme, "small_bold", state.time_text, 80)
        tx = b + (28 if theme.platform == "ios" else 14)
        chrome.append(
            TextItem(
                Rect(tx, b + (theme.status_h - para.height) / 2, 80, para.height),
                "status_time",
                state.time_text,
                theme.status_text,
                para,
            )
        )
        chrome.append(
            ShapeItem(
                "icon",
                Rect(b + w - 76, b + (theme.status_h - 12) / 2, 60, 12),
                theme.status_text,
                0,
                "status_icons",
            )
        )
    hy = b + theme.status_h
    chrome.append(ShapeItem("rect", Rect(b, hy, w, theme.header_h), theme.header_bar, 0, "header"))
    x = b + 6.0
    if theme.platform != "web":
        chrome.append(
            ShapeItem(
                "icon",
                Rect(x, hy + (theme.header_h - _ICON) / 2, _ICON, _ICON),
                theme.action_label if theme.platform == "ios" else theme.header_text,
                0,
                "back",
            )
        )
        x += _ICON + 2
    else:
        x += 10
    avatar = 40 if theme.platform == "web" else 36
    chrome.append(
        ShapeItem(
            "avatar",
            Rect(x, hy + (theme.header_h - avatar) / 2, avatar, avatar),
            theme.avatar_bg,
            avatar / 2,
            "avatar",
            (state.business_name[:1].upper(),),
        )
    )
    x += avatar + 10
    icons = theme.header_icons
    right = b + w - 8 - len(icons) * (_ICON + 14)
    name = engine.paragraph(theme, "name", state.business_name or " ", right - x, max_lines=1)
    sub = engine.paragraph(theme, "small", "Business account", right - x, max_lines=1)
    ny = hy + (theme.header_h - name.height - sub.height) / 2
    chrome.append(
        TextItem(
            Rect(x, ny, right - x, name.height),
            "chat_title",
            state.business_name,
            theme.header_text,
            name,
        )
    )
    chrome.append(
        TextItem(
            Rect(x, ny + name.height, right - x, sub.height),
            "chat_subtitle",
            "Business account",
            theme.header_subtext,
            sub,
        )
    )
    ix = right + 8
    for icon in icons:
        colour = theme.action_label if theme.platform == "ios" else theme.header_text
        if theme.platform == "web":
            colour = theme.header_subtext
        chrome.append(
            ShapeItem(
                "icon", Rect(ix, hy + (theme.header_h - _ICON) / 2, _ICON, _ICON), colour, 0, icon
            )
        )
        ix += _ICON + 14
    cy = b + h - theme.composer_h
    chrome.append(
        ShapeItem("rect", Rect(b, cy, w, theme.composer_h), theme.composer_bg, 0, "composer")
    )
    fab = theme.composer_h - 14
    field_rect = Rect(b + 8, cy + 7, w - 24 - fab, theme.composer_h - 14)
    chrome.append(
        ShapeItem(
            "round_rect", field_rect, theme.composer_field, field_rect.h / 2, "composer_field"
        )
    )
    hint = engine.paragraph(theme, "body", "Message", field_rect.w - 60, max_lines=1)
    chrome.append(
        TextItem(
            Rect(
                field_rect.x + 44,
                field_rect.y + (field_rect.h - hint.height) / 2,
                field_rect.w - 60,
                hint.height,
            ),
            "composer_hint",
            "Message",
            theme.composer_text,
            hint,
        )
    )
    chrome.append(
        ShapeItem(
            "icon",
            Rect(field_rect.x + 12, field_rect.y + (field_rect.h - 22) / 2, 22, 22),
            theme.composer_text,
            0,
            "emoji",
        )
    )
    fab_rect = Rect(b + w - 8 - fab, cy + 7, fab, fab)
    chrome.append(ShapeItem("circle", fab_rect, theme.send_fab, fab / 2, "mic_fab"))
    chrome.append(
        ShapeItem(
            "icon",
            Rect(fab_rect.x + (fab - 20) / 2, fab_rect.y + (fab - 20) / 2, 20, 20),
            theme.send_icon,
            0,
            "mic",
        )
    )
    return screen
