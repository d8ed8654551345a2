"""Every sample message is valid, of its own type, and comes back unchanged through the payload."""

from __future__ import annotations

import pytest

from composer.kinds import MessageKind, specs
from composer.payload import to_payload
from composer.samples import SAMPLE_RECIPIENT, sample_kinds, sample_message, sample_payload
from composer.validation.check import check

NO_SAMPLE = [str(s.kind) for s in specs() if not isinstance(s.sample, dict)]


def test_sample_kinds_are_the_rows_with_a_sample() -> None:
    # Each editor kind has one: tests/ui/editors/test_registry.py (the core does not know editors).
    assert "button" in sample_kinds() and "carousel" in sample_kinds()
    assert set(sample_kinds()) | set(NO_SAMPLE) == {str(k) for k in MessageKind}


@pytest.mark.parametrize("kind", sample_kinds())
def test_sample_is_valid_and_round_trips(kind: str) -> None:
    msg = sample_message(kind)
    assert str(msg.content.kind) == kind
    assert msg.to == SAMPLE_RECIPIENT
    assert check(msg) == []  # not even a warning: a sample is a model to copy
    assert to_payload(msg) == sample_payload(kind)


def test_sample_payload_is_a_fresh_copy() -> None:
    first = sample_payload("list", to="+15550100002")
    first["interactive"]["action"]["sections"].clear()
    assert sample_payload("list")["interactive"]["action"]["sections"]
    assert first["to"] == "+15550100002"


def test_unknown_kind_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        sample_payload("carousel_of_dreams")


def test_a_kind_without_a_sample_is_a_key_error() -> None:
    # Every kind has a sample today (NO_SAMPLE is empty); a kind whose row says Absent("why")
    # must still be a KeyError, not a silent empty payload.
    for kind in NO_SAMPLE:
        with pytest.raises(KeyError):
            sample_payload(kind)
    assert NO_SAMPLE == []
