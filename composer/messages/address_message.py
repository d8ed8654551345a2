"""Address message (``interactive.type: address_message``), India only: asks for a delivery address.

``values`` (prefill), ``saved_addresses`` and ``validation_errors`` are kept as plain JSON
objects: their field set is country-specific and only relayed, never edited field by field here.
"""

from __future__ import annotations

from typing import Any, ClassVar

from composer.messages.parts import Interactive, MessageKind


class AddressMessage(Interactive):
    kind: ClassVar[MessageKind] = MessageKind.ADDRESS

    country: str = ""
    values: dict[str, Any] | None = None
    saved_addresses: tuple[dict[str, Any], ...] | None = None
    validation_errors: dict[str, Any] | None = None
    action_name: str = "address_message"
