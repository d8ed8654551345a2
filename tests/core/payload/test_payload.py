"""Model <-> Graph JSON: every valid example round-trips exactly; bad shapes raise PayloadError."""

from __future__ import annotations

import json
from typing import Any

import pytest

from composer.messages import (
    Carousel,
    ListMessage,
    MediaCard,
    MediaHeader,
    Message,
    MessageKind,
    ProductCard,
    Reaction,
    ReplyButtons,
    TextHeader,
)
from composer.payload import PayloadError, from_payload, to_payload
from composer.validation.check import validate_payload
from tests.core.validation.rule_cases import EXAMPLES, VALID


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_example_round_trips_exactly(name: str) -> None:
    payload = VALID[name]
    msg = from_payload(payload)
    out = to_payload(msg)
    assert out == payload
    assert json.dumps(out, sort_keys=True) == json.dumps(payload, sort_keys=True)
    assert from_payload(out) == msg


@pytest.mark.parametrize("entry", EXAMPLES["invalid"], ids=lambda e: e["name"])
def test_invalid_examples_still_have_a_valid_shape(entry: dict[str, Any]) -> None:
    # Rule violations are the validator's job; the reader must represent them.
    msg = from_payload(entry["payload"])
    assert isinstance(msg, Message)


def test_kinds_and_models() -> None:
    msg = from_payload(VALID["reply_buttons_image_header_by_media_id"])
    assert msg.kind is MessageKind.BUTTON
    assert isinstance(msg.content, ReplyButtons)
    assert msg.content.header == MediaHeader(kind="image", id="1037543291543636")
    assert msg.content.buttons[0].title == "Yes, reserve"
    lst = from_payload(VALID["list_single_section"]).content
    assert isinstance(lst, ListMessage)
    assert lst.header == TextHeader(text="Choose a shipping option")
    assert lst.sections[0].rows[2].description is None
    car = from_payload(VALID["product_carousel"]).content
    assert isinstance(car, Carousel) and isinstance(car.cards[0], ProductCard)
    media = from_payload(VALID["media_carousel_url_buttons"]).content
    assert isinstance(media, Carousel) and isinstance(media.cards[0], MediaCard)
    assert isinstance(from_payload(VALID["reaction_remove"]).content, Reaction)


def test_models_are_frozen() -> None:
    msg = from_payload(VALID["list_single_section"])
    with pytest.raises(AttributeError):
        msg.to = "+1"  # type: ignore[misc]


def test_input_dicts_are_copied() -> None:
    payload = json.loads(json.dumps(VALID["flow_navigate_by_id"]))
    msg = from_payload(payload)
    payload["interactive"]["action"]["parameters"]["flow_action_payload"]["data"]["x"] = 1
    assert (
        "x"
        not in to_payload(msg)["interactive"]["action"]["parameters"]["flow_action_payload"]["data"]
    )


def _issues(data: object) -> list[tuple[str, str]]:
    with pytest.raises(PayloadError) as info:
        from_payload(data)
    assert info.value.issues, "a PayloadError always carries issues"
    for issue in info.value.issues:
        assert issue.severity == "error" and issue.message
    return [(i.rule, i.path) for i in info.value.issues]


@pytest.mark.parametrize(
    "data",
    [None, 1, "text", [], [1, 2], True, 1.5, b"bytes", object()],
    ids=repr,
)
def test_non_objects_are_payload_errors(data: object) -> None:
    assert _issues(data) == [("payload.shape", "$")]


def test_unsupported_types_are_reported() -> None:
    base = {"messaging_product": "whatsapp", "to": "+16505550123"}
    assert ("payload.type", "type") in _issues({**base, "type": "image", "image": {}})
    assert ("payload.type", "type") in _issues(base)
    assert ("payload.type", "type") in _issues({**base, "type": 7})
    bad = {**base, "type": "interactive", "interactive": {"type": "order_details", "action": {}}}
    assert _issues(bad) == [("payload.type", "interactive.type")]
    assert ("payload.shape", "interactive") in _issues({**base, "type": "interactive"})


def test_a_bad_type_is_one_problem_not_also_an_unknown_content_field() -> None:
    """With type 7 or 'image', the interactive/image object is not a second problem."""
    base = {"messaging_product": "whatsapp", "to": "+16505550123"}
    interactive = VALID["list_single_section"]["interactive"]
    assert _issues({**base, "type": 7, "interactive": interactive}) == [("payload.type", "type")]
    assert _issues({**base, "type": "image", "image": {}}) == [("payload.type", "type")]
    assert _issues({**base, "interactive": interactive}) == [("payload.type", "type")]
    mixed = {**base, "type": "interactive", "interactive": interactive, "text": {"body": "x"}}
    assert _issues(mixed) == [("payload.unknown_field", "text")]


