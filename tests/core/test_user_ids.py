"""Business-scoped user ids: the format (docs/spec/bsuid.md), the customer key, the addressee
field and the simulated ids of the demo contacts."""

from __future__ import annotations

import pytest

from composer import limits
from composer.demo_contacts import DEMO_CONTACTS, OPEN_CONTACT, demo_contact, identity_of
from composer.user_ids import (
    addressee,
    addressee_field,
    bsuid_problem,
    is_bsuid,
    looks_like_bsuid,
    recipient_key,
    simulated_user_id,
)


@pytest.mark.parametrize(
    "text",
    [
        "US.13491208655302741918",
        "BR.1502576394655843",
        "US.ENT.11815799212886844830",
        "IN.abcDEF123",  # Meta: letters and digits
        "US." + "9" * limits.BSUID_CHARS.maximum,
        "  US.1  ",
    ],
)
def test_well_formed_user_ids(text: str) -> None:
    assert is_bsuid(text) and looks_like_bsuid(text) and bsuid_problem(text) is None


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("us.134", "two-letter country code in capitals"),
        ("USA.134", "two-letter country code"),
        ("US.", "nothing after the country code"),
        ("US.ENT.", "nothing after the country code"),
        ("US.134-912", "only letters and digits"),
        ("US.é1", "only letters and digits"),
        ("US." + "9" * (limits.BSUID_CHARS.maximum + 1), "at most 128"),
    ],
)
def test_malformed_user_ids_say_why(text: str, why: str) -> None:
    assert not is_bsuid(text)
    problem = bsuid_problem(text)
    assert problem is not None and why in problem


@pytest.mark.parametrize("text", ["+16505550123", "16505550123", "", "120363025246125486"])
def test_numbers_are_not_user_ids(text: str) -> None:
    assert not is_bsuid(text) and not looks_like_bsuid(text)
    assert addressee_field(text) == "to"


def test_one_key_per_customer() -> None:
    assert recipient_key("+1 (650) 555-0123") == "16505550123"
    assert recipient_key(" US.13491208655302741918 ") == "US.13491208655302741918"
    # meant as a BSUID but malformed: never the digits of some phone number
    assert recipient_key("US.1650-5550123") == "US.1650-5550123"
    assert addressee_field("US.13491208655302741918") == "recipient"


def test_addressee_of_a_payload() -> None:
    assert addressee({"to": "+16505550123"}) == "+16505550123"
    assert addressee({"recipient": "US.1"}) == "US.1"
    assert addressee({"to": "", "recipient": "US.1"}) == "US.1"
    assert addressee({"to": 5}) == "" and addressee({}) == ""


def test_simulated_ids_are_stable_distinct_and_read_by_pywa_as_bsuids() -> None:
    ids = [c.user_id for c in DEMO_CONTACTS]
    assert len(set(ids)) == len(ids)
    assert ids == [simulated_user_id(c.number) for c in DEMO_CONTACTS]
    for user_id in ids:
        country, _, rest = user_id.partition(".")
        assert country == "US" and rest.isdigit() and len(rest) == 20 and is_bsuid(user_id)
    assert simulated_user_id("+44 7700 900123").startswith("GB.")
    assert simulated_user_id("+999 123").startswith("ZZ.")  # no real country claimed


def test_identities_of_numbers_and_user_ids() -> None:
    assert demo_contact(OPEN_CONTACT.user_id) is OPEN_CONTACT
    assert demo_contact("+1 555 0100 001") is OPEN_CONTACT
    ana = identity_of(OPEN_CONTACT.user_id)
    assert (ana.wa_id, ana.user_id, ana.name) == (
        OPEN_CONTACT.wa_id,
        OPEN_CONTACT.user_id,
        "Ana Souza",
    )
    stranger = identity_of("GB.40412345678901234567")
    assert (stranger.wa_id, stranger.name) == (None, "Customer")
    assert stranger.contact() == {
        "profile": {"name": "Customer"},
        "user_id": "GB.40412345678901234567",
    }
    number = identity_of("+44 7700 900123", name="Sam")
    assert number.contact() == {
        "profile": {"name": "Sam"},
        "wa_id": "447700900123",
        "user_id": simulated_user_id("447700900123"),
    }
