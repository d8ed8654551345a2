"""The rule families every kind's check is built from, and the values they produce: the ``Out``
collector, the ``Issue`` type, header/body/footer part rules, and the rules of buttons, lists,
products, carousels, reactions and actions. Below ``composer.kinds``: kinds use these, and
``composer.validation`` walks the kinds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.rules.actions import (
        check_action_name,
        check_address,
        check_call_permission,
        check_cta_url,
        check_flow,
        check_location_request,
        check_url_button,
    )
    from composer.rules.base import (
        Out,
        is_web_url,
    )
    from composer.rules.buttons import (
        check_reply_buttons,
    )
    from composer.rules.carousel import (
        check_carousel,
    )
    from composer.rules.emoji import (
        contains_emoji,
        is_single_emoji,
    )
    from composer.rules.issue import (
        Issue,
        Severity,
        has_errors,
    )
    from composer.rules.lists import (
        check_list,
    )
    from composer.rules.parts import (
        ALL_HEADERS,
        NO_HEADER,
        TEXT_HEADER,
        PartsPolicy,
        check_media,
        check_parts,
    )
    from composer.rules.products import (
        check_catalog,
        check_multi_product,
        check_single_product,
    )
    from composer.rules.reaction import (
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
    "emoji": (
        "contains_emoji",
        "is_single_emoji",
    ),
    "issue": (
        "Issue",
        "Severity",
        "has_errors",
    ),
    "lists": ("check_list",),
    "parts": (
        "ALL_HEADERS",
        "NO_HEADER",
        "PartsPolicy",
        "TEXT_HEADER",
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
    "check_action_name",
    "check_address",
    "check_call_permission",
    "check_carousel",
    "check_catalog",
    "check_cta_url",
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
]
