"""Template definitions read from Graph records: variables, examples, buttons, status."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from composer.sandbox.demo_templates import demo_template_records
from composer.templates import TemplateDataError, TemplateLibrary, fill, from_graph, placeholders

LIB = TemplateLibrary.from_graph(demo_template_records(), datetime(2026, 12, 1, tzinfo=UTC))


def _vars(name: str, language: str = "en_US") -> list[tuple[str, str, str, int | None]]:
    d = LIB.get(name, language)
    assert d is not None
    return [(v.component, v.name, v.kind, v.index) for v in d.variables()]


def test_the_demo_library_is_the_issues() -> None:
    assert [(d.name, d.language, d.category, d.status) for d in LIB] == [
        ("appointment_reminder", "en_US", "UTILITY", "APPROVED"),
        ("order_shipped", "en_US", "UTILITY", "APPROVED"),
        ("order_shipped", "pt_BR", "UTILITY", "APPROVED"),
        ("welcome_offer", "en_US", "MARKETING", "APPROVED"),
        ("login_code", "en_US", "AUTHENTICATION", "APPROVED"),
        ("spring_sale", "en_US", "MARKETING", "PAUSED"),
        ("old_promo", "en_US", "MARKETING", "REJECTED"),
    ]


def test_variables_per_demo_template() -> None:
    assert _vars("appointment_reminder") == [
        ("body", "1", "text", None), ("body", "2", "text", None),
        ("button", "payload", "payload", 0), ("button", "payload", "payload", 1),
    ]  # fmt: skip
    assert _vars("order_shipped", "pt_BR") == [
        ("body", "customer_name", "text", None), ("body", "order_id", "text", None),
        ("button", "1", "text", 0),
    ]  # fmt: skip
    assert _vars("welcome_offer") == [
        ("header", "image", "image", None),
        ("body", "1", "text", None),
    ]
    assert _vars("login_code") == [("body", "1", "text", None), ("button", "1", "text", 0)]


def test_examples_become_placeholders() -> None:
    d = LIB.get("order_shipped", "en_US")
    assert d is not None
    assert {v.name: v.example for v in d.variables()} == {
        "customer_name": "Ana", "order_id": "#48213", "1": "48213"}  # fmt: skip
    reminder = LIB.get("appointment_reminder", "en_US")
    assert reminder is not None and reminder.variables()[0].example == "Ana"


def test_required_variables_leave_out_quick_reply_payloads() -> None:
    d = LIB.get("appointment_reminder", "en_US")
    assert d is not None
    assert [v.as_json() for v in d.required_variables()] == [
        {"component": "body", "name": "1"}, {"component": "body", "name": "2"}]  # fmt: skip


def test_otp_button_is_recognised_as_meta_returns_it() -> None:
    d = LIB.get("login_code", "en_US")
    assert d is not None and d.buttons[0].otp and d.buttons[0].sub_type == "url"
    shipped = LIB.get("order_shipped", "en_US")
    assert shipped is not None and not shipped.buttons[0].otp


def test_status_reasons() -> None:
    paused, rejected = LIB.get("spring_sale", "en_US"), LIB.get("old_promo", "en_US")
    assert paused is not None and rejected is not None
    assert not paused.sendable and "paused" in (paused.why_not_sendable or "")
    assert "PROMOTIONAL" in (rejected.why_not_sendable or "")
    ok = LIB.get("welcome_offer", "en_US")
    assert ok is not None and ok.sendable and ok.why_not_sendable is None
    assert ok.quality == "GREEN"


def test_a_positional_header_example_and_lowercase_fields() -> None:
    d = from_graph({"name": "t", "language": "en", "components": [
        {"type": "header", "format": "text", "text": "Hi {{1}}",
         "example": {"header_text": ["Bo"]}},
        {"type": "body", "text": "x"}]})  # fmt: skip
    assert d.header_format == "TEXT" and d.status == "APPROVED"
    assert [(v.component, v.name, v.example) for v in d.variables()] == [("header", "1", "Bo")]


@pytest.mark.parametrize(
    "bad", [None, [], {"name": "x"}, {"language": "en"}, {"name": "", "language": "en"}]
)
def test_records_without_name_or_language_are_refused(bad: object) -> None:
    with pytest.raises(TemplateDataError):
        from_graph(bad)


def test_placeholders_and_fill() -> None:
    assert placeholders("Hi {{1}}, {{ first_name }} and {{2}}") == ("1", "first_name", "2")
    assert fill("Hi {{1}}, order {{2}}", {"1": "Ana"}) == "Hi Ana, order {{2}}"
