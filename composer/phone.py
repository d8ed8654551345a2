"""Phone numbers as keys: one normal form (digits only, the ``wa_id`` form) used everywhere.

Meta accepts ``+``, ``-``, ``(``, ``)`` and spaces in ``to`` and answers with the digits-only
``wa_id``; store, window and sandbox all key recipients on that form so "+1 (650) 555-0123" and
"16505550123" are the same person.
"""

from __future__ import annotations

__all__ = ["MAX_CHARS", "PUNCTUATION", "display", "is_phone_like", "normalize"]

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


# ITU-T E.164 country calling codes of two digits (1 and 7 are the one-digit ones; the rest of
# the world has three). Only used to put a space after the country code when displaying.
_TWO_DIGIT_CODES = frozenset(
    str(code)
    for code in (20, 27, *range(30, 35), 36, 39, 40, 41, *range(43, 50), *range(51, 59),
                 *range(60, 67), 81, 82, 84, 86, *range(90, 96), 98)
)  # fmt: skip


def display(number: str) -> str:
    """A stored wa_id as people read it: ``"15550100001"`` -> ``"+1 555-010-0001"``.

    North American numbers get their usual 3-3-4 form; elsewhere the country code is set apart
    and the rest grouped in threes (a readable grouping, not each country's own format). Text
    without digits comes back as it is.
    """
    digits = normalize(number)
    if not digits:
        return number
    if digits[0] == "1" and len(digits) == 11:
        return f"+1 {digits[1:4]}-{digits[4:7]}-{digits[7:]}"
    size = 1 if digits[0] in "17" else 2 if digits[:2] in _TWO_DIGIT_CODES else 3
    code, rest = digits[:size], digits[size:]
    groups = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    if len(groups) > 1 and len(groups[-1]) == 1:  # no lone last digit: 3-3-4, not 3-3-3-1
        groups[-2:] = [groups[-2] + groups[-1]]
    return " ".join([f"+{code}", *groups]) if rest else f"+{code}"
