"""A template message as WhatsApp draws it, from the account's definition of the template.

The text lives in the definition (``chat.templates``, installed by the window), the values in
the message: header (text, or the media / map placeholder), body with the variables filled in
(an unfilled one stays ``{{1}}``), footer in grey, then one row per button: quick replies with
the reply arrow, URL with the link icon, phone with the handset, copy code with the copy icon.
Past three buttons WhatsApp shows two and a "See all options" row. A quick reply's tap is the
``button`` webhook the business receives; the other buttons send none.
"""

from __future__ import annotations

from typing import cast

from composer.formatting import parse, plain_text
from composer.messages import MediaHeader, MediaKindName, Message, MessageKind, TemplateMessage
from composer.templates.definition import ButtonDef, TemplateDefinition, fill, placeholders
from composer.webhooks.replies import WebhookContext, template_button_webhook
from ui.preview.bubble import BubbleParts
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, content_of, no_webhook
from ui.preview.layout import ChatState, Reply, ShapeItem
from ui.preview.taps import Action, NoWebhook, Tapped

MAX_SHOWN_BUTTONS = 3
SEE_ALL = "See all options"
_ICONS = {"QUICK_REPLY": "reply", "URL": "link", "PHONE_NUMBER": "phone", "COPY_CODE": "copy"}


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, TemplateMessage)
    d = chat.templates(c.name, c.language_code)
    parts = chat.start(msg)
    if d is None:
        _unknown(chat, parts, c)
        return
    _header(chat, parts, d, c)
    if d.body_text:
        parts.body(fill(d.body_text, _values(d.body_text, c, "body", d.named)))
    if d.footer_text:
        parts.text("footer", d.footer_text, chat.t.text_secondary, "footer")
    parts.time(chat.state.time_text)
    buttons = d.buttons
    shown = buttons if len(buttons) <= MAX_SHOWN_BUTTONS else buttons[: MAX_SHOWN_BUTTONS - 1]
    for button in shown:
        _button(parts, button, c)
    if len(buttons) > len(shown):
        parts.action_row(SEE_ALL, "list", ("template_all", len(buttons)))
    chat.emit(parts, outgoing=False)


def _values(text: str, c: TemplateMessage, where: str, named: bool) -> dict[str, str]:
    """The filled variables of ``where`` (an empty value is left as its placeholder)."""
    comp = c.component(where)
    if comp is None:
        return {}
    texts = [p for p in comp.parameters if p.text]
    if named:
        return {p.parameter_name or "": p.text or "" for p in texts}
    return {n: p.text or "" for n, p in zip(placeholders(text), texts, strict=False)}


def _header(chat: ChatBase, parts: BubbleParts, d: TemplateDefinition, c: TemplateMessage) -> None:
    fmt = d.header_format
    if fmt is None:
        return
    if fmt == "TEXT":
        text = d.header_text or ""
        filled = fill(text, _values(text, c, "header", d.named))
        parts.text("bold", filled, chat.t.text_primary, "header")
        return
    if fmt == "LOCATION":
        rect = parts.block_top(120)
        parts.add(ShapeItem("map", rect, chat.t.media_placeholder, 4, "map"))
        return
    kind = fmt.lower()
    if kind not in ("image", "video", "document"):
        return
    comp = c.component("header")
    value = comp.parameters[0].value if comp is not None and comp.parameters else None
    media = value if isinstance(value, dict) else {}
    link, media_id = media.get("link"), media.get("id")
    chat.header(
        parts,
        MediaHeader(
            kind=cast("MediaKindName", kind),
            link=link if isinstance(link, str) and link else None,
            id=str(media_id) if media_id else None,
            filename=media.get("filename") if isinstance(media.get("filename"), str) else None,
        ),
    )


def _button(parts: BubbleParts, b: ButtonDef, c: TemplateMessage) -> None:
    icon = "copy" if b.type == "COPY_CODE" or b.otp else _ICONS.get(b.type, "")
    comp = c.component("button", b.index)
    given = comp.parameters[0].text if comp is not None and comp.parameters else None
    if b.type == "QUICK_REPLY":
        parts.action_row(b.text, icon, ("template_reply", b.index, b.text, given or None))
    elif b.otp or b.type == "COPY_CODE":
        parts.action_row(b.text or "Copy code", icon, ("template_copy", b.index))
    elif b.type == "URL":
        url = fill(b.url or "", {n: given for n in placeholders(b.url or "") if given})
        parts.action_row(b.text, icon, ("template_url", url), tooltip=url)
    elif b.type == "PHONE_NUMBER":
        number = b.phone_number or ""
        parts.action_row(b.text, icon, ("template_phone", number), tooltip=number)
    elif b.type == "FLOW":
        parts.action_row(b.text, "", ("template_flow", b.index))
    else:  # CATALOG, MPM: open the catalog in WhatsApp
        parts.action_row(b.text, "bag", ("view_catalog", b.index))


def _unknown(chat: ChatBase, parts: BubbleParts, c: TemplateMessage) -> None:
    """A template the library does not know: its name, and that its text cannot be shown."""
    t = chat.t
    parts.text("bold", c.name or "Template", t.text_primary, "header")
    shown = f"{c.name} ({c.language_code})" if c.name else "No template is chosen yet"
    note = (
        f"{shown}: not in the account's template list, so its text cannot be shown."
        if c.name
        else f"{shown}: pick one in the editor."
    )
    parts.text("small", note, t.text_secondary, "template_unknown")
    parts.time(chat.state.time_text)
    chat.emit(parts, outgoing=False)


def _quote(chat: ChatBase, msg: Message) -> str:
    """What the customer's reply quotes: the filled body's first line (else header, else name)."""
    c = content_of(msg, TemplateMessage)
    d = chat.templates(c.name, c.language_code)
    if d is None:
        return c.name or "Template"
    if d.body_text:
        filled = fill(d.body_text, _values(d.body_text, c, "body", d.named))
        return plain_text(parse(filled)).split("\n", 1)[0]
    return d.header_text or d.name


def _tap_reply(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    _name, _index, text, payload = action
    body = template_button_webhook(msg, text, payload, context=ctx)
    return Tapped.sent(body, Reply("text", text))


LAYOUT = PreviewLayout(
    MessageKind.TEMPLATE,
    _bubble,
    quote=_quote,
    taps={
        "template_reply": _tap_reply,
        "template_url": no_webhook(NoWebhook.OPENS_LINK),
        "template_phone": no_webhook(NoWebhook.CALLS_NUMBER),
        "template_copy": no_webhook(NoWebhook.COPIES_CODE),
        "template_all": no_webhook(NoWebhook.SHOWS_ALL_OPTIONS),
        "template_flow": no_webhook(NoWebhook.TEMPLATE_FLOW_NOT_SIMULATED),
        "view_catalog": no_webhook(NoWebhook.OPENS_CATALOG),
    },
)
