"""A plain text message: the body with WhatsApp markup, and the time; with ``preview_url`` and an
http(s) link in the body, a link-preview card above the text.

WhatsApp fills the card with the page's title and image, fetched by the phone; the preview
cannot fetch, so it draws a placeholder: a grey thumbnail with a link icon, the link's domain
and a line saying the phone fills it in. Which link is previewed, and its domain, is the core's rule
(``composer.formatting.preview_link``).
"""

from __future__ import annotations

from composer.formatting import link_domain, preview_link
from composer.messages import Message, MessageKind, TextMessage
from ui.preview.bubble import BubbleParts
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, content_of, no_webhook
from ui.preview.layout import Hit, Rect, ShapeItem
from ui.preview.taps import NoWebhook

LINK_THUMB = 52.0  # H: the smaller of WhatsApp Web's two link-preview thumbnail sizes (90, 52 px)
PLACEHOLDER_LINE = "Preview loads on the phone"
_ICON = 22.0


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, TextMessage)
    parts = chat.start(msg)
    url = preview_link(c.body) if c.preview_url else None
    if url is not None:
        link_card(chat, parts, url)
    parts.body(c.body)
    parts.time(chat.state.time_text)
    chat.emit(parts, outgoing=False)


def link_card(chat: ChatBase, parts: BubbleParts, url: str) -> None:
    """The link-preview placeholder at the top of the bubble; a tap opens the link."""
    t = chat.t
    rect = parts.block_top(LINK_THUMB + 12)
    parts.add(ShapeItem("round_rect", rect, t.bubble_in_deeper, 6, "link_preview"))
    thumb = Rect(rect.x + 6, rect.y + 6, LINK_THUMB, LINK_THUMB)
    parts.add(ShapeItem("round_rect", thumb, t.media_placeholder, 4, "link_preview_thumb"))
    inset = (LINK_THUMB - _ICON) / 2
    icon = Rect(thumb.x + inset, thumb.y + inset, _ICON, _ICON)
    parts.add(ShapeItem("icon", icon, t.text_secondary, 0, "link"))
    chat.card_text(
        parts,
        Rect(thumb.right + 10, rect.y + 6, rect.right - thumb.right - 16, LINK_THUMB),
        link_domain(url),
        PLACEHOLDER_LINE,
        "link_preview_domain",
    )
    parts.hits.append(Hit(rect, ("link_preview", url), url))


LAYOUT = PreviewLayout(
    MessageKind.TEXT, _bubble, taps={"link_preview": no_webhook(NoWebhook.OPENS_LINK)}
)
