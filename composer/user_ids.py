"""Business-scoped user ids (BSUIDs): what they look like, and one key per customer.

Since April 2026 Meta identifies a WhatsApp user to a business by a BSUID as well as (or, for a
user with a username, instead of) the phone number: ``US.13491208655302741918``, the user's ISO
3166 alpha-2 country code, a period and up to 128 letters and digits; a parent BSUID (shared by
linked portfolios) has ``ENT.`` after the country code. A message goes to a BSUID with
``recipient`` instead of ``to``. Facts and sources: docs/spec/bsuid.md.

Why one module: the store, the window, the sandbox, validation and the webhook builders all need
the same answer to "is this a BSUID?" and the same key for a customer (a BSUID as written, a
number as its digits), or a window recorded under one form is not found under the other.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from composer import limits
from composer.phone import normalize

__all__ = [
    "BSUID_FIELD",
    "PHONE_FIELD",
    "addressee",
    "addressee_field",
    "bsuid_problem",
    "is_bsuid",
    "looks_like_bsuid",
    "recipient_key",
    "simulated_user_id",
]

PHONE_FIELD: Final = "to"
BSUID_FIELD: Final = "recipient"

_MAX = limits.BSUID_CHARS.maximum
_BSUID: Final = re.compile(rf"[A-Z]{{2}}\.(?:ENT\.)?[A-Za-z0-9]{{1,{_MAX}}}")
_SHAPE: Final = re.compile(r"[A-Za-z]{2}\.\S*")
"""Text that is meant as a BSUID (two letters and a dot), valid or not: validation says why."""

# Calling code -> ISO country of the simulated ids (longest prefix wins; anything else: ZZ,
# the ISO code "reserved for user assignment", so a made-up id never claims a real country).
_COUNTRIES: Final = {
    "1": "US", "44": "GB", "49": "DE", "33": "FR", "34": "ES", "39": "IT", "55": "BR",
    "52": "MX", "54": "AR", "57": "CO", "91": "IN", "62": "ID", "65": "SG", "234": "NG",
    "27": "ZA", "351": "PT", "31": "NL", "81": "JP", "61": "AU",
}  # fmt: skip


def is_bsuid(text: str) -> bool:
    """True for a well-formed BSUID or parent BSUID (``US.134...``, ``US.ENT.118...``)."""
    return len(text) <= _MAX + 7 and _BSUID.fullmatch(text.strip()) is not None


def looks_like_bsuid(text: str) -> bool:
    """True when ``text`` is meant as a BSUID (two letters and a dot), well-formed or not."""
    return len(text) <= _MAX * 4 and _SHAPE.fullmatch(text.strip()) is not None


def bsuid_problem(text: str) -> str | None:
    """Why ``text`` is not a BSUID, in one sentence; None when it is one."""
    value = text.strip()
    if is_bsuid(value):
        return None
    country, _, rest = value.partition(".")
    if rest.startswith("ENT."):
        rest = rest[4:]
    if not (len(country) == 2 and country.isascii() and country.isupper()):
        return (
            f'"{value[:40]}" does not start with a two-letter country code in capitals and a '
            'period (e.g. "US.13491208655302741918").'
        )
    if not rest:
        return f'"{value[:40]}" has nothing after the country code.'
    if len(rest) > _MAX:
        return (
            f"A business-scoped user id has at most {_MAX} letters and digits after the "
            f"country code; this one has {len(rest):,}."
        )
    return f'"{value[:40]}" may hold only letters and digits after the country code.'


def recipient_key(text: str) -> str:
    """The one key of a customer: a BSUID as written (trimmed), a phone number as its digits.

    Text meant as a BSUID but malformed (``US.12-3``) stays as written too, so it never becomes
    the digits of some phone number; writers refuse it (``composer.storage.records``)."""
    value = text.strip()
    return value if looks_like_bsuid(value) else normalize(value)


def addressee_field(to: str) -> str:
    """The payload key a message to ``to`` is addressed with: ``recipient`` for a BSUID."""
    return BSUID_FIELD if is_bsuid(to) else PHONE_FIELD


def addressee(payload: Mapping[str, object]) -> str:
    """Who a message POST body goes to: its ``recipient`` (a BSUID) or its ``to``; "" if none."""
    for key in (BSUID_FIELD, PHONE_FIELD):
        value = payload.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def simulated_user_id(wa_id: str) -> str:
    """A stable, made-up BSUID for a phone number (demo contacts, previews, the sandbox).

    The country comes from the calling code; the rest is 20 digits of a hash of the number, so
    one number always gets one id. Digits only: pywa 4.5 reads only ``CC.<digits>`` as a BSUID.
    """
    import hashlib  # here, not at the top: it loads OpenSSL (several ms of the window's start)

    digits = normalize(wa_id)
    country = next((_COUNTRIES[digits[:n]] for n in (3, 2, 1) if digits[:n] in _COUNTRIES), "ZZ")
    number = int(hashlib.sha256(f"wa-composer|{digits}".encode()).hexdigest(), 16)
    return f"{country}.{number % 10**20:020d}"
