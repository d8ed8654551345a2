"""The 24-hour customer-service window: facts and state from the store (``facts``), the
sentences a support agent reads (``texts``) and whether a send may go now (``gate``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.window.facts import (
        RE_ENGAGEMENT_CODE,
        SEND_WARNING_SECONDS,
        TEMPLATE_KIND,
        UNKNOWN_STATUS,
        URGENT_SECONDS,
        Clock,
        Closure,
        ClosureSink,
        InboundLike,
        Source,
        Tone,
        WindowFacts,
        WindowFactsSource,
        WindowState,
        WindowStatus,
        format_countdown,
        iso_utc,
        load_facts,
        note_send_error,
        parse_iso_utc,
        send_block_reason,
        send_warning,
        tone,
        window_status,
    )
    from composer.window.gate import READY, SendDecision, send_decision
    from composer.window.texts import (
        SOURCE_WORDS,
        UNKNOWN_HINT,
        closed_reason,
        describe,
        format_ago,
        format_moment,
        headline,
        provenance,
    )

_HOMES = {
    "facts": (
        "Clock",
        "Closure",
        "ClosureSink",
        "InboundLike",
        "RE_ENGAGEMENT_CODE",
        "SEND_WARNING_SECONDS",
        "Source",
        "TEMPLATE_KIND",
        "Tone",
        "UNKNOWN_STATUS",
        "URGENT_SECONDS",
        "WindowFacts",
        "WindowFactsSource",
        "WindowState",
        "WindowStatus",
        "format_countdown",
        "iso_utc",
        "load_facts",
        "note_send_error",
        "parse_iso_utc",
        "send_block_reason",
        "send_warning",
        "tone",
        "window_status",
    ),
    "gate": ("READY", "SendDecision", "send_decision"),
    "texts": (
        "SOURCE_WORDS",
        "UNKNOWN_HINT",
        "closed_reason",
        "describe",
        "format_ago",
        "format_moment",
        "headline",
        "provenance",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "READY",
    "RE_ENGAGEMENT_CODE",
    "SEND_WARNING_SECONDS",
    "SOURCE_WORDS",
    "TEMPLATE_KIND",
    "UNKNOWN_HINT",
    "UNKNOWN_STATUS",
    "URGENT_SECONDS",
    "Clock",
    "Closure",
    "ClosureSink",
    "InboundLike",
    "SendDecision",
    "Source",
    "Tone",
    "WindowFacts",
    "WindowFactsSource",
    "WindowState",
    "WindowStatus",
    "closed_reason",
    "describe",
    "format_ago",
    "format_countdown",
    "format_moment",
    "headline",
    "iso_utc",
    "load_facts",
    "note_send_error",
    "parse_iso_utc",
    "provenance",
    "send_block_reason",
    "send_decision",
    "send_warning",
    "tone",
    "window_status",
]
