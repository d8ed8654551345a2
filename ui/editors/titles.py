"""Type picker entries: ``interactive.type`` (or ``type``) -> title, in picker order.

Plain strings so the window can draw its picker before the models are imported (start-up time).
"""

from __future__ import annotations

from typing import Final

TITLES: Final[dict[str, str]] = {
    "button": "Reply buttons",
    "list": "List",
    "cta_url": "CTA URL",
    "flow": "Flow",
    "product": "Single product",
    "product_list": "Multi-product",
    "catalog_message": "Catalog",
    "location_request_message": "Location request",
    "reaction": "Reaction",
}
