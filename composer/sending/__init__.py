"""One send pipeline for the CLI and the window (``pipeline``), the outcome both of them render
and the attempt reports they show while it runs (``outcome``), and the payload step that uploads
a local header file first (``media``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.sending.media import local_header_file, upload_local_header
    from composer.sending.outcome import AttemptReport, SendOutcome, refused
    from composer.sending.pipeline import SANDBOX_TOKEN, HistorySink, SendDeps, send_payload
    from composer.sending.templates import (
        TemplateBlock,
        cached_library,
        load_library,
        payload_block,
        template_block,
    )

_HOMES = {
    "media": ("local_header_file", "upload_local_header"),
    "outcome": ("AttemptReport", "SendOutcome", "refused"),
    "pipeline": ("SANDBOX_TOKEN", "HistorySink", "SendDeps", "send_payload"),
    "templates": (
        "TemplateBlock",
        "cached_library",
        "load_library",
        "payload_block",
        "template_block",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "SANDBOX_TOKEN",
    "AttemptReport",
    "HistorySink",
    "SendDeps",
    "SendOutcome",
    "TemplateBlock",
    "cached_library",
    "load_library",
    "local_header_file",
    "payload_block",
    "refused",
    "send_payload",
    "template_block",
    "upload_local_header",
]
