"""Whole messages <-> Graph API JSON: ``from_payload`` reads the envelope and hands each content to
its kind's reader, ``to_payload`` writes it back. Above ``composer.kinds``, which it walks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.codec.errors import (
        PayloadError,
    )
    from composer.payload.reader import (
        from_payload,
        read_message,
    )
    from composer.payload.writer import (
        to_payload,
    )

_HOMES = {
    "reader": (
        "from_payload",
        "read_message",
    ),
    "writer": ("to_payload",),
    "composer.codec.errors": ("PayloadError",),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "PayloadError",
    "from_payload",
    "read_message",
    "to_payload",
]
