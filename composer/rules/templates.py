"""Template send rules that need no account: name, language, component and parameter shapes.

What a template's definition decides (which variables exist, their names and count, the
template's status) is checked by ``composer.templates.checks`` against the account's library.
Facts and sources: docs/spec/templates.md.
"""

from __future__ import annotations

import re
from typing import Any, Final

from composer import limits
from composer.messages import TemplateComponent, TemplateMessage, TemplateParameter
from composer.rules.base import Out, is_web_url

__all__ = [
    "BUTTON_PARAMETER",
    "BUTTON_SUB_TYPES",
    "COMPONENT_PARAMETERS",
    "PARAMETER_TYPES",
    "check_template",
    "whitespace_problem",
]

PARAMETER_TYPES: Final = ("text", "currency", "date_time", "image", "video", "document",
                          "location", "payload", "coupon_code", "action")  # fmt: skip
COMPONENT_PARAMETERS: Final = {
    "header": ("text", "image", "video", "document", "location"),
    "body": ("text", "currency", "date_time"),
}
BUTTON_PARAMETER: Final = {
    "quick_reply": "payload",
    "url": "text",
    "copy_code": "coupon_code",
    "flow": "action",
    "catalog": "action",
    "mpm": "action",
}
BUTTON_SUB_TYPES: Final = tuple(BUTTON_PARAMETER)
MAX_BUTTON_INDEX: Final = 9  # at most 10 buttons in a template

_NAME = re.compile(r"[a-z0-9_]+")
_LANGUAGE = re.compile(r"[a-z]{2,3}(_[A-Za-z0-9]{2,4})?")
_PARAM_NAME = re.compile(r"[a-z0-9_]+")


def whitespace_problem(value: str) -> str | None:
    """Meta refuses a body variable with a newline, a tab or more than 4 spaces in a row."""
    if "\n" in value or "\r" in value:
        return "a line break"
    if "\t" in value:
        return "a tab"
    if " " * (limits.TEMPLATE_BODY_SPACES.maximum + 1) in value:
        return f"more than {limits.TEMPLATE_BODY_SPACES.maximum} spaces in a row"
    return None


def check_template(content: TemplateMessage, out: Out) -> None:
    _check_name(content, out)
    seen: set[tuple[str, int | None]] = set()
    for i, comp in enumerate(content.components):
        path = f"template.components[{i}]"
        kind = comp.type.lower()
        key = (kind, comp.index if kind == "button" else None)
        if kind in ("header", "body", "button") and key in seen:
            what = f"button {comp.index}" if kind == "button" else f"the {kind}"
            text = f"Parameters for {what} are given twice."
            out.error("template.component_duplicate", path, text)
        seen.add(key)
        _check_component(comp, kind, path, out)


def _check_name(content: TemplateMessage, out: Out) -> None:
    if not content.name:
        out.error("template.name", "template.name", "The template name is missing.")
    elif not _NAME.fullmatch(content.name):
        out.error(
            "template.name",
            "template.name",
            f'"{content.name[:40]}" is not a template name: names use lowercase letters, '
            "digits and underscores only.",
        )
    out.length(content.name, limits.TEMPLATE_NAME, "template.name") if content.name else None
    code = content.language_code
    if not code:
        text = 'The template language code is missing (for example "en_US").'
        out.error("template.language", "template.language.code", text)
    elif not _LANGUAGE.fullmatch(code):
        text = f'"{code[:20]}" is not a language code such as "en", "en_US" or "pt_BR".'
        out.error("template.language", "template.language.code", text)
    policy = content.language_policy
    if policy is not None and policy != "deterministic":
        text = f'The language policy must be "deterministic", not "{policy[:20]}".'
        out.error("template.language_policy", "template.language.policy", text)


def _check_component(comp: TemplateComponent, kind: str, path: str, out: Out) -> None:
    if kind in COMPONENT_PARAMETERS:
        allowed: tuple[str, ...] = COMPONENT_PARAMETERS[kind]
    elif kind == "button":
        allowed = _check_button(comp, path, out)
    else:
        text = f'"{comp.type[:20]}" is not a template component; use header, body or button.'
        out.error("template.component_type", f"{path}.type", text)
        return
    if kind == "header" and len(comp.parameters) > 1:
        text = "A template header takes one parameter (one variable or one media)."
        out.error("template.header_parameters", f"{path}.parameters", text)
    named = {p.parameter_name is not None for p in comp.parameters if p.type == "text"}
    if len(named) > 1:
        text = "Some parameters have a parameter_name and some do not: use one style throughout."
        out.error("template.param_names_mixed", f"{path}.parameters", text)
    for j, param in enumerate(comp.parameters):
        _check_parameter(param, kind, allowed, f"{path}.parameters[{j}]", out)


