"""A list message: its button opens the row picker; a chosen row and send is a list_reply."""

from __future__ import annotations

from dataclasses import dataclass

from composer.formatting import text_direction
from composer.messages import ListMessage, ListRow, Message, MessageKind
from composer.webhooks.replies import WebhookContext, list_reply_webhook
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, SheetLayout, action_bubble, content_of
from ui.preview.layout import ChatState, Hit, Item, Rect, Reply, ShapeItem, TextItem
from ui.preview.sheet_parts import PAD, Rows, SheetPlace, section_title
from ui.preview.taps import Action, NoWebhook, Tapped

HINT = "Tap to select an item"
_RADIO = 20.0


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, ListMessage)
    action_bubble(chat, msg, c, c.button, "list", ("open_list",))


def _sheet_title(msg: Message) -> str:
    return content_of(msg, ListMessage).button


def _rows(place: SheetPlace) -> Rows:
    c = content_of(place.msg, ListMessage)
    items: list[Item] = []
    hits: list[Hit] = []
    y = 0.0
    for si, section in enumerate(c.sections):
        if section.title:
            item, y = section_title(place, section.title, y)
            items.append(item)
        for ri, row in enumerate(section.rows):
            top = y
            y = _row(place, row, place.state.selected == (si, ri), y, items)
            hits.append(Hit(Rect(place.left, top, place.width, y - top), ("row", si, ri)))
    return items, hits, y + 4


@dataclass(frozen=True, slots=True)
class _Line:
    text: str
    role: str
    style: str


def _row(place: SheetPlace, row: ListRow, on: bool, top: float, items: list[Item]) -> float:
    """One row: title, description, radio and divider; returns the y below it."""
    t = place.screen.theme
    left, width = place.left, place.width
    y = top + 10
    lines = [_Line(row.title, "row_title", "body")]
    if row.description:
        lines.append(_Line(row.description, "row_description", "small"))
    for line in lines:
        y = _row_text(place, line, y, items)
    y = max(y + 10, top + 52)
    radio = Rect(left + width - PAD - _RADIO, top + (y - top - _RADIO) / 2, _RADIO, _RADIO)
    colour = t.radio_on if on else t.radio_off
    items.append(ShapeItem("radio", radio, colour, _RADIO / 2, "radio", ("on",) if on else ()))
    items.append(
        ShapeItem("rect", Rect(left + PAD, y - 1, width - PAD, 1), t.divider, 0, "row_divider")
    )
    return y


def _row_text(place: SheetPlace, line: _Line, y: float, items: list[Item]) -> float:
    t = place.screen.theme
    text_w = place.width - 3 * PAD - _RADIO
    rtl = text_direction(line.text) == "rtl"
    title = line.role == "row_title"
    para = place.engine.paragraph(
        t, "body" if title else "small", line.text or " ", text_w, rtl=rtl
    )
    items.append(
        TextItem(
            Rect(place.left + PAD, y, text_w, para.height),
            line.role,
            line.text,
            t.text_primary if title else t.text_secondary,
            para,
            ((line.text, frozenset()),),
            rtl,
        )
    )
    return y + para.height


def _foot(place: SheetPlace, strip: Rect) -> None:
    """The hint until a row is chosen, then the send button."""
    t, e, ov = place.screen.theme, place.engine, place.screen.overlay
    ov.append(ShapeItem("rect", Rect(strip.x, strip.y, strip.w, 1), t.divider, 0, "divider"))
    if place.state.selected is None:
        hp = e.paragraph(t, "small", HINT, strip.w - 32, center=True)
        ov.append(
            TextItem(
                Rect(strip.x + 16, strip.y + (strip.h - hp.height) / 2, strip.w - 32, hp.height),
                "sheet_hint",
                HINT,
                t.text_secondary,
                hp,
            )
        )
        return
    fab = Rect(strip.right - 16 - 52, strip.y + (strip.h - 52) / 2, 52, 52)
    ov.append(ShapeItem("circle", fab, t.send_fab, 26, "send_fab"))
    ov.append(ShapeItem("icon", Rect(fab.x + 14, fab.y + 14, 24, 24), t.send_icon, 0, "send"))
    place.screen.overlay_hits.append(Hit(fab, ("send_list",)))


def _has_row(msg: Message, selected: tuple[int, int]) -> bool:
    c = content_of(msg, ListMessage)
    section, row = selected
    return 0 <= section < len(c.sections) and 0 <= row < len(c.sections[section].rows)


def _tap_send(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    c = content_of(msg, ListMessage)
    if state.selected is None:
        return Tapped.silent(NoWebhook.NOTHING_SELECTED)
    s, r = state.selected
    row = c.sections[s].rows[r]
    body = list_reply_webhook(msg, s, r, context=ctx)
    return Tapped.sent(body, Reply("list", row.title, row.description or ""))


LAYOUT = PreviewLayout(
    MessageKind.LIST,
    _bubble,
    sheet=SheetLayout("list", _sheet_title, _rows, foot_h=72.0, foot=_foot, has_row=_has_row),
    taps={"send_list": _tap_send},
)
