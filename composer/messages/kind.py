"""The message-kind enum, alone in a module without the models so that light code (the kind
catalogue, the window's type picker) can name kinds before any model is imported."""

from __future__ import annotations

from enum import StrEnum


class MessageKind(StrEnum):
    """What ``content.kind`` returns: the ``interactive.type`` (or top-level ``type``).

    A new kind adds one member here and one entry in ``composer.kinds.catalogue``.
    """

    BUTTON = "button"
    LIST = "list"
    REACTION = "reaction"
    PRODUCT = "product"
    PRODUCT_LIST = "product_list"
    LOCATION_REQUEST = "location_request_message"
    CTA_URL = "cta_url"
    FLOW = "flow"
    CATALOG = "catalog_message"
    CAROUSEL = "carousel"
    ADDRESS = "address_message"
    CALL_PERMISSION = "call_permission_request"
    VOICE_CALL = "voice_call"
    TEXT = "text"
    TEMPLATE = "template"