def _check_button(comp: TemplateComponent, path: str, out: Out) -> tuple[str, ...]:
    if comp.index is None:
        out.error("template.button_index", f"{path}.index", 'A button component needs its "index".')
    elif comp.index > MAX_BUTTON_INDEX:
        text = f"Button index {comp.index} is out of range: a template has at most 10 buttons."
        out.error("template.button_index", f"{path}.index", text)
    sub = (comp.sub_type or "").lower()
    if sub not in BUTTON_PARAMETER:
        shown = f'"{comp.sub_type[:20]}"' if comp.sub_type else "missing"
        text = f"The button sub_type is {shown}; use one of {', '.join(BUTTON_SUB_TYPES)}."
        out.error("template.button_sub_type", f"{path}.sub_type", text)
        return PARAMETER_TYPES
    if len(comp.parameters) > 1 or (not comp.parameters and sub != "quick_reply"):
        text = f"A {sub} button takes exactly one parameter."
        out.error("template.button_parameters", f"{path}.parameters", text)
    return (BUTTON_PARAMETER[sub],)


def _check_parameter(
    p: TemplateParameter, kind: str, allowed: tuple[str, ...], path: str, out: Out
) -> None:
    if p.type not in allowed:
        where = "a button" if kind == "button" else f"the {kind}"
        text = f'"{p.type[:20]}" is not a parameter type of {where}; use {" or ".join(allowed)}.'
        out.error("template.param_type", f"{path}.type", text)
        return
    vpath = f"{path}.{p.type}"
    if p.parameter_name is not None and not _PARAM_NAME.fullmatch(p.parameter_name):
        text = (f'"{p.parameter_name[:30]}" is not a parameter name: use lowercase letters, '
                "digits and underscores.")  # fmt: skip
        out.error("template.param_name", f"{path}.parameter_name", text)
    if p.type in ("text", "payload", "coupon_code"):
        _check_text_value(p, kind, vpath, out)
    elif p.type in ("image", "video", "document"):
        _check_media(p.value, p.type, vpath, out)
    else:
        _check_object(p, vpath, out)


_LABELS: Final = {"payload": "quick-reply payload", "coupon_code": "coupon code"}


def _check_text_value(p: TemplateParameter, kind: str, path: str, out: Out) -> None:
    value = p.value
    if not isinstance(value, str) or not value.strip():
        label = _LABELS.get(p.type, "variable")
        text = f"The {label} is empty; every variable needs a value."
        out.error("template.param_empty", path, text)
        return
    if p.type == "coupon_code":
        out.length(value, limits.TEMPLATE_COUPON_CODE, path)
    if kind == "body":
        why = whitespace_problem(value)
        if why is not None:
            text = f"A body variable may not contain {why} (WhatsApp refuses it)."
            out.error("template.param_whitespace", path, text)


def _check_media(value: Any, kind: str, path: str, out: Out) -> None:
    if not isinstance(value, dict):
        text = f"The {kind} must be an object with an id or a link."
        out.error("template.param_value", path, text)
        return
    has_id, link = bool(value.get("id")), value.get("link")
    if has_id == bool(link):
        text = f"The {kind} needs either an uploaded media id or a link, not both or neither."
        out.error("template.media_source", path, text)
    elif link and not (str(link).startswith("file:") or is_web_url(str(link))):
        out.error("template.media_source", f"{path}.link", f"The {kind} link is not a web address.")


_OBJECT_KEYS: Final = {
    "location": ("latitude", "longitude"),
    "currency": ("fallback_value", "code", "amount_1000"),
    "date_time": ("fallback_value",),
    "action": (),
}


def _check_object(p: TemplateParameter, path: str, out: Out) -> None:
    value = p.value
    if not isinstance(value, dict):
        out.error("template.param_value", path, f"The {p.type} parameter must be an object.")
        return
    missing = [k for k in _OBJECT_KEYS.get(p.type, ()) if value.get(k) in (None, "")]
    if missing:
        text = f"The {p.type} parameter needs {', '.join(missing)}."
        out.error("template.param_value", path, text)
