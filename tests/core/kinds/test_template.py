"""The template kind: reading and writing the send shape, and the rules that need no account."""

from __future__ import annotations

from typing import Any

import pytest

from composer.codec.errors import PayloadError
from composer.messages import TemplateMessage
from composer.payload import from_payload, to_payload
from composer.rules.templates import whitespace_problem
from composer.validation.check import check


def _payload(template: dict[str, Any]) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "recipient_type": "individual",
            "to": "+15550100003", "type": "template",
            "template": template}  # fmt: skip


def _rules(template: dict[str, Any]) -> set[tuple[str, str]]:
    return {(i.rule, i.path) for i in check(from_payload(_payload(template))) if i.is_error}


FULL = {
    "name": "order_shipped",
    "language": {"code": "pt_BR", "policy": "deterministic"},
    "components": [
        {
            "type": "header",
            "parameters": [{"type": "image", "image": {"link": "https://x.io/a.jpg"}}],
        },
        {
            "type": "body",
            "parameters": [
                {"type": "text", "parameter_name": "customer_name", "text": "Ana"},
                {
                    "type": "currency",
                    "currency": {"fallback_value": "$5", "code": "USD", "amount_1000": 5000},
                },
                {"type": "date_time", "date_time": {"fallback_value": "March 3"}},
            ],
        },
        {
            "type": "button",
            "sub_type": "url",
            "index": "0",
            "parameters": [{"type": "text", "text": "48213"}],
        },
        {
            "type": "button",
            "sub_type": "quick_reply",
            "index": 1,
            "parameters": [{"type": "payload", "payload": "stop"}],
        },
        {
            "type": "button",
            "sub_type": "copy_code",
            "index": "2",
            "parameters": [{"type": "coupon_code", "coupon_code": "SAVE15"}],
        },
    ],
}


def test_a_full_send_reads_and_writes_back_unchanged() -> None:
    msg = from_payload(_payload(FULL))
    assert isinstance(msg.content, TemplateMessage)
    assert msg.content.language_code == "pt_BR"
    assert msg.content.components[3].index == 1 and not msg.content.components[3].index_as_text
    assert to_payload(msg) == _payload(FULL)
    assert [i for i in check(msg) if i.is_error] == []


def test_a_template_without_components_is_valid_in_shape() -> None:
    assert _rules({"name": "hello_world", "language": {"code": "en_US"}}) == set()


def test_shape_problems_are_payload_errors() -> None:
    with pytest.raises(PayloadError) as info:
        from_payload(_payload({"name": 7, "language": "en", "components": {}, "extra": 1}))
    rules = {(i.rule, i.path) for i in info.value.issues}
    assert ("payload.shape", "template.name") in rules
    assert ("payload.shape", "template.language") in rules
    assert ("payload.unknown_field", "template.extra") in rules
    with pytest.raises(PayloadError) as info:
        from_payload(_payload({"name": "x", "language": {"code": "en"},
                               "components": [{"type": "button", "index": "one"}]}))  # fmt: skip
    assert {i.path for i in info.value.issues} == {"template.components[0].index"}


@pytest.mark.parametrize(
    ("template", "expected"),
    [
        ({"name": "", "language": {"code": "en"}}, ("template.name", "template.name")),
        ({"name": "Bad Name", "language": {"code": "en"}}, ("template.name", "template.name")),
        ({"name": "x" * 513, "language": {"code": "en"}}, ("template.name_len", "template.name")),
        ({"name": "ok", "language": {"code": ""}},
         ("template.language", "template.language.code")),
        ({"name": "ok", "language": {"code": "English"}},
         ("template.language", "template.language.code")),
        ({"name": "ok", "language": {"code": "en", "policy": "fallback"}},
         ("template.language_policy", "template.language.policy")),
    ],
)  # fmt: skip
def test_name_and_language_rules(template: dict[str, Any], expected: tuple[str, str]) -> None:
    assert expected in _rules(template)


def _with(*components: dict[str, Any]) -> dict[str, Any]:
    return {"name": "ok", "language": {"code": "en_US"}, "components": list(components)}


def _body(*values: str, **named: str) -> dict[str, Any]:
    params = [{"type": "text", "text": v} for v in values]
    params += [{"type": "text", "text": v, "parameter_name": k} for k, v in named.items()]
    return {"type": "body", "parameters": params}


@pytest.mark.parametrize(
    ("components", "expected"),
    [
        ((_body("a"), _body("b")), ("template.component_duplicate", "template.components[1]")),
        (({"type": "footer", "parameters": []},),
         ("template.component_type", "template.components[0].type")),
        (({"type": "button", "sub_type": "url", "parameters": [{"type": "text", "text": "x"}]},),
         ("template.button_index", "template.components[0].index")),
        (({"type": "button", "sub_type": "url", "index": "10",
           "parameters": [{"type": "text", "text": "x"}]},),
         ("template.button_index", "template.components[0].index")),
        (({"type": "button", "sub_type": "call", "index": "0", "parameters": []},),
         ("template.button_sub_type", "template.components[0].sub_type")),
        (({"type": "button", "sub_type": "url", "index": "0", "parameters": []},),
         ("template.button_parameters", "template.components[0].parameters")),
        (({"type": "header", "parameters": [{"type": "text", "text": "a"},
                                            {"type": "text", "text": "b"}]},),
         ("template.header_parameters", "template.components[0].parameters")),
        ((_body("a", x="b"),), ("template.param_names_mixed", "template.components[0].parameters")),
        ((_body(**{"Bad-Name": "b"}),),
         ("template.param_name", "template.components[0].parameters[0].parameter_name")),
        (({"type": "body", "parameters": [{"type": "image", "image": {"link": "https://a.b/c"}}]},),
         ("template.param_type", "template.components[0].parameters[0].type")),
        ((_body(""),), ("template.param_empty", "template.components[0].parameters[0].text")),
        ((_body("two\nlines"),),
         ("template.param_whitespace", "template.components[0].parameters[0].text")),
        (({"type": "header", "parameters": [{"type": "image", "image": {}}]},),
         ("template.media_source", "template.components[0].parameters[0].image")),
        (({"type": "header", "parameters": [{"type": "video", "video": {"link": "not a url"}}]},),
         ("template.media_source", "template.components[0].parameters[0].video.link")),
        (({"type": "header", "parameters": [{"type": "location", "location": {"latitude": 1}}]},),
         ("template.param_value", "template.components[0].parameters[0].location")),
        (({"type": "button", "sub_type": "copy_code", "index": "0",
           "parameters": [{"type": "coupon_code", "coupon_code": "C" * 16}]},),
         ("template.coupon_code_len", "template.components[0].parameters[0].coupon_code")),
    ],
)  # fmt: skip
def test_component_rules(components: tuple[dict[str, Any], ...], expected: tuple[str, str]) -> None:
    assert expected in _rules(_with(*components))


def test_each_component_rule_passes_when_kept() -> None:
    assert _rules(_with(_body("a", "b  c"))) == set()
    quick = {"type": "button", "sub_type": "quick_reply", "index": "0", "parameters": []}
    assert _rules(_with(quick)) == set()


@pytest.mark.parametrize(
    ("value", "why"),
    [("a\nb", "a line break"), ("a\tb", "a tab"), ("a     b", "more than 4 spaces in a row"),
     ("a    b", None), ("plain", None)],
)  # fmt: skip
def test_whitespace_rule(value: str, why: str | None) -> None:
    assert whitespace_problem(value) == why
