"""The list of message kinds: id, display title and the module that holds the kind's row.

Light on purpose (no message model): the window draws its type picker from these titles before any
model is imported, and ``composer.kinds`` loads a kind's row (``composer.kinds.<module>``) only
when someone asks for it. Registering a new kind is one ``MessageKind`` member and one entry here.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from composer.messages.kind import MessageKind

__all__ = ["CATALOGUE", "Entry", "MessageKind", "entry", "kinds_titled", "title"]


class Entry(NamedTuple):
    """One kind as the light code sees it; ``module`` is ``composer.kinds.<module>``.

    A NamedTuple, not a dataclass: this module is on the window's first-paint path, and
    ``dataclasses`` (with ``copy``) costs about 4 ms to import there.
    """

    kind: MessageKind
    title: str
    module: str


CATALOGUE: Final[tuple[Entry, ...]] = (
    Entry(MessageKind.BUTTON, "Reply buttons", "reply_buttons"),
    Entry(MessageKind.LIST, "List", "list_message"),
    Entry(MessageKind.CTA_URL, "CTA URL", "cta_url"),
    Entry(MessageKind.FLOW, "Flow", "flow"),
    Entry(MessageKind.PRODUCT, "Single product", "single_product"),
    Entry(MessageKind.PRODUCT_LIST, "Multi-product", "multi_product"),
    Entry(MessageKind.CATALOG, "Catalog", "catalog_message"),
    Entry(MessageKind.LOCATION_REQUEST, "Location request", "location_request"),
    Entry(MessageKind.REACTION, "Reaction", "reaction"),
    Entry(MessageKind.CAROUSEL, "Carousel", "carousel"),
    Entry(MessageKind.ADDRESS, "Address", "address_message"),
    Entry(MessageKind.CALL_PERMISSION, "Call permission request", "call_permission"),
    Entry(MessageKind.VOICE_CALL, "Voice call button", "voice_call"),
    Entry(MessageKind.TEXT, "Text", "text"),
    Entry(MessageKind.TEMPLATE, "Template", "template"),
)
"""Every kind, in the order the window's type picker shows those that have an editor."""

_BY_ID: Final[dict[str, Entry]] = {e.kind.value: e for e in CATALOGUE}


def entry(kind: str) -> Entry:
    """The entry of ``kind`` (a ``MessageKind`` or its value); KeyError for an unknown kind."""
    return _BY_ID[str(kind)]


def title(kind: str) -> str:
    """The display title of ``kind``; an unknown kind (an old draft, a typo) shows as itself."""
    found = _BY_ID.get(str(kind))
    return kind if found is None else found.title


def kinds_titled(text: str) -> tuple[str, ...]:
    """The kinds whose title or id holds ``text`` (any case): what a search for "buttons" or
    "product" means by kind. Blank text names none."""
    needle = text.strip().casefold()
    if not needle:
        return ()
    return tuple(
        e.kind.value for e in CATALOGUE if needle in e.title.casefold() or needle in e.kind.value
    )
