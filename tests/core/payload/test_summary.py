"""composer.payload.summary: a past send's title and snippet; composer.phone.display_number."""

from __future__ import annotations

from typing import Any

import pytest

from composer.kinds import title
from composer.payload import from_payload
from composer.payload.summary import SNIPPET_CHARS, Summary, snippet, summary
from composer.phone import display_number


def test_every_example_has_its_kinds_title(examples: dict[str, Any]) -> None:
    for name, payload in examples.items():
        kind = str(from_payload(payload).content.kind)
        got = summary(payload)
        assert (got.kind, got.title) == (kind, title(kind)), name
        assert len(got.snippet) <= SNIPPET_CHARS and "\n" not in got.snippet, name


def test_the_snippet_is_the_body_or_what_stands_for_it(examples: dict[str, Any]) -> None:
    buttons = summary(examples["reply_buttons_text_header"])
    assert buttons.title == "Reply buttons"
    assert buttons.snippet.startswith("Hi Ana! Your appointment is")
    assert buttons.snippet.endswith("…")
    assert summary(examples["reaction_add"]).snippet == "👍"
    assert summary(examples["template_appointment_reminder"]).snippet == (
        "appointment_reminder (en_US)"
    )
    assert summary(examples["text_with_formatting"]).title == "Text"


@pytest.mark.parametrize(
    "payload",
    [None, [], {}, {"type": "interactive"}, {"type": "interactive", "interactive": []},
     {"type": "video", "video": {"id": "1"}}, {"type": "interactive", "interactive": {"type": 3}}],
)  # fmt: skip
def test_odd_records_never_raise(payload: object) -> None:
    got = summary(payload)
    assert isinstance(got, Summary) and got.snippet == ""


def test_an_unknown_type_shows_as_itself() -> None:
    assert summary({"type": "video", "video": {"id": "1"}}) == Summary("video", "video", "")
    assert summary({"type": "interactive", "interactive": {"type": "voice_call", "body": {
        "text": "Call us"}}}) == Summary("voice_call", "voice_call", "Call us")  # fmt: skip


def test_snippet_cuts_at_a_word() -> None:
    assert snippet("  short\n text ") == "short text"
    long = "word " * 30
    cut = snippet(long, 20)
    assert cut == "word word word word…" and len(cut) <= 20
    assert snippet("x" * 100, 10) == "x" * 9 + "…"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("15550100001", "+1 555-010-0001"),
        ("+1 (555) 010-0001", "+1 555-010-0001"),
        ("+447700900123", "+447700900123"),
        ("5511912345678", "+5511912345678"),
        ("", ""),
        ("  +  ", "+"),
    ],
)
def test_display_number(raw: str, shown: str) -> None:
    assert display_number(raw) == shown
