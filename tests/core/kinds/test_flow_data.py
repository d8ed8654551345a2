"""The flow's initial data typed as JSON text: a core rule (``flow.data_json``) on the model, so
the send bar, the issues panel and the preview all see it; the unparsed text is never sent."""

from __future__ import annotations

from composer.messages import Flow, FlowActionPayload, Message, TextHeader
from composer.messages.flow import flow_data_from_text
from composer.payload import from_payload, to_payload
from composer.validation.check import check

DATA = "interactive.action.parameters.flow_action_payload.data"


def _flow(payload: FlowActionPayload | None) -> Message:
    content = Flow(
        header=TextHeader(text="Book"),
        body="Reserve a table.",
        flow_cta="Book now",
        flow_id="1234567890123456",
        flow_action="navigate",
        flow_action_payload=payload,
    )
    return Message(to="+15550100001", content=content)


def test_text_that_is_not_json_is_an_error_at_the_data_field() -> None:
    _, problem = flow_data_from_text("{party: 2")
    assert problem is not None and problem.startswith("Screen data is not valid JSON (")
    issues = check(_flow(FlowActionPayload(data_text="{party: 2")))
    assert [(i.rule, i.path, i.message) for i in issues] == [("flow.data_json", DATA, problem)]
    assert str(issues[0].severity) == "error"


def test_json_that_is_not_an_object_is_an_error() -> None:
    issues = check(_flow(FlowActionPayload(screen="S", data_text="[1, 2]")))
    assert [(i.rule, i.message) for i in issues] == [
        ("flow.data_json", 'Screen data must be a JSON object, like {"party_size": 2}.')
    ]


def test_blank_or_object_text_parses() -> None:
    assert flow_data_from_text("  ") == (None, None)
    assert flow_data_from_text(' {"a": 1} ') == ({"a": 1}, None)


def test_the_unparsed_text_is_not_written() -> None:
    only_text = to_payload(_flow(FlowActionPayload(data_text="nope")))
    assert "flow_action_payload" not in only_text["interactive"]["action"]["parameters"]
    with_screen = to_payload(_flow(FlowActionPayload(screen="S", data_text="nope")))
    assert with_screen["interactive"]["action"]["parameters"]["flow_action_payload"] == {
        "screen": "S"
    }
    empty = _flow(FlowActionPayload())
    assert to_payload(empty)["interactive"]["action"]["parameters"]["flow_action_payload"] == {}
    assert from_payload(to_payload(empty)) == empty
