"""The sandbox's demo contacts and its one business phone number: plain data.

Why outside ``composer.sandbox``: accounts (the sandbox profile), webhook replies and the window
read these without loading the simulator, and the sandbox itself sits above them.

Each demo contact shows one situation a new user should meet without a WhatsApp account: a window
that is open, one that is about to close, one that has closed, and a number that is not on
WhatsApp. Their last-inbound times are offsets from the sandbox clock at construction.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Final

import msgspec

from composer.phone import normalize
from composer.user_ids import is_bsuid, recipient_key, simulated_user_id

SANDBOX_PHONE_NUMBER_ID: Final = "100000000000001"
SANDBOX_WABA_ID: Final = "100000000000002"
SANDBOX_DISPLAY_PHONE_NUMBER: Final = "+1 555 0100 000"
SANDBOX_VERIFIED_NAME: Final = "WA Composer Sandbox"
SANDBOX_QUALITY_RATING: Final = "GREEN"


class DemoContact(msgspec.Struct, frozen=True):
    """A scripted recipient. ``last_inbound_ago`` is None when the number is not on WhatsApp."""

    number: str
    name: str
    last_inbound_ago: timedelta | None
    situation: str

    @property
    def wa_id(self) -> str:
        return normalize(self.number)

    @property
    def user_id(self) -> str:
        """The contact's business-scoped user id (stable, made up from the number)."""
        return simulated_user_id(self.wa_id)

    @property
    def on_whatsapp(self) -> bool:
        return self.last_inbound_ago is not None


OPEN_CONTACT: Final = DemoContact(
    "+15550100001", "Ana Souza", timedelta(hours=2), "window open (last message 2 h ago)"
)
CLOSING_CONTACT: Final = DemoContact(
    "+15550100002",
    "Ben Okafor",
    timedelta(hours=23, minutes=50),
    "window closing (last message 23 h 50 min ago)",
)
CLOSED_CONTACT: Final = DemoContact(
    "+15550100003", "Chloé Martin", timedelta(hours=30), "window closed (last message 30 h ago)"
)
NOT_ON_WHATSAPP_CONTACT: Final = DemoContact(
    "+15550100009", "Not on WhatsApp", None, "not on WhatsApp (error 131026)"
)
DEMO_CONTACTS: Final[tuple[DemoContact, ...]] = (
    OPEN_CONTACT,
    CLOSING_CONTACT,
    CLOSED_CONTACT,
    NOT_ON_WHATSAPP_CONTACT,
)


def demo_contact(recipient: str) -> DemoContact | None:
    """The demo contact a number or a BSUID names, if any."""
    key = recipient_key(recipient)
    return next((c for c in DEMO_CONTACTS if key in (c.wa_id, c.user_id)), None)


class Identity(msgspec.Struct, frozen=True):
    """Who a simulated webhook is about: the phone number (None when only the BSUID is known,
    as for a user with a username), the business-scoped user id and the profile name."""

    wa_id: str | None
    user_id: str
    name: str

    def contact(self) -> dict[str, Any]:
        """The ``contacts[]`` item Meta sends in 2026: ``profile.name``, ``wa_id``, ``user_id``."""
        item: dict[str, Any] = {"profile": {"name": self.name}}
        if self.wa_id is not None:
            item["wa_id"] = self.wa_id
        item["user_id"] = self.user_id
        return item


def identity_of(recipient: str, name: str | None = None) -> Identity:
    """The identity of a number or a BSUID: a demo contact's own, else one made up from it."""
    contact = demo_contact(recipient)
    if contact is not None:
        return Identity(contact.wa_id, contact.user_id, name or contact.name)
    key = recipient_key(recipient)
    if is_bsuid(key):
        return Identity(None, key, name or "Customer")
    return Identity(key, simulated_user_id(key), name or "Customer")
