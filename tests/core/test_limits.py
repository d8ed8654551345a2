"""The limits table: counting functions and the table's own consistency."""

from __future__ import annotations

import pytest

from composer import limits


@pytest.mark.parametrize(
    ("text", "code_points", "utf16"),
    [
        ("", 0, 0),
        ("Yes, reserve", 12, 12),
        ("👍", 1, 2),
        ("👍🏽", 2, 4),
        ("❤️", 2, 2),
        ("1️⃣", 3, 3),
        ("👨‍👩‍👧", 5, 8),
        ("🇧🇷", 2, 4),
        ("é", 1, 1),
    ],
)
def test_counts_code_points_and_utf16_units(text: str, code_points: int, utf16: int) -> None:
    assert limits.char_count(text) == code_points
    assert limits.utf16_length(text) == utf16


def test_every_limit_is_well_formed() -> None:
    assert len(limits.ALL_LIMITS) >= 25
    for limit in limits.ALL_LIMITS:
        assert limit.rule and "." in limit.rule, limit
        assert 0 <= limit.minimum <= limit.maximum, limit
        if limit.warn_above is not None:
            assert limit.minimum <= limit.warn_above < limit.maximum, limit


def test_a_rule_id_names_one_bound_per_context() -> None:
    # body.text_len is shared by the general body and the list body (the list allows more), and
    # template.body_len by a template body and a body-only template's; every other rule id
    # belongs to exactly one limit.
    by_rule: dict[str, list[limits.Limit]] = {}
    for limit in limits.ALL_LIMITS:
        by_rule.setdefault(limit.rule, []).append(limit)
    shared = {rule for rule, items in by_rule.items() if len(items) > 1}
    assert shared == {"body.text_len", "template.body_len"}


def test_spec_numbers() -> None:
    assert limits.BUTTON_TITLE.maximum == 20
    assert limits.BUTTONS.maximum == 3
    assert limits.LIST_ROWS_TOTAL.maximum == 10
    assert limits.PRODUCT_ITEMS_TOTAL.maximum == 30
    assert limits.LIST_BODY_TEXT.warn_above == limits.BODY_TEXT.maximum == 1024
    assert limits.FLOW_CTA.warn_above == 20


def test_counter_colours() -> None:
    title = limits.BUTTON_TITLE
    assert not title.is_near(5)
    assert title.is_near(18) and not title.is_over(18)
    assert title.is_over(21)
    assert title.is_under(0)
    assert limits.LIST_BODY_TEXT.is_near(1025) and not limits.LIST_BODY_TEXT.is_over(1025)
