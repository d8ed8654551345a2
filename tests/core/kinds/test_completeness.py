"""The kind registry is complete: every kind has every part of its row, or an explicit ``Absent``
with the reason, so a forgotten part fails here instead of in front of a user."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from composer import limits
from composer.codec import Reader
from composer.kinds import (
    CATALOGUE,
    MessageKind,
    interactive_spec,
    spec,
    spec_for_model,
    specs,
    top_level_spec,
)
from composer.kinds.kind_spec import Absent, KindSpec
from composer.messages import Interactive, Message
from composer.payload import from_payload, to_payload
from composer.rules.base import Out
from composer.rules.parts import PartsPolicy
from composer.webhooks import replies

KINDS = [e.kind for e in CATALOGUE]
# The webhook builders of composer.webhooks.replies, with the tap each needs and the shape it gives.
REPLY_TAPS: dict[str, tuple[tuple[Any, ...], str]] = {
    "button_reply_webhook": ((0,), "button_reply"),
    "list_reply_webhook": ((0, 0), "list_reply"),
    "location_reply_webhook": ((38.72, -9.14), "location"),
    "template_button_webhook": (("Confirm", "confirm-42"), "button"),
    "carousel_reply_webhook": ((0, 1), "button_reply"),
    "call_permission_reply_webhook": (("accept",), "call_permission_reply"),
    "address_reply_webhook": (({"name": "Ana", "city": "Mumbai"},), "nfm_reply"),
    "flow_reply_webhook": (('{"flow_token": "booking-7f3c2a91"}',), "nfm_reply"),
}
# Limits that belong to no kind: the envelope's and the shared header/footer.
SHARED_LIMITS = {limits.BIZ_OPAQUE_CALLBACK_DATA, limits.PHONE_DIGITS, limits.BSUID_CHARS,
                 limits.HEADER_TEXT, limits.FOOTER_TEXT}  # fmt: skip


def _absent(value: object) -> bool:
    """An explicit gap: an ``Absent`` that says why."""
    return isinstance(value, Absent) and len(value.reason.strip()) > 10


def test_every_message_kind_is_in_the_catalogue_once() -> None:
    assert sorted(KINDS) == sorted(MessageKind)
    assert len({e.module for e in CATALOGUE}) == len(CATALOGUE)
    assert all(e.title.strip() for e in CATALOGUE)


def test_the_row_parts_are_the_ones_this_test_checks() -> None:
    # A new part of KindSpec must get its own completeness check below.
    names = list(KindSpec.__struct_fields__)
    assert names == ["kind", "model", "read", "write", "check", "parts", "limits", "sample",
                     "replies"]  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_each_row_is_complete(kind: MessageKind) -> None:
    row = spec(kind)
    assert row.kind is kind
    assert row.model.kind is kind
    assert spec_for_model(row.model) is row
    assert callable(row.read) and callable(row.write) and callable(row.check)
    if row.interactive:
        assert isinstance(row.parts, PartsPolicy), f"{kind}: an interactive kind needs a policy"
        assert interactive_spec(kind.value) is row and top_level_spec(kind.value) is None
    else:
        assert _absent(row.parts)
        assert top_level_spec(kind.value) is row and interactive_spec(kind.value) is None
    assert _absent(row.limits) or (
        isinstance(row.limits, tuple)
        and row.limits
        and all(isinstance(limit, limits.Limit) for limit in row.limits)
    )
    assert _absent(row.sample) or (
        isinstance(row.sample, dict) and row.sample["type"] == row.payload_type
    )
    assert _absent(row.replies) or (
        isinstance(row.replies, tuple)
        and row.replies
        and all(name in REPLY_TAPS for name in row.replies)
    )


def test_every_limit_belongs_to_a_kind_or_to_the_shared_parts() -> None:
    claimed = set(SHARED_LIMITS)
    for row in specs():
        if isinstance(row.limits, tuple):
            claimed.update(row.limits)
        if isinstance(row.parts, PartsPolicy):
            claimed.add(row.parts.body)
    assert set(limits.ALL_LIMITS) - claimed == set()


@pytest.mark.parametrize(
    "row", [r for r in specs() if isinstance(r.replies, tuple)], ids=lambda r: str(r.kind)
)
def test_each_reply_builder_answers_a_tap_on_the_sample(row: KindSpec) -> None:
    assert isinstance(row.sample, dict), "a kind with replies needs a sample to tap"
    msg = from_payload({"messaging_product": "whatsapp", "to": "+15550100001", **row.sample})
    assert isinstance(row.replies, tuple)
    for name in row.replies:
        args, shape = REPLY_TAPS[name]
        body = getattr(replies, name)(msg, *args)
        message = body["entry"][0]["changes"][0]["value"]["messages"][0]
        got = message["type"]
        if got == "interactive":
            got = message["interactive"]["type"]
        assert got == shape


@pytest.mark.parametrize(
    "row", [r for r in specs() if isinstance(r.sample, dict)], ids=lambda r: str(r.kind)
)
def test_the_row_codec_reads_back_what_it_writes(row: KindSpec) -> None:
    assert isinstance(row.sample, dict)
    part = row.sample["interactive"]["action"] if row.interactive else row.sample[row.payload_type]
    reader = Reader()
    fields = row.read(reader, part, "$")
    assert reader.issues == []
    extra: dict[str, Any] = {}
    if row.interactive:
        extra = {"body": "x"}
    content = row.model(**fields, **extra)
    assert row.write(content) == part
    out = Out()
    row.check(content, out)
    assert out.issues == []
    if isinstance(content, Interactive):
        written = to_payload(Message(to="+15550100001", content=content))
        assert written["interactive"]["type"] == row.kind.value


def test_importing_the_registry_loads_no_row_and_no_model() -> None:
    code = (
        "import sys, composer.kinds as k; k.title('button'); print(sorted(m for m in sys.modules "
        "if m in ('msgspec', 'composer.messages.parts') or m.startswith('composer.kinds.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "['composer.kinds.catalogue']"
