"""One preview layout per message kind, looked up by ``MessageKind``.

Each module here draws one kind (its bubble, its sheet if any) and says what its taps do. The
list of kinds is the core's catalogue (``composer.kinds.catalogue``): the layout of a kind is
``ui/preview/kinds/<its catalogue module>.py``'s ``LAYOUT``, loaded the first time that kind is
drawn, so the window's first preview imports one layout, not fifteen. Adding a kind: write that
module. ``NO_LAYOUT_YET`` names any kind that has no preview yet and why (the chat then says so);
a test walks ``MessageKind`` and fails for a kind in neither.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache

from composer.kinds.catalogue import CATALOGUE, entry
from composer.messages.kind import MessageKind
from ui.preview.kinds.base import PreviewLayout, SheetLayout

__all__ = [
    "NO_LAYOUT_YET",
    "PreviewLayout",
    "SheetLayout",
    "layout_for",
    "preview_layouts",
    "why_no_layout",
]

# Kinds the core knows that the preview cannot draw yet, each with the reason (none today).
NO_LAYOUT_YET: Mapping[MessageKind, str] = {}


def layout_for(kind: MessageKind) -> PreviewLayout | None:
    """The preview layout of ``kind``; None for a kind in ``NO_LAYOUT_YET``."""
    return None if kind in NO_LAYOUT_YET else _load(kind)


@cache
def _load(kind: MessageKind) -> PreviewLayout:
    module = f"{__name__}.{entry(kind).module}"
    layout = importlib.import_module(module).LAYOUT
    if not isinstance(layout, PreviewLayout) or layout.kind is not kind:
        raise TypeError(f"{module}.LAYOUT is not the layout of {kind}")
    return layout


def preview_layouts() -> dict[MessageKind, PreviewLayout]:
    """Every kind's layout (all of them loaded), for the tests and tools that walk them."""
    found = {e.kind: layout_for(e.kind) for e in CATALOGUE}
    return {kind: layout for kind, layout in found.items() if layout is not None}


def why_no_layout(kind: MessageKind) -> str:
    """The stated reason ``kind`` has no preview (for the chat to say so)."""
    return NO_LAYOUT_YET.get(kind, "no preview layout")
