"""Kind id -> editor class: one registration per kind, keyed by the core's ``MessageKind``.

Light on purpose: the window draws its type picker from ``TITLES`` before any editor (or message
model) is imported, so editors are named here as ``"module:Class"`` and imported on first use.
The kinds, their order and their titles come from the core catalogue (``composer.kinds``); a
kind without an editor is listed in ``NO_EDITOR_YET`` with the reason, and a test checks that
every kind is in exactly one of the two.
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import TYPE_CHECKING, Final

from composer.kinds.catalogue import CATALOGUE, MessageKind

if TYPE_CHECKING:
    from ui.editors.base import Editor

__all__ = ["EDITORS", "NO_EDITOR_YET", "TITLES", "editor_for"]

EDITORS: Final[dict[MessageKind, str]] = {
    MessageKind.BUTTON: "reply_buttons:ReplyButtonsEditor",
    MessageKind.LIST: "list_message:ListMessageEditor",
    MessageKind.CAROUSEL: "carousel:CarouselEditor",
    MessageKind.CTA_URL: "cta_url:CtaUrlEditor",
    MessageKind.FLOW: "flow:FlowEditor",
    MessageKind.PRODUCT: "single_product:SingleProductEditor",
    MessageKind.PRODUCT_LIST: "multi_product:MultiProductEditor",
    MessageKind.CATALOG: "catalog_message:CatalogMessageEditor",
    MessageKind.LOCATION_REQUEST: "location_request:LocationRequestEditor",
    MessageKind.REACTION: "reaction:ReactionEditor",
    MessageKind.ADDRESS: "address_message:AddressMessageEditor",
    MessageKind.CALL_PERMISSION: "call_permission:CallPermissionEditor",
    MessageKind.VOICE_CALL: "voice_call:VoiceCallEditor",
    MessageKind.TEXT: "text:TextEditor",
    MessageKind.TEMPLATE: "template:TemplateEditor",
}
"""The editor of each kind, as ``"<module of ui.editors>:<class>"``."""

NO_EDITOR_YET: Final[dict[MessageKind, str]] = {}
"""Kinds without an editor, each with the reason (none today: every kind has one)."""

TITLES: Final[dict[str, str]] = {e.kind.value: e.title for e in CATALOGUE if e.kind in EDITORS}
"""Type picker entries (kind id -> the core's title), in the core's catalogue order."""


def editor_for(kind: MessageKind | str) -> type[Editor] | None:
    """The editor class of ``kind``; None for an unknown kind or one without an editor."""
    try:
        where = EDITORS[MessageKind(kind)]
    except (ValueError, KeyError):
        return None
    return _load(where)


@cache
def _load(where: str) -> type[Editor]:
    from ui.editors.base import Editor

    module, name = where.split(":")
    cls = getattr(importlib.import_module(f"ui.editors.{module}"), name)
    if not (isinstance(cls, type) and issubclass(cls, Editor)):
        raise TypeError(f"ui.editors.{where} is not an Editor")
    return cls
