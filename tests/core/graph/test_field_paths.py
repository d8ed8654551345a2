"""Detail phrases -> the payload path they are about."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.graph.field_paths import field_path_for

LIST: dict[str, Any] = {
    "to": "+16505550123",
    "type": "interactive",
    "interactive": {
        "type": "list",
        "header": {"type": "text", "text": "Hi"},
        "body": {"text": "Pick one"},
        "footer": {"text": "f" * 61},
        "action": {
            "button": "Options",
            "sections": [
                {"title": "A", "rows": [{"id": "a1", "title": "One"}]},
                {
                    "title": "B",
                    "rows": [
                        {"id": "b1", "title": "Two", "description": "d" * 73},
                        {"id": "a1", "title": "x" * 25},
                    ],
                },
            ],
        },
    },
}
BUTTONS: dict[str, Any] = {
    "interactive": {
        "type": "button",
        "body": {"text": "b"},
        "action": {
            "buttons": [
                {"reply": {"id": "y", "title": "Yes"}},
                {"reply": {"id": "n", "title": "yes"}},
            ]
        },
    }
}


@pytest.mark.parametrize(
    ("details", "payload", "path"),
    [
        ("Row title length invalid. Min length: 1, Max length: 24", LIST,
         "interactive.action.sections[1].rows[1].title"),
        ("Row description length invalid. Max length: 72", LIST,
         "interactive.action.sections[1].rows[0].description"),
        ("Row IDs must be unique", LIST, "interactive.action.sections[1].rows[1].id"),
        ("Footer text length invalid. Min length: 0, Max length: 60", LIST,
         "interactive.footer.text"),
        ("Total row count exceed max allowed count: 10", LIST, "interactive.action.sections"),
        ("Buttons titles must be unique", BUTTONS, "interactive.action.buttons[1].reply.title"),
        ("Invalid buttons count. Min allowed buttons: 1, Max allowed buttons: 3", BUTTONS,
         "interactive.action.buttons"),
        ("Body text length invalid. Min length: 1, Max length: 1024", BUTTONS,
         "interactive.body.text"),
        # A phrase we know whose field is absent still names where it belongs.
        ("Header text length invalid", BUTTONS, "interactive.header.text"),
        ("Param to is not valid", {}, "to"),
        ("Param interactive.action.sections[1].rows[0].title is not valid: too long", None,
         "interactive.action.sections[1].rows[0].title"),
        ("The parameter interactive.body.text is required.", BUTTONS, "interactive.body.text"),
        ("Could not read report.document.pdf", None, None),
        ("(#100) Param interactive['action']['sections'][0]['rows'][2]['id'] is required", None,
         "interactive.action.sections[0].rows[2].id"),
    ],
)  # fmt: skip
def test_phrases_resolve_to_paths(details: str, payload: Any, path: str | None) -> None:
    assert field_path_for(details, payload) == path


def test_title_within_the_stated_limit_is_not_blamed() -> None:
    # Max length 30 stated by the server: the 25-character title is fine, so the first
    # existing title is named rather than a wrong one.
    path = field_path_for("Row title length invalid. Max length: 30", LIST)
    assert path == "interactive.action.sections[0].rows[0].title"


@pytest.mark.parametrize("details", [None, "", "Something unrelated happened"])
def test_no_path_when_nothing_is_named(details: str | None) -> None:
    assert field_path_for(details, LIST) is None


PHRASE = st.sampled_from(
    ["Button title length invalid. Max length: 20", "Row IDs must be unique", "Row title",
     "body text", "emoji", "Param interactive.action.buttons[0].reply.title", "flow_cta",
     "product_retailer_id", "Buttons titles must be unique"]
)  # fmt: skip
NODE = st.recursive(
    st.none() | st.integers() | st.text(max_size=25),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(
                [
                    "interactive",
                    "action",
                    "buttons",
                    "reply",
                    "title",
                    "sections",
                    "rows",
                    "id",
                    "body",
                    "text",
                ]
            ),
            inner,
            max_size=4,
        )
    ),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None)
@given(details=PHRASE | st.text(max_size=60), payload=NODE)
def test_never_raises_on_odd_payloads(details: str, payload: Any) -> None:
    path = field_path_for(details, payload if isinstance(payload, dict) else None)
    assert path is None or isinstance(path, str)
