"""Template message (``type: template``): the kind WhatsApp accepts outside the 24-hour window.

Reading and writing keep the send exactly as Meta documents it (docs/spec/templates.md):
``{"name", "language": {"code", "policy"}, "components": [{"type", "sub_type"?, "index"?,
"parameters": [{"type", <type>: value, "parameter_name"?}]}]}``. The structural rules are in
``composer.rules.templates``; the rules that need the template's definition (counts, names,
status) are ``composer.templates.checks``.
"""

from __future__ import annotations

from typing import Any

from composer import limits
from composer.codec.base import Reader, describe, join
from composer.kinds.kind_spec import Absent, Fields, JsonObject, KindSpec
from composer.messages import MessageKind, TemplateComponent, TemplateMessage, TemplateParameter
from composer.rules.templates import PARAMETER_TYPES, check_template

_COMPONENT_KEYS = ("type", "sub_type", "index", "parameters")


def read(r: Reader, d: JsonObject, path: str) -> Fields:
    r.known(d, path, ("name", "language", "components"), "a template message")
    name = r.text(d, "name", join(path, "name"), "Template name")
    code, policy = "", None
    lpath = join(path, "language")
    language = r.obj(d.get("language", {}), lpath, "The template language")
    if language is not None:
        r.known(language, lpath, ("code", "policy"), "a template language")
        code = r.text(language, "code", join(lpath, "code"), "Language code")
        policy = r.opt_text(language, "policy", join(lpath, "policy"), "Language policy")
    components = [
        _component(r, c, cpath)
        for c, cpath in r.objects(d, "components", path, "component", _COMPONENT_KEYS)
    ]
    return {
        "name": name,
        "language_code": code,
        "language_policy": policy,
        "components": tuple(components),
    }


def _component(r: Reader, c: JsonObject, path: str) -> TemplateComponent:
    type_ = r.text(c, "type", join(path, "type"), "Component type")
    sub_type = r.opt_text(c, "sub_type", join(path, "sub_type"), "Button sub_type")
    index, as_text = _index(r, c, join(path, "index"))
    allowed = ("type", "parameter_name", *PARAMETER_TYPES)
    found = r.objects(c, "parameters", path, "parameter", allowed)
    params = [_parameter(r, p, ppath) for p, ppath in found]
    return TemplateComponent(
        type=type_, sub_type=sub_type, index=index, index_as_text=as_text, parameters=tuple(params)
    )


def _index(r: Reader, c: JsonObject, path: str) -> tuple[int | None, bool]:
    """A button's ``index``: Meta's examples send ``"0"``; a whole number is accepted too."""
    if "index" not in c:
        return None, True
    value = c["index"]
    if isinstance(value, str) and value.isdigit():
        return int(value), True
    if isinstance(value, int) and not isinstance(value, bool):
        return value, False
    r.problem(path, f'A button index must be a whole number such as "0", not {describe(value)}.')
    return None, True


def _parameter(r: Reader, p: JsonObject, path: str) -> TemplateParameter:
    type_ = r.text(p, "type", join(path, "type"), "Parameter type")
    name = r.opt_text(p, "parameter_name", join(path, "parameter_name"), "Parameter name")
    return TemplateParameter(type=type_, value=p.get(type_), parameter_name=name)


def write(content: TemplateMessage) -> dict[str, Any]:
    language: dict[str, Any] = {"code": content.language_code}
    if content.language_policy is not None:
        language["policy"] = content.language_policy
    out: dict[str, Any] = {"name": content.name, "language": language}
    if content.components:
        out["components"] = [_write_component(c) for c in content.components]
    return out


def _write_component(c: TemplateComponent) -> dict[str, Any]:
    out: dict[str, Any] = {"type": c.type}
    if c.sub_type is not None:
        out["sub_type"] = c.sub_type
    if c.index is not None:
        out["index"] = str(c.index) if c.index_as_text else c.index
    out["parameters"] = [_write_parameter(p) for p in c.parameters]
    return out


def _write_parameter(p: TemplateParameter) -> dict[str, Any]:
    out: dict[str, Any] = {"type": p.type}
    if p.parameter_name is not None:
        out["parameter_name"] = p.parameter_name
    if p.type in PARAMETER_TYPES or p.value is not None:  # {"type": ""} has no value key
        out[p.type] = p.value
    return out


SAMPLE = {
    "type": "template",
    "template": {
        "name": "appointment_reminder",
        "language": {"code": "en_US", "policy": "deterministic"},
        "components": [
            {
                "type": "body",
                "parameters": [
                    {"type": "text", "text": "Ana"},
                    {"type": "text", "text": "Tuesday 3 March at 10:30"},
                ],
            }
        ],
    },
}

SPEC = KindSpec(
    kind=MessageKind.TEMPLATE,
    model=TemplateMessage,
    read=read,
    write=write,
    check=check_template,
    parts=Absent("not interactive: the header, body and footer are the approved template's"),
    limits=(
        limits.TEMPLATE_NAME,
        limits.TEMPLATE_HEADER_TEXT,
        limits.TEMPLATE_BODY_TEXT,
        limits.TEMPLATE_BODY_ONLY_TEXT,
        limits.TEMPLATE_URL,
        limits.TEMPLATE_COUPON_CODE,
        limits.TEMPLATE_BODY_SPACES,
    ),
    sample=SAMPLE,
    replies=("template_button_webhook",),
)
