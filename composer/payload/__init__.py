"""Model <-> Graph API JSON: the writer (``to_payload``), the strict reader (``from_payload``) and
its shape helpers. Values are checked by ``composer.validation``, not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.payload.actions import (
        ACTION_READERS,
    )
    from composer.payload.base import (
        Reader,
        describe,
        index,
        join,
        json_copy,
    )
    from composer.payload.carousel import (
        read_carousel,
    )
    from composer.payload.parts import (
        read_header,
        read_text_object,
    )
    from composer.payload.reader import (
        read_message,
    )
    from composer.payload.writer import (
        PayloadError,
        from_payload,
        to_payload,
    )

_HOMES = {
    "actions": ("ACTION_READERS",),
    "base": (
        "Reader",
        "describe",
        "index",
        "join",
        "json_copy",
    ),
    "carousel": ("read_carousel",),
    "parts": (
        "read_header",
        "read_text_object",
    ),
    "reader": ("read_message",),
    "writer": (
        "PayloadError",
        "from_payload",
        "to_payload",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "ACTION_READERS",
    "PayloadError",
    "Reader",
    "describe",
    "from_payload",
    "index",
    "join",
    "json_copy",
    "read_carousel",
    "read_header",
    "read_message",
    "read_text_object",
    "to_payload",
]
