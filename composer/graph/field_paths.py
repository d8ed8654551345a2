"""Point a Graph error's ``error_data.details`` at the payload field it is about.

Meta names fields in prose ("Button title length invalid. Min length: 1, Max length: 20") or in
Python-ish brackets ("The parameter interactive['body']['text'] is required."). A small table of
phrases maps to path templates; with the sent payload the template is resolved to the concrete
field, e.g. the first button whose title is over the limit:
``interactive.action.buttons[0].reply.title``. Paths use the validator's JSON-path style.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from composer import limits
from composer.limits import Limit, char_count

Check = Literal["length", "duplicate", "exists"]


@dataclass(frozen=True, slots=True)
class PhraseRule:
    pattern: re.Pattern[str]
    templates: tuple[str, ...]
    check: Check = "exists"
    limit: Limit | None = None


def _r(
    pattern: str, *templates: str, check: Check = "exists", limit: Limit | None = None
) -> PhraseRule:
    return PhraseRule(re.compile(pattern, re.IGNORECASE), templates, check, limit)


_BUTTONS = "interactive.action.buttons[*].reply"
_ROWS = "interactive.action.sections[*].rows[*]"
_PARAMS = "interactive.action.parameters"

# Most specific phrases first: the first matching rule wins.
PHRASES: tuple[PhraseRule, ...] = (
    _r(r"buttons? titles?.*unique|duplicate button title", f"{_BUTTONS}.title", check="duplicate"),
    _r(r"buttons? ids?.*unique|duplicate button id", f"{_BUTTONS}.id", check="duplicate"),
    _r(r"button title", f"{_BUTTONS}.title", check="length", limit=limits.BUTTON_TITLE),
    _r(r"button id", f"{_BUTTONS}.id", check="length", limit=limits.BUTTON_ID),
    _r(r"buttons? count|number of buttons", "interactive.action.buttons"),
    _r(r"rows? titles?.*unique|duplicate row title", f"{_ROWS}.title", check="duplicate"),
    _r(r"rows? ids?.*unique|duplicate row id", f"{_ROWS}.id", check="duplicate"),
    _r(r"row title", f"{_ROWS}.title", check="length", limit=limits.LIST_ROW_TITLE),
    _r(
        r"row description",
        f"{_ROWS}.description",
        check="length",
        limit=limits.LIST_ROW_DESCRIPTION,
    ),
    _r(r"row id", f"{_ROWS}.id", check="length", limit=limits.LIST_ROW_ID),
    _r(r"rows? count|number of rows", "interactive.action.sections"),
    _r(
        r"section title",
        "interactive.action.sections[*].title",
        check="length",
        limit=limits.LIST_SECTION_TITLE,
    ),
    _r(r"sections? count|number of sections", "interactive.action.sections"),
    _r(r"header text", "interactive.header.text", check="length", limit=limits.HEADER_TEXT),
    _r(r"footer text", "interactive.footer.text", check="length", limit=limits.FOOTER_TEXT),
    _r(r"body text|body length", "interactive.body.text", check="length", limit=limits.BODY_TEXT),
    _r(
        r"button (text|label)|list button",
        "interactive.action.button",
        check="length",
        limit=limits.LIST_BUTTON,
    ),
    _r(
        r"display[_ ]text", f"{_PARAMS}.display_text", check="length", limit=limits.CTA_DISPLAY_TEXT
    ),
    _r(r"flow[_ ]cta", f"{_PARAMS}.flow_cta", check="length", limit=limits.FLOW_CTA),
    _r(r"\burl\b", f"{_PARAMS}.url"),
    _r(r"emoji", "reaction.emoji"),
    _r(
        r"product[_ ]retailer[_ ]id",
        "interactive.action.product_retailer_id",
        "interactive.action.sections[*].product_items[*].product_retailer_id",
    ),
    _r(r"catalog[_ ]id", "interactive.action.catalog_id"),
    _r(r"message[_ ]id|reaction", "reaction.message_id", "context.message_id"),
    _r(r"text body|text\.body|message text", "text.body", check="length", limit=limits.TEXT_BODY),
)

_ROOTS = "interactive|text|reaction|context|template|image|video|document|audio|location"
# A payload path written in brackets (interactive['body']['text']) or dots and indexes
# (interactive.action.buttons[0].reply.title), starting at a top-level payload key.
_EXPLICIT = re.compile(
    rf"(?<![\w./])(?:{_ROOTS})(?:\.[A-Za-z_]\w*|\[(?:'[^']*'|\"[^\"]*\"|\d+)\])+"
)
_PARAM_NAME = re.compile(
    r"\bparam(?:eter)?\s+['\"]?(to|type|recipient_type|messaging_product|recipient)['\"]?\b",
    re.IGNORECASE,
)
_MAX = re.compile(r"max(?:imum)?\s*length:?\s*(\d+)", re.IGNORECASE)
_MIN = re.compile(r"min(?:imum)?\s*length:?\s*(\d+)", re.IGNORECASE)


def _explicit_path(text: str) -> str | None:
    """``interactive['action']['buttons'][0]`` -> ``interactive.action.buttons[0]``."""
    match = _EXPLICIT.search(text)
    if not match:
        return None
    raw = match.group(0)
    head = re.match(r"[A-Za-z_]\w*", raw)
    assert head is not None
    path, rest = head.group(0), raw[head.end() :]
    for part in re.finditer(r"\.([A-Za-z_]\w*)|\[(?:'([^']*)'|\"([^\"]*)\"|(\d+))\]", rest):
        dotted, key, key2, index = part.groups()
        path += f"[{index}]" if index else f".{dotted or key or key2}"
    return path


def _expand(node: object, parts: list[str], prefix: str) -> Iterator[tuple[str, object]]:
    """Every concrete (path, value) a template with ``[*]`` wildcards names in the payload."""
    if not parts:
        yield prefix, node
        return
    head, rest = parts[0], parts[1:]
    wildcard = head.endswith("[*]")
    key = head[:-3] if wildcard else head
    if not isinstance(node, Mapping) or key not in node:
        return
    child = node[key]
    name = f"{prefix}.{key}" if prefix else key
    if not wildcard:
        yield from _expand(child, rest, name)
    elif isinstance(child, list):
        for i, item in enumerate(child):
            yield from _expand(item, rest, f"{name}[{i}]")


def _bounds(details: str, limit: Limit | None) -> tuple[int, int] | None:
    hi, lo = _MAX.search(details), _MIN.search(details)
    if hi:
        return (int(lo.group(1)) if lo else 0, int(hi.group(1)))
    return (limit.minimum, limit.maximum) if limit else None


def _pick(rule: PhraseRule, details: str, payload: Mapping[str, Any]) -> str | None:
    found = [p for t in rule.templates for p in _expand(payload, t.split("."), "")]
    if rule.check == "length":
        bounds = _bounds(details, rule.limit)
        if bounds:
            for path, value in found:
                if isinstance(value, str) and not bounds[0] <= char_count(value) <= bounds[1]:
                    return path
    elif rule.check == "duplicate":
        seen: set[str] = set()
        for path, value in found:
            norm = value.casefold().strip() if isinstance(value, str) else repr(value)
            if norm in seen:
                return path
            seen.add(norm)
    if found:
        return found[0][0]
    return rule.templates[0].replace("[*]", "[0]")


def field_path_for(
    details: str | None, payload: Mapping[str, Any] | None, code: int | None = None
) -> str | None:
    """The payload path a detail text is about, or None when it names no field we know.

    Without a payload only explicit (bracketed or named) paths can be given. A template code
    (``code``, 132000-132018) is placed in the template: its name, language or the component
    the details start with (``body: number of localizable_params ...``).
    """
    if not details:
        return None
    explicit = _explicit_path(details)
    if explicit:
        return explicit
    named = _PARAM_NAME.search(details)
    if named:
        return named.group(1)
    if payload is None:
        return None
    if code in TEMPLATE_FIELD_CODES or isinstance(payload.get("template"), Mapping):
        found = template_field(details, payload, code)
        if found is not None:
            return found
    for rule in PHRASES:
        if rule.pattern.search(details):
            return _pick(rule, details, payload)
    return None


TEMPLATE_FIELD_CODES = frozenset((132000, 132001, 132005, 132007, 132012, 132015, 132016, 132018))
_COMPONENT = re.compile(r"^\s*(header|body|buttons?)\s*:", re.IGNORECASE)
_BUTTON_AT = re.compile(r"button at index (\d+)", re.IGNORECASE)
_WHITESPACE = re.compile(r"new-line|tab character|consecutive spaces", re.IGNORECASE)


def template_field(details: str, payload: Mapping[str, Any], code: int | None) -> str | None:
    """Where in ``template`` a template error is: the variable with bad whitespace (132018),
    the component the details name (``body:``, ``buttons: Button at index 0 ...``), else the
    name (132001, 132015, 132016) or the components (counts and formats)."""
    template = payload.get("template")
    comps = template.get("components") if isinstance(template, Mapping) else None
    comps = comps if isinstance(comps, list) else []
    if code == 132018 or _WHITESPACE.search(details):
        return _whitespace_param(comps) or "template.components"
    head = _COMPONENT.match(details)
    if head is not None:
        kind = head.group(1).lower().rstrip("s")
        at = _BUTTON_AT.search(details)
        for i, comp in enumerate(comps):
            if not isinstance(comp, Mapping) or str(comp.get("type", "")).lower() != kind:
                continue
            if at is None or str(comp.get("index")) == at.group(1):
                return f"template.components[{i}].parameters"
        return "template.components"
    if re.search(r"template name|does not exist", details, re.IGNORECASE) or code in (
        132001, 132015, 132016):  # fmt: skip
        return "template.name"
    if re.search(r"\blanguage\b", details, re.IGNORECASE):
        return "template.language.code"
    return "template.components" if code in TEMPLATE_FIELD_CODES else None


def _whitespace_param(comps: list[Any]) -> str | None:
    from composer.rules.templates import whitespace_problem

    for i, comp in enumerate(comps):
        params = comp.get("parameters") if isinstance(comp, Mapping) else None
        for j, param in enumerate(params if isinstance(params, list) else []):
            text = param.get("text") if isinstance(param, Mapping) else None
            if isinstance(text, str) and whitespace_problem(text) is not None:
                return f"template.components[{i}].parameters[{j}].text"
    return None
