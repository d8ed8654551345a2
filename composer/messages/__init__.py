"""Immutable models of every message the composer builds (shape only; rules are in validation)."""

from composer.messages.address_message import AddressMessage
from composer.messages.call_permission import CallPermissionRequest
from composer.messages.carousel import (
    CardUrlButton,
    Carousel,
    CarouselCard,
    MediaCard,
    ProductCard,
    QuickReply,
)
from composer.messages.catalog_message import CatalogMessage
from composer.messages.cta_url import CtaUrl
from composer.messages.flow import Flow, FlowActionPayload
from composer.messages.list_message import ListMessage, ListRow, ListSection
from composer.messages.location_request import LocationRequest
from composer.messages.message import INTERACTIVE_TYPES, Content, Message
from composer.messages.multi_product import MultiProduct, ProductSection
from composer.messages.parts import (
    Header,
    Interactive,
    MediaHeader,
    MediaKindName,
    MessageKind,
    Model,
    TextHeader,
)
from composer.messages.reaction import Reaction
from composer.messages.reply_buttons import ReplyButton, ReplyButtons
from composer.messages.single_product import SingleProduct
from composer.messages.text import TextMessage

__all__ = [
    "INTERACTIVE_TYPES",
    "AddressMessage",
    "CallPermissionRequest",
    "CardUrlButton",
    "Carousel",
    "CarouselCard",
    "CatalogMessage",
    "Content",
    "CtaUrl",
    "Flow",
    "FlowActionPayload",
    "Header",
    "Interactive",
    "ListMessage",
    "ListRow",
    "ListSection",
    "LocationRequest",
    "MediaCard",
    "MediaHeader",
    "MediaKindName",
    "Message",
    "MessageKind",
    "Model",
    "MultiProduct",
    "ProductCard",
    "ProductSection",
    "QuickReply",
    "Reaction",
    "ReplyButton",
    "ReplyButtons",
    "SingleProduct",
    "TextHeader",
    "TextMessage",
]
