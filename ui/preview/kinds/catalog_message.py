"""A catalog message: the catalog card with a thumbnail product, and "View catalog"."""

from __future__ import annotations

from composer.messages import CatalogMessage, Message, MessageKind
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, content_of, no_webhook
from ui.preview.taps import NoWebhook

VIEW_CATALOG = "View catalog"  # drawn by WhatsApp itself (localised on real phones)


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, CatalogMessage)
    parts = chat.start(msg)
    p = chat.product(c.thumbnail_product_retailer_id or "")
    chat.thumb_card(
        parts,
        "catalog_card",
        p.image,
        f"View {chat.state.business_name}'s catalog on WhatsApp",
        "Browse pictures and details of their offerings.",
        "catalog_title",
    )
    chat.texts(parts, c)
    parts.action_row(VIEW_CATALOG, "", ("view_catalog",))
    chat.emit(parts, outgoing=False)


LAYOUT = PreviewLayout(
    MessageKind.CATALOG, _bubble, taps={"view_catalog": no_webhook(NoWebhook.OPENS_CATALOG)}
)
