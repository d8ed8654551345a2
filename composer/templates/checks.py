"""A template send checked against the account's definition of that template, as Meta checks it:
the name and language first, then the status, then the parameters.

One function serves the editor (every variable filled before Send lights up), ``validate
--templates`` and the sandbox, which answers each rule with the Graph error code Meta gives for
it (``META_CODES``; docs/spec/templates.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from composer import limits
from composer.messages import TemplateComponent, TemplateMessage
from composer.rules.base import Out
from composer.templates.definition import (
    MEDIA_FORMATS,
    TemplateDefinition,
    Variable,
    fill,
    placeholders,
)

__all__ = ["META_CODES", "check_against", "find"]

META_CODES: Final = {
    "template.unknown": 132001,
    "template.language_missing": 132001,
    "template.not_approved": 132001,
    "template.paused": 132015,
    "template.disabled": 132016,
    "template.param_count": 132000,
    "template.param_format": 132012,
    "template.param_names": 132012,
    "template.header_format": 132012,
    "template.button": 132012,
    "template.header_len": 132005,
    "template.body_len": 132005,
    "template.url_len": 132005,
    "template.param_whitespace": 132018,
}
"""The Graph error code the sandbox answers for each rule (the first error found wins)."""

_PATH = "template"
_STATUS_RULES: Final = {
    "PAUSED": "template.paused",
    "REJECTED": "template.disabled",
    "DISABLED": "template.disabled",
}


def find(
    library: Iterable[TemplateDefinition], name: str, language: str
) -> tuple[TemplateDefinition | None, tuple[str, ...]]:
    """The definition of ``name`` in ``language``, and the languages ``name`` exists in."""
    found = [d for d in library if d.name == name]
    match = next((d for d in found if d.language == language), None)
    return match, tuple(sorted(d.language for d in found))


def check_against(
    msg: TemplateMessage, library: Iterable[TemplateDefinition], out: Out
) -> TemplateDefinition | None:
    """Report what Meta would refuse; returns the definition when one was found."""
    definition, languages = find(library, msg.name, msg.language_code)
    if definition is None:
        _report_missing(msg, languages, out)
        return None
    why = definition.why_not_sendable
    if why is not None:
        rule = _STATUS_RULES.get(definition.status, "template.not_approved")
        out.error(rule, f"{_PATH}.name", f"{why}.")
        return definition
    _check_components(msg, definition, out)
    return definition


def _report_missing(msg: TemplateMessage, languages: tuple[str, ...], out: Out) -> None:
    if not languages:
        text = f"This account has no template named '{msg.name}' (refresh the list if it is new)."
        out.error("template.unknown", f"{_PATH}.name", text)
        return
    text = (f"'{msg.name}' has no {msg.language_code or '(empty)'} translation; "
            f"it exists in {', '.join(languages)}.")  # fmt: skip
    out.error("template.language_missing", f"{_PATH}.language.code", text)


def _check_components(msg: TemplateMessage, d: TemplateDefinition, out: Out) -> None:
    wanted: dict[tuple[str, int | None], list[Variable]] = {}
    for v in d.variables():
        wanted.setdefault((v.component, v.index), []).append(v)
    given = {(c.type.lower(), c.index): (i, c) for i, c in enumerate(msg.components)}
    for key, (i, comp) in given.items():
        path = f"{_PATH}.components[{i}]"
        if key not in wanted:
            _report_extra(comp, key, d, path, out)
    for key, variables in wanted.items():
        required = [v for v in variables if v.required]
        if key not in given:
            if required:
                names = ", ".join(_shown(v) for v in required)
                text = f"The {_where(key)} needs {_count(len(required))} ({names}); none is given."
                out.error("template.param_count", f"{_PATH}.components", text)
            continue
        i, comp = given[key]
        _check_one(comp, required or variables, d, f"{_PATH}.components[{i}]", out)
    _check_lengths(msg, d, out)


def _report_extra(
    comp: TemplateComponent, key: tuple[str, int | None], d: TemplateDefinition, path: str, out: Out
) -> None:
    if comp.type.lower() == "button":
        button = next((b for b in d.buttons if b.index == comp.index), None)
        if button is None:
            text = f"'{d.name}' has no button {comp.index}; it has {len(d.buttons)} button(s)."
            out.error("template.button", f"{path}.index", text)
            return
        text = f'Button {comp.index} ({button.type.lower()}, "{button.text}") takes no parameter.'
        out.error("template.param_count", f"{path}.parameters", text)
        return
    if comp.parameters:
        text = f"'{d.name}' has no variable in its {_where(key)}; remove these parameters."
        out.error("template.param_count", f"{path}.parameters", text)


def _check_one(
    comp: TemplateComponent, variables: list[Variable], d: TemplateDefinition, path: str, out: Out
) -> None:
    kind = comp.type.lower()
    if kind == "button":
        button = next(b for b in d.buttons if b.index == comp.index)
        if (comp.sub_type or "").lower() != button.sub_type:
            text = (f"Button {comp.index} is a {button.sub_type} button in '{d.name}', "
                    f"not {comp.sub_type or 'unspecified'}.")  # fmt: skip
            out.error("template.button", f"{path}.sub_type", text)
        if not variables[0].required and len(comp.parameters) <= 1:
            return  # an optional quick-reply payload
    if len(comp.parameters) != len(variables):
        shown = ", ".join(_shown(v) for v in variables)
        text = (f"The {_where((kind, comp.index))} of '{d.name}' takes {_count(len(variables))} "
                f"({shown}); {len(comp.parameters)} given.")  # fmt: skip
        out.error("template.param_count", f"{path}.parameters", text)
        return
    if kind == "header" and d.header_format in (*MEDIA_FORMATS, "LOCATION"):
        wanted = d.header_format.lower()
        if comp.parameters[0].type != wanted:
            article = "an" if wanted[0] in "aeiou" else "a"
            text = f"The header of '{d.name}' is {article} {wanted}, not {comp.parameters[0].type}."
            out.error("template.header_format", f"{path}.parameters[0].type", text)
        return
    if kind in ("header", "body"):
        _check_names(comp, variables, d, path, out)


def _check_names(
    comp: TemplateComponent, variables: list[Variable], d: TemplateDefinition, path: str, out: Out
) -> None:
    text_params = [p for p in comp.parameters if p.type == "text"]
    names = [p.parameter_name for p in text_params]
    if d.named and any(n is None for n in names):
        text = (f"'{d.name}' uses named variables: give each text parameter its parameter_name "
                f"({', '.join(v.name for v in variables)}).")  # fmt: skip
        out.error("template.param_format", f"{path}.parameters", text)
    elif not d.named and any(n is not None for n in names):
        text = f"'{d.name}' uses numbered variables ({{{{1}}}}...): leave out parameter_name."
        out.error("template.param_format", f"{path}.parameters", text)
    elif d.named and set(names) != {v.name for v in variables}:
        unknown = sorted({n for n in names if n} - {v.name for v in variables})
        missing = sorted({v.name for v in variables} - {n for n in names if n})
        text = (f"The variable names do not match '{d.name}': unknown {', '.join(unknown) or '-'}; "
                f"missing {', '.join(missing) or '-'}.")  # fmt: skip
        out.error("template.param_names", f"{path}.parameters", text)


def _check_lengths(msg: TemplateMessage, d: TemplateDefinition, out: Out) -> None:
    """The header and body limits hold once the variables are filled in; so does the URL's."""
    for i, comp in enumerate(msg.components):
        kind, path = comp.type.lower(), f"{_PATH}.components[{i}]"
        if kind in ("header", "body"):
            text = (d.header_text or "") if kind == "header" else d.body_text
            limit = limits.TEMPLATE_HEADER_TEXT if kind == "header" else _body_limit(d)
            filled = fill(text, _values(comp, text, d.named))
            if text and len(filled) > limit.maximum:
                out.length(filled, limit, f"{path}.parameters")
        elif kind == "button" and comp.parameters and comp.parameters[0].text is not None:
            button = next((b for b in d.buttons if b.index == comp.index), None)
            if button is not None and button.dynamic_url and button.url is not None:
                url = fill(button.url, {placeholders(button.url)[0]: comp.parameters[0].text or ""})
                if len(url) > limits.TEMPLATE_URL.maximum:
                    out.length(url, limits.TEMPLATE_URL, f"{path}.parameters[0].text")


def _body_limit(d: TemplateDefinition) -> limits.Limit:
    alone = d.header_format is None and d.footer_text is None and not d.buttons
    return limits.TEMPLATE_BODY_ONLY_TEXT if alone else limits.TEMPLATE_BODY_TEXT


def _values(comp: TemplateComponent, text: str, named: bool) -> dict[str, str]:
    texts = [p for p in comp.parameters if p.text is not None]
    if named:
        return {p.parameter_name or "": p.text or "" for p in texts}
    return {n: p.text or "" for n, p in zip(placeholders(text), texts, strict=False)}


def _where(key: tuple[str, int | None]) -> str:
    return f"button {key[1]}" if key[0] == "button" else key[0]


def _count(n: int) -> str:
    return f"{n} parameter" if n == 1 else f"{n} parameters"


def _shown(v: Variable) -> str:
    return f"{{{{{v.name}}}}}" if v.kind == "text" else v.kind
