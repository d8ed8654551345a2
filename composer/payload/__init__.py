"""Model <-> Graph API JSON: the writer (``to_payload``), the strict reader (``from_payload``) and
the shape helpers the kinds' codecs use. Values are checked by ``composer.validation``, not here.

Each kind's own reader and writer live in its row (``composer.kinds.<kind>``); the reader and the
writer here dispatch to them and never import each other.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.payload.base import (
        Reader,
        describe,
        index,
        join,
        json_copy,
    )
    from composer.payload.errors import PayloadError
    from composer.payload.parts import (
        header_payload,
        named_action,
        read_action_name,
        read_header,
        read_parameters,
        read_text_object,
    )
    from composer.payload.reader import (
        from_payload,
        read_message,
    )
    from composer.payload.writer import to_payload

_HOMES = {
    "base": (
        "Reader",
        "describe",
        "index",
        "join",
        "json_copy",
    ),
    "errors": ("PayloadError",),
    "parts": (
        "header_payload",
        "named_action",
        "read_action_name",
        "read_header",
        "read_parameters",
        "read_text_object",
    ),
    "reader": (
        "from_payload",
        "read_message",
    ),
    "writer": ("to_payload",),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "PayloadError",
    "Reader",
    "describe",
    "from_payload",
    "header_payload",
    "index",
    "join",
    "json_copy",
    "named_action",
    "read_action_name",
    "read_header",
    "read_message",
    "read_parameters",
    "read_text_object",
    "to_payload",
]
