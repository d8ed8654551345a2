"""The envelope: who receives the message, optional reply context, and the content."""

from __future__ import annotations

from composer.messages.address_message import AddressMessage
from composer.messages.call_permission import CallPermissionRequest
from composer.messages.carousel import Carousel
from composer.messages.catalog_message import CatalogMessage
from composer.messages.cta_url import CtaUrl
from composer.messages.flow import Flow
from composer.messages.list_message import ListMessage
from composer.messages.location_request import LocationRequest
from composer.messages.multi_product import MultiProduct
from composer.messages.parts import MessageKind, Model
from composer.messages.reaction import Reaction
from composer.messages.reply_buttons import ReplyButtons
from composer.messages.single_product import SingleProduct
from composer.messages.text import TextMessage

Content = (
    ReplyButtons
    | ListMessage
    | Reaction
    | SingleProduct
    | MultiProduct
    | LocationRequest
    | CtaUrl
    | Flow
    | CatalogMessage
    | Carousel
    | AddressMessage
    | CallPermissionRequest
    | TextMessage
)

INTERACTIVE_TYPES: dict[str, type[Content]] = {
    cls.kind.value: cls
    for cls in (
        ReplyButtons,
        ListMessage,
        SingleProduct,
        MultiProduct,
        LocationRequest,
        CtaUrl,
        Flow,
        CatalogMessage,
        Carousel,
        AddressMessage,
        CallPermissionRequest,
    )
}
"""``interactive.type`` -> content model, for every interactive type the composer supports."""


class Message(Model):
    """One message POST body. ``messaging_product`` is always ``"whatsapp"`` and not stored."""

    to: str
    content: Content
    recipient_type: str = "individual"
    context_message_id: str | None = None
    biz_opaque_callback_data: str | None = None

    @property
    def kind(self) -> MessageKind:
        return self.content.kind