def test_wrong_types_everywhere_are_all_reported() -> None:
    payload = json.loads(json.dumps(VALID["list_single_section"]))
    payload["to"] = 16505550123
    payload["interactive"]["body"] = "not an object"
    payload["interactive"]["action"]["sections"][0]["rows"][1]["title"] = ["x"]
    payload["interactive"]["footer"]["txt"] = "typo"
    found = _issues(payload)
    assert ("payload.shape", "to") in found
    assert ("payload.shape", "interactive.body") in found
    assert ("payload.shape", "interactive.action.sections[0].rows[1].title") in found
    assert ("payload.unknown_field", "interactive.footer.txt") in found


def test_header_type_problems_use_the_header_rule() -> None:
    payload = json.loads(json.dumps(VALID["reply_buttons_text_header"]))
    payload["interactive"]["header"] = {"type": "audio", "audio": {"id": "1"}}
    assert _issues(payload) == [("header.type", "interactive.header.type")]


def test_flow_version_number_and_missing_emoji() -> None:
    flow = json.loads(json.dumps(VALID["flow_navigate_by_id"]))
    flow["interactive"]["action"]["parameters"]["flow_message_version"] = 3
    assert _issues(flow) == [("flow.version", "interactive.action.parameters.flow_message_version")]
    reaction = json.loads(json.dumps(VALID["reaction_add"]))
    del reaction["reaction"]["emoji"]
    assert _issues(reaction) == [("reaction.emoji", "reaction.emoji")]


def test_card_index_must_be_a_whole_number() -> None:
    car = json.loads(json.dumps(VALID["product_carousel"]))
    car["interactive"]["action"]["cards"][1]["card_index"] = True
    del car["interactive"]["action"]["cards"][0]["card_index"]
    assert _issues(car) == [
        ("carousel.card_index", "interactive.action.cards[0].card_index"),
        ("carousel.card_index", "interactive.action.cards[1].card_index"),
    ]


def test_non_text_keys_and_deep_nesting_never_escape() -> None:
    flow = json.loads(json.dumps(VALID["flow_navigate_by_id"]))
    flow["interactive"]["action"]["parameters"]["flow_action_payload"]["data"] = {1: 2}
    path = "interactive.action.parameters.flow_action_payload.data"
    assert _issues(flow) == [("payload.shape", path)]
    flow["interactive"]["action"]["parameters"]["flow_action_payload"]["data"] = {"a": [{2: 3}]}
    assert _issues(flow) == [("payload.shape", f"{path}.a[0]")]
    deep: Any = {}
    for _ in range(5000):
        deep = {"a": deep}
    flow["interactive"]["action"]["parameters"]["flow_action_payload"]["data"] = deep
    with pytest.raises(PayloadError) as info:  # copying it would exhaust Python's stack
        from_payload(flow)
    assert info.value.issues[0].message == "The document is nested too deeply to be a message."


def test_to_payload_has_no_nulls() -> None:
    def walk(value: object) -> None:
        assert value is not None
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for payload in VALID.values():
        walk(to_payload(from_payload(payload)))


def test_quick_reply_carousel_cards_may_omit_their_type() -> None:
    payload = json.loads(json.dumps(VALID["media_carousel_url_buttons"]))
    for card in payload["interactive"]["action"]["cards"]:
        del card["type"]
        card["action"] = {
            "buttons": [{"type": "quick_reply", "quick_reply": {"id": "more", "title": "More"}}]
        }
    msg = from_payload(payload)
    assert to_payload(msg) == payload
    card = msg.content.cards[0]  # type: ignore[union-attr]
    assert isinstance(card, MediaCard) and card.type is None and card.quick_replies
    assert validate_payload(payload) == []


def test_lone_surrogate_is_a_shape_problem_not_a_later_send_failure() -> None:
    """json.loads accepts "\\ud800"; it cannot be encoded as UTF-8, so it could never be sent."""
    payload = json.loads(
        json.dumps(VALID["list_single_section"]).replace('"Shipping', '"\\ud800Shipping', 1)
    )
    assert _issues(payload) == [("payload.shape", "interactive.action.button")]
    (issue,) = validate_payload(payload)
    assert "broken character at position 1" in issue.message
    text = json.dumps(VALID["list_single_section"])
    paired = json.loads(text.replace("Shipping", "\\ud83d\\udc4d", 1))
    assert validate_payload(paired) == []  # a proper surrogate pair is one emoji: fine
