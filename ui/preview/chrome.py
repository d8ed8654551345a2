"""The phone around the chat: device frame, status bar, chat header, composer bar."""

from __future__ import annotations

from ui.preview.layout import ChatState, Item, Rect, Screen, ShapeItem, TextItem
from ui.preview.text_engine import TextEngine
from ui.preview.themes import Theme

_ICON = 22
_BADGE = 16  # the verified badge beside the business name
TYPING = "typing…"  # under the name while the business shows its typing indicator


def build_chrome(engine: TextEngine, theme: Theme, state: ChatState) -> Screen:
    b = theme.bezel
    w, h = theme.screen_w, theme.screen_h
    screen_rect = Rect(b, b, w, h)
    top = b + theme.status_h + theme.header_h
    chat_rect = Rect(b, top, w, h - theme.status_h - theme.header_h - theme.composer_h)
    screen = Screen(theme, w + 2 * b, h + 2 * b, screen_rect, chat_rect)
    if b:
        frame = Rect(0, 0, w + 2 * b, h + 2 * b)
        radius = theme.screen_radius + b
        screen.background.append(ShapeItem("round_rect", frame, theme.frame, radius, "frame"))
    screen.background.append(
        ShapeItem("wallpaper", screen_rect, theme.wallpaper, theme.screen_radius, "wallpaper")
    )
    if theme.status_h:
        _status_bar(engine, theme, state, screen.chrome)
    _chat_header(engine, theme, state, screen.chrome)
    _composer_bar(engine, theme, screen.chrome)
    return screen


def _status_bar(engine: TextEngine, theme: Theme, state: ChatState, chrome: list[Item]) -> None:
    b, w = theme.bezel, theme.screen_w
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
    icons = Rect(b + w - 76, b + (theme.status_h - 12) / 2, 60, 12)
    chrome.append(ShapeItem("icon", icons, theme.status_text, 0, "status_icons"))


def _chat_header(engine: TextEngine, theme: Theme, state: ChatState, chrome: list[Item]) -> None:
    """Back arrow (phones), avatar, business name over "Business account", header icons."""
    b, w = theme.bezel, theme.screen_w
    hy = b + theme.status_h
    chrome.append(ShapeItem("rect", Rect(b, hy, w, theme.header_h), theme.header_bar, 0, "header"))
    icon_y = hy + (theme.header_h - _ICON) / 2
    x = b + 6.0
    if theme.platform != "web":
        chrome.append(
            ShapeItem("icon", Rect(x, icon_y, _ICON, _ICON), theme.header_icon, 0, "back")
        )
        x += _ICON + 2
    else:
        x += 10
    avatar = 40 if theme.platform == "web" else 36
    spot = Rect(x, hy + (theme.header_h - avatar) / 2, avatar, avatar)
    initial = (state.business_name[:1].upper(),)
    chrome.append(ShapeItem("avatar", spot, theme.avatar_bg, avatar / 2, "avatar", initial))
    if state.avatar:  # the business's picture (loaded before layout), cut to a circle
        chrome.append(ShapeItem("image", spot, theme.avatar_bg, avatar / 2, state.avatar))
    x += avatar + 10
    icons = theme.header_icons
    right = b + w - 8 - len(icons) * (_ICON + 14)
    _title(engine, theme, state, chrome, Rect(x, hy, right - x, theme.header_h))
    ix = right + 8
    for icon in icons:
        chrome.append(ShapeItem("icon", Rect(ix, icon_y, _ICON, _ICON), theme.header_icon, 0, icon))
        ix += _ICON + 14


def _title(
    engine: TextEngine, theme: Theme, state: ChatState, chrome: list[Item], box: Rect
) -> None:
    """The business name (and its verified badge) over "Business account" (or "typing…"),
    centred vertically in ``box``."""
    room = box.w - (_BADGE + 4 if state.verified else 0)
    name = engine.paragraph(theme, "name", state.business_name or " ", room, max_lines=1)
    subtitle = TYPING if state.typing else "Business account"
    sub = engine.paragraph(theme, "small", subtitle, box.w, max_lines=1)
    ny = box.y + (box.h - name.height - sub.height) / 2
    chrome.append(
        TextItem(
            Rect(box.x, ny, room, name.height),
            "chat_title",
            state.business_name,
            theme.header_text,
            name,
        )
    )
    if state.verified:
        bx = box.x + min(name.natural_width, room) + 4
        badge = Rect(bx, ny + (name.height - _BADGE) / 2, _BADGE, _BADGE)
        chrome.append(ShapeItem("circle", badge, theme.verified_badge, _BADGE / 2, "verified"))
        check = Rect(badge.x + 3, badge.y + 3, _BADGE - 6, _BADGE - 6)
        chrome.append(ShapeItem("icon", check, theme.verified_check, 0, "check"))
    chrome.append(
        TextItem(
            Rect(box.x, ny + name.height, box.w, sub.height),
            "chat_subtitle",
            subtitle,
            theme.header_subtext,
            sub,
        )
    )


def _composer_bar(engine: TextEngine, theme: Theme, chrome: list[Item]) -> None:
    """The (inert) message field with its emoji icon and the microphone button."""
    b, w, h = theme.bezel, theme.screen_w, theme.screen_h
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
    hint_y = field_rect.y + (field_rect.h - hint.height) / 2
    chrome.append(
        TextItem(
            Rect(field_rect.x + 44, hint_y, field_rect.w - 60, hint.height),
            "composer_hint",
            "Message",
            theme.composer_text,
            hint,
        )
    )
    emoji = Rect(field_rect.x + 12, field_rect.y + (field_rect.h - 22) / 2, 22, 22)
    chrome.append(ShapeItem("icon", emoji, theme.composer_text, 0, "emoji"))
    fab_rect = Rect(b + w - 8 - fab, cy + 7, fab, fab)
    chrome.append(ShapeItem("circle", fab_rect, theme.send_fab, fab / 2, "mic_fab"))
    mic = Rect(fab_rect.x + (fab - 20) / 2, fab_rect.y + (fab - 20) / 2, 20, 20)
    chrome.append(ShapeItem("icon", mic, theme.send_icon, 0, "mic"))
