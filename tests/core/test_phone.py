"""composer.phone: one normal form for recipients."""

from __future__ import annotations

import pytest

from composer.phone import display, is_phone_like, normalize


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+1 (650) 555-0123", "16505550123"),
        ("16505550123", "16505550123"),
        ("+55 11 91234.5678", "5511912345678"),
        ("", ""),
        ("+١٢٣", ""),  # Arabic-Indic digits are not wa_id digits
    ],
)
def test_normalize(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        ("+1 (650) 555-0123", True),
        ("16505550123", True),
        ("", False),
        ("+", False),
        ("1+650", False),
        ("call me", False),
        ("+44 20 7946 0958 ext", False),
    ],
)
def test_is_phone_like(raw: str, ok: bool) -> None:
    assert is_phone_like(raw) is ok


def test_a_huge_recipient_is_refused_at_once_without_normalising() -> None:
    from composer.messages import Message, Reaction
    from composer.validation.check import check

    huge = "+" + "1" * 60_000_000
    assert not is_phone_like(huge)
    assert not is_phone_like("+" + "1" * 40)
    issues = check(Message(to=huge, content=Reaction(message_id="wamid.x", emoji="x")))
    to = [i for i in issues if i.path == "to"]
    assert [i.message for i in to] == [
        "Recipient is 60,000,001 characters long; a phone number has at most 32."
    ]


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("15550100001", "+1 555-010-0001"),  # North America: 3-3-4
        ("+1 (650) 555-0123", "+1 650-555-0123"),
        ("447700900123", "+44 770 090 0123"),  # a two-digit country code, no lone last digit
        ("79161234567", "+7 916 123 4567"),
        ("2348012345678", "+234 801 234 5678"),  # three digits
        ("1", "+1"),
        ("", ""),
        ("no digits", "no digits"),
    ],
)
def test_display_sets_the_country_code_apart(stored: str, shown: str) -> None:
    assert display(stored) == shown
