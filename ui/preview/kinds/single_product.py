"""A single product: its picture, name and price as the user typed them, and "View"."""

from __future__ import annotations

from composer.messages import Message, MessageKind, SingleProduct
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, content_of, no_webhook
from ui.preview.taps import NoWebhook

VIEW_PRODUCT = "View"  # drawn by WhatsApp itself (localised on real phones)


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, SingleProduct)
    parts = chat.start(msg)
    chat.product_top(parts, c.product_retailer_id, c.product_retailer_id or "Product")
    chat.texts(parts, c)
    parts.action_row(VIEW_PRODUCT, "", ("view_product",))
    chat.emit(parts, outgoing=False)


LAYOUT = PreviewLayout(
    MessageKind.PRODUCT, _bubble, taps={"view_product": no_webhook(NoWebhook.OPENS_PRODUCT)}
)
