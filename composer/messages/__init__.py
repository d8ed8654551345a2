"""Immutable models of every message the composer builds (shape only; rules are in validation).

The face is lazy (``composer.lazy_exports``): ``composer.messages.kind`` (the enum) is read by the
window's type picker before any model is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
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
    from composer.messages.flow import FLOW_ACTIONS, FLOW_MODES, Flow, FlowActionPayload
    from composer.messages.kind import MessageKind
    from composer.messages.list_message import ListMessage, ListRow, ListSection
    from composer.messages.location_request import LocationRequest
    from composer.messages.message import Content, Message
    from composer.messages.multi_product import MultiProduct, ProductSection
    from composer.messages.parts import (
        Header,
        Interactive,
        InteractiveParts,
        MediaHeader,
        MediaKindName,
        Model,
        TextHeader,
        is_media_kind,
    )
    from composer.messages.reaction import Reaction
    from composer.messages.reply_buttons import ReplyButton, ReplyButtons
    from composer.messages.single_product import SingleProduct
    from composer.messages.template import TemplateComponent, TemplateMessage, TemplateParameter
    from composer.messages.text import TextMessage

_HOMES = {
    "address_message": ("AddressMessage",),
    "call_permission": ("CallPermissionRequest",),
    "carousel": (
        "CardUrlButton",
        "Carousel",
        "CarouselCard",
        "MediaCard",
        "ProductCard",
        "QuickReply",
    ),
    "catalog_message": ("CatalogMessage",),
    "cta_url": ("CtaUrl",),
    "flow": (
        "FLOW_ACTIONS",
        "FLOW_MODES",
        "Flow",
        "FlowActionPayload",
    ),
    "kind": ("MessageKind",),
    "list_message": (
        "ListMessage",
        "ListRow",
        "ListSection",
    ),
    "location_request": ("LocationRequest",),
    "message": (
        "Content",
        "Message",
    ),
    "multi_product": (
        "MultiProduct",
        "ProductSection",
    ),
    "parts": (
        "Header",
        "Interactive",
        "InteractiveParts",
        "MediaHeader",
        "MediaKindName",
        "Model",
        "TextHeader",
        "is_media_kind",
    ),
    "reaction": ("Reaction",),
    "reply_buttons": (
        "ReplyButton",
        "ReplyButtons",
    ),
    "single_product": ("SingleProduct",),
    "template": ("TemplateComponent", "TemplateMessage", "TemplateParameter"),
    "text": ("TextMessage",),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "FLOW_ACTIONS",
    "FLOW_MODES",
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
    "InteractiveParts",
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
    "TemplateComponent",
    "TemplateMessage",
    "TemplateParameter",
    "TextHeader",
    "TextMessage",
    "is_media_kind",
]
