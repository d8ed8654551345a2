"""What every kind's payload reader and writer share: the ``Reader`` that collects shape problems,
header/text/action parts, ``PayloadError``, and the one strict JSON reading rule. Below
``composer.kinds``; ``composer.payload`` walks the kinds to read and write whole messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.codec.base import (
        Reader,
        describe,
        index,
        join,
    )
    from composer.codec.errors import (
        PayloadError,
    )
    from composer.codec.parts import (
        header_payload,
        named_action,
        read_action_name,
        read_header,
        read_parameters,
        read_text_object,
    )
    from composer.codec.strict_json import (
        MAX_DEPTH,
        MAX_VALUES,
        JsonRefused,
        loads_strict,
    )

_HOMES = {
    "base": (
        "Reader",
        "describe",
        "index",
        "join",
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
    "strict_json": (
        "JsonRefused",
        "MAX_DEPTH",
        "MAX_VALUES",
        "loads_strict",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "MAX_DEPTH",
    "MAX_VALUES",
    "JsonRefused",
    "PayloadError",
    "Reader",
    "describe",
    "header_payload",
    "index",
    "join",
    "loads_strict",
    "named_action",
    "read_action_name",
    "read_header",
    "read_parameters",
    "read_text_object",
]
