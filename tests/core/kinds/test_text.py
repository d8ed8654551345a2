"""The text kind: preview_url read and written as given, the body rules, and its sample."""

from __future__ import annotations

from typing import Any

import pytest

from composer import limits
from composer.formatting import preview_link
from composer.messages import Message, TextMessage
from composer.payload import from_payload, to_payload
from composer.samples import sample_message
from composer.validation.check import check, validate_payload


def _payload(text: dict[str, Any]) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": "+15550100001", "type": "text", "text": text}


@pytest.mark.parametrize("preview", [True, False, None])
def test_preview_url_round_trips_true_false_or_absent(preview: bool | None) -> None:
    text: dict[str, Any] = {"body": "Hi https://example.com"}
    if preview is not None:
        text["preview_url"] = preview
    msg = from_payload(_payload(text))
    assert isinstance(msg.content, TextMessage) and msg.content.preview_url is preview
    assert to_payload(msg)["text"] == text


def test_preview_url_that_is_not_a_boolean_is_a_shape_problem() -> None:
    issues = validate_payload(_payload({"body": "Hi", "preview_url": "yes"}))
    assert [(i.rule, i.path, i.message) for i in issues] == [
        ("payload.shape", "text.preview_url", "preview_url must be true or false, not text.")
    ]


def _rules(body: str) -> list[tuple[str, str]]:
    msg = Message(to="+15550100001", content=TextMessage(body=body))
    return [(i.rule, i.path) for i in check(msg) if i.is_error]


def test_body_must_not_be_empty() -> None:
    assert _rules("") == [("text.body_len", "text.body")]
    assert _rules("x") == []


def test_body_is_at_most_the_limit() -> None:
    top = limits.TEXT_BODY.maximum
    assert _rules("t" * (top + 1)) == [("text.body_len", "text.body")]
    assert _rules("t" * top) == []


def test_the_sample_shows_a_link_preview() -> None:
    content = sample_message("text").content
    assert isinstance(content, TextMessage)
    assert content.preview_url is True and preview_link(content.body) is not None
