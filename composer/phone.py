"""Phone numbers as keys: one normal form (digits only, the ``wa_id`` form) used everywhere.

Meta accepts ``+``, ``-``, ``(``, ``)`` and spaces in ``to`` and answers with the digits-only
``wa_id``; store, window and sandbox all key recipients on that form so "+1 (650) 555-0123" and
"16505550123" are the same person.
"""

from __future__ import annotations

__all__ = ["MAX_CHARS", "PUNCTUATION", "display_number", "is_phone_like", "normalize"]

MAX_CHARS = 32
"""Longest text read as a phone number (15 digits plus generous punctuation). Longer input is
refused before any per-character work: a 60-million-digit ``to`` took 5.9 s to normalise."""

PUNCTUATION = frozenset("+-() .")
"""Characters Meta tolerates inside a phone number (plus the dot many people type)."""


def normalize(number: str) -> str:
    """Digits only: ``"+1 (650) 555-0123"`` -> ``"16505550123"``. Non-ASCII digits are dropped."""
    return "".join(ch for ch in number if "0" <= ch <= "9")


def is_phone_like(number: str) -> bool:
    """True when ``number`` holds only digits and the tolerated punctuation, with some digits.

    ``+`` may only come first. The digit count is checked by the validator against its limit.
    """
    if len(number) > MAX_CHARS * 4:  # cheap guard before strip() copies a huge string
        return False
    text = number.strip()
    if not text or len(text) > MAX_CHARS:
        return False
    body = text[1:] if text.startswith("+") else text
    has_digit = False
    for ch in body:
        if "0" <= ch <= "9":
            has_digit = True
        elif ch not in PUNCTUATION or ch == "+":
            return False
    return has_digit


def display_number(number: str) -> str:
    """A recipient as people read it: ``"15550100001"`` -> ``"+1 555-010-0001"`` (North American
    numbers are grouped; others are ``+`` and their digits, as no country table is kept here).
    Text with no digits is returned as it is."""
    digits = normalize(number)
    if not digits:
        return number.strip()
    if len(digits) == 11 and digits.startswith("1"):
        return f"+1 {digits[1:4]}-{digits[4:7]}-{digits[7:]}"
    return f"+{digits}"
