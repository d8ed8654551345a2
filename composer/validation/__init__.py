"""``check(message) -> issues``: every rule of the fact sheet, as values (rule id, field path,
severity, sentence). One module per family of rules; ``issue`` holds the value type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.validation.actions import (
        check_action_name,
        check_address,
        check_call_permission,
        check_cta_url,
        check_flow,
        check_location_request,
        check_url_button,
    )
    from composer.validation.base import (
        Out,
        is_web_url,
    )
    from composer.validation.buttons import (
        check_reply_buttons,
    )
    from composer.validation.carousel import (
        check_carousel,
    )
    from composer.validation.check import (
        check,
        validate_payload,
    )
    from composer.validation.emoji import (
        contains_emoji,
        is_single_emoji,
    )
    from composer.validation.envelope import (
        check_envelope,
    )
    from composer.validation.issue import (
        Issue,
        Severity,
        has_errors,
    )
    from composer.validation.lists import (
        check_list,
    )
    from composer.validation.parts import (
        ALL_HEADERS,
        NO_HEADER,
        TEXT_HEADER,
        PartsPolicy,
        check_media,
        check_parts,
    )
    from composer.validation.products import (
        check_catalog,
        check_multi_product,
        check_single_product,
    )
    from composer.validation.reaction import (
        check_reaction,
        check_text,
    )

_HOMES = {
    "actions": (
        "check_action_name",
        "check_address",
        "check_call_permission",
        "check_cta_url",
        "check_flow",
        "check_location_request",
        "check_url_button",
    ),
    "base": (
        "Out",
        "is_web_url",
    ),
    "buttons": ("check_reply_buttons",),
    "carousel": ("check_carousel",),
    "check": (
        "check",
        "validate_payload",
    ),
    "emoji": (
        "contains_emoji",
        "is_single_emoji",
    ),
    "envelope": ("check_envelope",),
    "issue": (
        "Issue",
        "Severity",
        "has_errors",
    ),
    "lists": ("check_list",),
    "parts": (
        "ALL_HEADERS",
        "NO_HEADER",
        "TEXT_HEADER",
        "PartsPolicy",
        "check_media",
        "check_parts",
    ),
    "products": (
        "check_catalog",
        "check_multi_product",
        "check_single_product",
    ),
    "reaction": (
        "check_reaction",
        "check_text",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "ALL_HEADERS",
    "NO_HEADER",
    "TEXT_HEADER",
    "Issue",
    "Out",
    "PartsPolicy",
    "Severity",
    "check",
    "check_action_name",
    "check_address",
    "check_call_permission",
    "check_carousel",
    "check_catalog",
    "check_cta_url",
    "check_envelope",
    "check_flow",
    "check_list",
    "check_location_request",
    "check_media",
    "check_multi_product",
    "check_parts",
    "check_reaction",
    "check_reply_buttons",
    "check_single_product",
    "check_text",
    "check_url_button",
    "contains_emoji",
    "has_errors",
    "is_single_emoji",
    "is_web_url",
    "validate_payload",
]
