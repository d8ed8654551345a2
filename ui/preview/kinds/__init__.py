"""One preview layout per message kind, looked up by ``MessageKind``.

Each module here draws one kind (its bubble, its sheet if any) and says what its taps do; this
registry is the only list of them. Adding a kind: write ``ui/preview/kinds/<kind>.py`` with a
``LAYOUT`` and add it to ``_ALL`` below. ``NO_LAYOUT_YET`` names any kind that has no preview
yet and why (the chat then says so); a test walks ``MessageKind`` and fails for a kind in neither.
"""

from __future__ import annotations

from collections.abc import Mapping

from composer.messages import MessageKind
from ui.preview.kinds import (
    address_message,
    call_permission,
    carousel,
    catalog_message,
    cta_url,
    flow,
    list_message,
    location_request,
    multi_product,
    reaction,
    reply_buttons,
    single_product,
    template,
    text,
    voice_call,
)
from ui.preview.kinds.base import PreviewLayout, SheetLayout

__all__ = [
    "NO_LAYOUT_YET",
    "PREVIEW_LAYOUTS",
    "PreviewLayout",
    "SheetLayout",
    "layout_for",
    "why_no_layout",
]

_ALL = (
    reply_buttons.LAYOUT,
    list_message.LAYOUT,
    reaction.LAYOUT,
    single_product.LAYOUT,
    multi_product.LAYOUT,
    location_request.LAYOUT,
    cta_url.LAYOUT,
    flow.LAYOUT,
    catalog_message.LAYOUT,
    carousel.LAYOUT,
    address_message.LAYOUT,
    call_permission.LAYOUT,
    voice_call.LAYOUT,
    text.LAYOUT,
    template.LAYOUT,
)

PREVIEW_LAYOUTS: Mapping[MessageKind, PreviewLayout] = {layout.kind: layout for layout in _ALL}

# Kinds the core knows that the preview cannot draw yet, each with the reason (none today).
NO_LAYOUT_YET: Mapping[MessageKind, str] = {}


def layout_for(kind: MessageKind) -> PreviewLayout | None:
    """The preview layout of ``kind``; None for a kind in ``NO_LAYOUT_YET``."""
    return PREVIEW_LAYOUTS.get(kind)


def why_no_layout(kind: MessageKind) -> str:
    """The stated reason ``kind`` has no preview (for the chat to say so)."""
    return NO_LAYOUT_YET.get(kind, "no preview layout")
