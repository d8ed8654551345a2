"""Template error codes in plain words, with the field they concern (details as the sandbox and
Meta write them)."""

from __future__ import annotations

from typing import Any

import pytest

from composer.graph.errors import TemplateError, error_from_graph, error_from_webhook_error

PAYLOAD: dict[str, Any] = {
    "messaging_product": "whatsapp", "to": "+15550100003", "type": "template",
    "template": {"name": "order_shipped", "language": {"code": "en_US"}, "components": [
        {"type": "header", "parameters": [{"type": "image", "image": {"id": "1"}}]},
        {"type": "body", "parameters": [{"type": "text", "text": "Ana"},
                                        {"type": "text", "text": "two  \t spaces"}]},
        {"type": "button", "sub_type": "url", "index": "1",
         "parameters": [{"type": "text", "text": "48213"}]},
    ]},
}  # fmt: skip


def err(code: int, details: str | None, message: str = "") -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message or f"(#{code}) x"}
    if details is not None:
        error["error_data"] = {"details": details}
    return {"error": error}


@pytest.mark.parametrize(
    ("code", "details", "path"),
    [
        (132000, "body: number of localizable_params (0) does not match the expected number of "
         "params (2)", "template.components[1].parameters"),
        (132000, "header: number of localizable_params (2) does not match the expected number of "
         "params (1)", "template.components[0].parameters"),
        (132012, "buttons: Button at index 1 must be of type Url",
         "template.components[2].parameters"),
        (132001, "template name (order_shipped) does not exist in en_US", "template.name"),
        (132015, "Template is paused due to low quality", "template.name"),
        (132016, None, "template.name"),
        (132018, "Param text cannot have new-line/tab characters or more than 4 consecutive "
         "spaces", "template.components[1].parameters[1].text"),
        (132005, "body: the body is 1100 characters with its variables",
         "template.components[1].parameters"),
        (132012, "Parameter format does not match", "template.components"),
        (132000, "Something about template['components'][1]['parameters']",
         "template.components[1].parameters"),
    ],
)  # fmt: skip
def test_template_errors_focus_the_field(code: int, details: str | None, path: str) -> None:
    error = error_from_graph(err(code, details, f"(#{code}) Template"), 400, PAYLOAD)
    assert isinstance(error, TemplateError) and error.family == "template"
    assert error.field_path == path
    assert error.explanation.endswith(".") and error.next_step


def test_the_plain_words_say_what_to_do() -> None:
    count = error_from_graph(err(132000, None), 400, PAYLOAD)
    assert "number of values" in count.explanation and "templates show" in count.next_step
    missing = error_from_graph(err(132001, None), 404, PAYLOAD)
    assert missing.title == "Template not found" and "en_US is not en" in missing.next_step
    assert "paused" in error_from_graph(err(132015, None), 400, PAYLOAD).explanation
    assert "line break" in error_from_graph(err(132018, None), 400, PAYLOAD).explanation
    assert "named values" in error_from_graph(err(132012, None), 400, PAYLOAD).explanation


def test_marketing_limits_and_opt_out_come_from_status_webhooks() -> None:
    limited = error_from_webhook_error({"code": 131049, "title": "x"})
    assert "US (+1)" in limited.explanation and "1 April 2025" in limited.explanation
    assert "24 hours" in limited.next_step and limited.field_path is None
    stopped = error_from_webhook_error({"code": 131050, "title": "x"})
    assert stopped.title == "Customer stopped marketing"
    assert "utility" in stopped.next_step


def test_without_a_payload_only_template_codes_fall_back() -> None:
    error = error_from_graph(err(132001, "template name (x) does not exist in en_US"), 404)
    assert error.field_path is None  # nothing to point into
