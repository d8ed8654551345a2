"""A call-to-action URL button: the link shows on hover; a tap opens it, sending no webhook."""

from __future__ import annotations

from composer.messages import CtaUrl, Message, MessageKind
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, action_bubble, content_of, no_webhook
from ui.preview.taps import NoWebhook


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, CtaUrl)
    action_bubble(chat, msg, c, c.display_text, "link", ("cta_url", c.url), tooltip=c.url)


LAYOUT = PreviewLayout(
    MessageKind.CTA_URL, _bubble, taps={"cta_url": no_webhook(NoWebhook.OPENS_LINK)}
)
