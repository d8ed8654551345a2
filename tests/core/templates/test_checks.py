"""A template send checked against its definition, rule by rule, in Meta's order."""

from __future__ import annotations

from typing import Any

import pytest

from composer.messages import TemplateMessage
from composer.payload import from_payload
from composer.rules.base import Out
from composer.sandbox.demo_templates import demo_template_records
from composer.templates import META_CODES, TemplateLibrary, check_against

LIB = TemplateLibrary.from_graph(demo_template_records(), None)


def _issues(name: str, language: str, *components: dict[str, Any]) -> list[tuple[str, str]]:
    payload = {"messaging_product": "whatsapp", "to": "+15550100003", "type": "template",
               "template": {"name": name, "language": {"code": language},
                            "components": list(components)}}  # fmt: skip
    content = from_payload(payload).content
    assert isinstance(content, TemplateMessage)
    out = Out()
    check_against(content, LIB, out)
    return [(i.rule, i.path) for i in out.issues]


def _body(*values: str, **named: str) -> dict[str, Any]:
    params: list[dict[str, Any]] = [{"type": "text", "text": v} for v in values]
    params += [{"type": "text", "text": v, "parameter_name": k} for k, v in named.items()]
    return {"type": "body", "parameters": params}


def _url(suffix: str, index: int = 0) -> dict[str, Any]:
    return {"type": "button", "sub_type": "url", "index": str(index),
            "parameters": [{"type": "text", "text": suffix}]}  # fmt: skip


SHIPPED = (_body(customer_name="Ana", order_id="#1"), _url("48213"))


@pytest.mark.parametrize(
    ("name", "language", "components"),
    [
        ("appointment_reminder", "en_US", (_body("Ana", "Tuesday"),)),
        ("appointment_reminder", "en_US", (_body("Ana", "Tuesday"), {
            "type": "button", "sub_type": "quick_reply", "index": "1",
            "parameters": [{"type": "payload", "payload": "resched"}]})),
        ("order_shipped", "en_US", SHIPPED),
        ("order_shipped", "pt_BR", SHIPPED),
        ("welcome_offer", "en_US", ({"type": "header", "parameters": [
            {"type": "image", "image": {"link": "https://x.io/a.jpg"}}]}, _body("Ana"))),
        ("login_code", "en_US", (_body("123456"), _url("123456"))),
    ],
)  # fmt: skip
def test_good_sends_pass(name: str, language: str, components: tuple[dict[str, Any], ...]) -> None:
    assert _issues(name, language, *components) == []


@pytest.mark.parametrize(
    ("name", "language", "components", "expected"),
    [
        ("no_such", "en_US", (), ("template.unknown", "template.name")),
        ("order_shipped", "de_DE", SHIPPED,
         ("template.language_missing", "template.language.code")),
        ("spring_sale", "en_US", (_body("20"),), ("template.paused", "template.name")),
        ("old_promo", "en_US", (), ("template.disabled", "template.name")),
        ("appointment_reminder", "en_US", (_body("Ana"),),
         ("template.param_count", "template.components[0].parameters")),
        ("appointment_reminder", "en_US", (),
         ("template.param_count", "template.components")),
        ("appointment_reminder", "en_US", (_body("Ana", "Tue"), {"type": "header", "parameters": [
            {"type": "text", "text": "x"}]}),
         ("template.param_count", "template.components[1].parameters")),
        ("order_shipped", "en_US", (_body("Ana", "#1"), _url("1")),
         ("template.param_format", "template.components[0].parameters")),
        ("appointment_reminder", "en_US", (_body(**{"1": "Ana", "2": "Tue"}),),
         ("template.param_format", "template.components[0].parameters")),
        ("order_shipped", "en_US", (_body(customer_name="Ana", order="#1"), _url("1")),
         ("template.param_names", "template.components[0].parameters")),
        ("welcome_offer", "en_US", ({"type": "header", "parameters": [
            {"type": "video", "video": {"link": "https://x.io/a.mp4"}}]}, _body("Ana")),
         ("template.header_format", "template.components[0].parameters[0].type")),
        ("order_shipped", "en_US", (SHIPPED[0], _url("1", index=3)),
         ("template.button", "template.components[1].index")),
        ("order_shipped", "en_US", (SHIPPED[0], {"type": "button", "sub_type": "quick_reply",
            "index": "0", "parameters": [{"type": "payload", "payload": "x"}]}),
         ("template.button", "template.components[1].sub_type")),
        ("welcome_offer", "en_US", ({"type": "header", "parameters": [
            {"type": "image", "image": {"link": "https://x.io/a.jpg"}}]}, _body("Ana"),
                                    _url("x", 1)),
         ("template.param_count", "template.components[2].parameters")),
        ("appointment_reminder", "en_US", (_body("Ana", "x" * 1000),),
         ("template.body_len", "template.components[0].parameters")),
        ("order_shipped", "en_US", (SHIPPED[0], _url("x" * 2000)),
         ("template.url_len", "template.components[1].parameters[0].text")),
    ],
)  # fmt: skip
def test_each_rule(
    name: str, language: str, components: tuple[dict[str, Any], ...], expected: tuple[str, str]
) -> None:
    assert expected in _issues(name, language, *components)


def test_a_body_only_template_may_be_long_once_filled() -> None:
    record = {"name": "note", "language": "en", "components": [{"type": "BODY", "text": "{{1}}"}]}
    lib = TemplateLibrary.from_graph([record], None)
    for size, rules in ((30_000, []), (33_000, ["template.body_len"])):
        payload = {"messaging_product": "whatsapp", "to": "+15550100001", "type": "template",
                   "template": {"name": "note", "language": {"code": "en"}, "components": [
                       _body("x" * size)]}}  # fmt: skip
        content = from_payload(payload).content
        assert isinstance(content, TemplateMessage)
        out = Out()
        check_against(content, lib, out)
        assert [i.rule for i in out.issues] == rules


def test_status_is_checked_before_parameters() -> None:
    # A paused template with wrong parameters is refused for its status alone, as Meta does.
    assert _issues("spring_sale", "en_US") == [("template.paused", "template.name")]


def test_every_definition_rule_has_a_meta_code() -> None:
    assert set(META_CODES.values()) <= {132000, 132001, 132005, 132012, 132015, 132016, 132018}
    assert META_CODES["template.paused"] == 132015 and META_CODES["template.unknown"] == 132001
