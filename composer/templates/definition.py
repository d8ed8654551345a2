"""A message template as the Graph API returns it, and the variables a send must fill.

``GET /{version}/{waba-id}/message_templates`` returns each template with its ``components``
(HEADER, BODY, FOOTER, BUTTONS; docs/spec/templates.md). A template is kept as Meta sent it
(``raw``) and read into the few facts the editor, the validator and the sandbox need: the
status, the parameter format and, above all, the variables: one per ``{{1}}`` / ``{{name}}`` in
the header and body, one per media header, one per dynamic URL suffix and copy code.
Reading is tolerant (a field Meta adds later is ignored); only a template without a name or
language is refused, because nothing could address it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final, Literal

__all__ = [
    "MEDIA_FORMATS",
    "SENDABLE_STATUS",
    "ButtonDef",
    "TemplateDataError",
    "TemplateDefinition",
    "Variable",
    "fill",
    "from_graph",
    "placeholders",
]

ComponentName = Literal["header", "body", "button"]

SENDABLE_STATUS: Final = "APPROVED"
MEDIA_FORMATS: Final = ("IMAGE", "VIDEO", "DOCUMENT")
"""Header formats whose send parameter is a media object of that type (lowercase)."""

_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")

_WHY_NOT: Final = {
    "PAUSED": "it is paused by Meta (low quality); it can be sent again once it is unpaused",
    "REJECTED": "Meta rejected it",
    "DISABLED": "Meta disabled it",
    "PENDING": "it is still waiting for Meta's review",
    "IN_APPEAL": "its rejection is under appeal",
    "PENDING_DELETION": "it is being deleted",
    "DELETED": "it was deleted",
    "LIMIT_EXCEEDED": "the account has reached its template limit",
}


class TemplateDataError(ValueError):
    """A template record that cannot be used at all (no name or language)."""


def placeholders(text: str) -> tuple[str, ...]:
    """The variable names in ``text`` in order of appearance (``"1"``, ``"first_name"``)."""
    return tuple(m.group(1) for m in _PLACEHOLDER.finditer(text))


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with each ``{{name}}`` replaced by its value (unfilled ones are kept as is)."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)


@dataclass(frozen=True, slots=True)
class Variable:
    """One value a send must (or may) supply.

    ``kind`` is the send parameter's type: ``text`` (header/body variable, URL suffix),
    ``image``/``video``/``document``/``location`` (header), ``payload`` (quick reply, optional),
    ``coupon_code`` (copy code). ``name`` is the placeholder (``"1"``, ``"customer_name"``) or,
    for a media or location header, its format in lowercase. ``index`` is the button's index.
    """

    component: ComponentName
    name: str
    kind: str
    index: int | None = None
    example: str | None = None
    required: bool = True

    def as_json(self) -> dict[str, str]:
        """The CLI's ``variables`` item: ``{"component", "name"}``."""
        return {"component": self.component, "name": self.name}


@dataclass(frozen=True, slots=True)
class ButtonDef:
    """One button of the BUTTONS component; ``index`` is what a send's ``index`` names."""

    index: int
    type: str  # QUICK_REPLY, URL, PHONE_NUMBER, COPY_CODE, OTP, FLOW, CATALOG, MPM, ...
    text: str
    url: str | None = None
    phone_number: str | None = None
    otp_type: str | None = None
    example: str | None = None

    @property
    def dynamic_url(self) -> bool:
        """A URL button whose link ends in a variable suffix (``https://x.com/o/{{1}}``)."""
        return self.url is not None and bool(placeholders(self.url))

    @property
    def otp(self) -> bool:
        """An authentication template's one-time-code button: Meta creates it as ``OTP`` and
        returns it as a ``URL`` button whose link carries ``otp_type=`` (docs/spec/templates.md)."""
        return self.type == "OTP" or (self.url is not None and "otp_type=" in self.url)

    @property
    def sub_type(self) -> str:
        """The send's ``sub_type`` for this button: an authentication template's OTP button
        (copy code, one tap) sends its code as a ``url`` button parameter."""
        return "url" if self.type == "OTP" else self.type.lower()


@dataclass(frozen=True, slots=True)
class TemplateDefinition:
    """One template in one language, with what the editor and the checks read from it."""

    name: str
    language: str
    status: str
    category: str
    parameter_format: str  # POSITIONAL or NAMED
    id: str | None = None
    header_format: str | None = None  # TEXT, IMAGE, VIDEO, DOCUMENT, LOCATION
    header_text: str | None = None
    body_text: str = ""
    footer_text: str | None = None
    buttons: tuple[ButtonDef, ...] = ()
    rejected_reason: str | None = None
    quality: str | None = None
    examples: dict[str, str] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.name, self.language)

    @property
    def named(self) -> bool:
        return self.parameter_format == "NAMED"

    @property
    def sendable(self) -> bool:
        return self.status == SENDABLE_STATUS

    @property
    def why_not_sendable(self) -> str | None:
        """None for an approved template, else a sentence ending without a full stop."""
        if self.sendable:
            return None
        why = _WHY_NOT.get(self.status, f"its status is {self.status}")
        if self.status == "REJECTED" and self.rejected_reason not in (None, "", "NONE"):
            why = f"{why} ({self.rejected_reason})"
        return f"'{self.name}' ({self.language}) cannot be sent: {why}"

    def variables(self) -> tuple[Variable, ...]:
        """Every value a send supplies, header first, then body, then buttons in order."""
        out: list[Variable] = []
        if self.header_format == "TEXT" and self.header_text:
            out += [self._text_var("header", n) for n in placeholders(self.header_text)]
        elif self.header_format is not None:
            out.append(Variable("header", self.header_format.lower(), self.header_format.lower()))
        out += [self._text_var("body", n) for n in placeholders(self.body_text)]
        for b in self.buttons:
            out += _button_variables(b)
        return tuple(out)

    def required_variables(self) -> tuple[Variable, ...]:
        return tuple(v for v in self.variables() if v.required)

    def _text_var(self, component: ComponentName, name: str) -> Variable:
        return Variable(component, name, "text", example=self.examples.get(f"{component}:{name}"))


def _button_variables(b: ButtonDef) -> list[Variable]:
    if b.type == "QUICK_REPLY":
        return [Variable("button", "payload", "payload", b.index, b.text, required=False)]
    if b.type == "URL" and b.dynamic_url and b.url is not None:
        name = placeholders(b.url)[0]
        prefix = b.url.split("{{", 1)[0]
        example = b.example
        if example is not None and example.startswith(prefix):
            example = example[len(prefix) :]  # Meta's example is the whole link
        return [Variable("button", name, "text", b.index, example)]
    if b.type == "COPY_CODE":
        return [Variable("button", "coupon_code", "coupon_code", b.index, b.example)]
    if b.type == "OTP":
        return [Variable("button", "1", "text", b.index, b.example)]
    return []


def from_graph(obj: object) -> TemplateDefinition:
    """One ``data[]`` item of the Graph response; TemplateDataError when it has no name or
    language (everything else is optional and read leniently)."""
    if not isinstance(obj, dict):
        raise TemplateDataError("a template must be a JSON object")
    name, language = obj.get("name"), obj.get("language")
    if not isinstance(name, str) or not name or not isinstance(language, str) or not language:
        raise TemplateDataError("a template needs a name and a language")
    parts = _Parts()
    for comp in obj.get("components") or ():
        if isinstance(comp, dict):
            parts.add(comp)
    return TemplateDefinition(
        name=name,
        language=language,
        status=_upper(obj.get("status"), "APPROVED"),
        category=_upper(obj.get("category"), "UTILITY"),
        parameter_format=_upper(obj.get("parameter_format"), "POSITIONAL"),
        id=_opt_str(obj.get("id")),
        header_format=parts.header_format,
        header_text=parts.header_text,
        body_text=parts.body_text,
        footer_text=parts.footer_text,
        buttons=tuple(parts.buttons),
        rejected_reason=_opt_str(obj.get("rejected_reason")),
        quality=_quality(obj.get("quality_score")),
        examples=parts.examples,
        raw=obj,
    )


class _Parts:
    """Collects the components of one template while it is read."""

    def __init__(self) -> None:
        self.header_format: str | None = None
        self.header_text: str | None = None
        self.body_text = ""
        self.footer_text: str | None = None
        self.buttons: list[ButtonDef] = []
        self.examples: dict[str, str] = {}

    def add(self, comp: dict[str, Any]) -> None:
        kind = _upper(comp.get("type"), "")
        text = _opt_str(comp.get("text"))
        found = comp.get("example")
        example: dict[str, Any] = found if isinstance(found, dict) else {}
        if kind == "HEADER":
            self.header_format = _upper(comp.get("format"), "TEXT")
            self.header_text = text
            self._examples("header", text or "", example, "header_text")
        elif kind == "BODY":
            self.body_text = text or ""
            self._examples("body", self.body_text, example, "body_text")
        elif kind == "FOOTER":
            self.footer_text = text
        elif kind == "BUTTONS":
            for i, b in enumerate(comp.get("buttons") or ()):
                if isinstance(b, dict):
                    self.buttons.append(_button(i, b))

    def _examples(self, where: str, text: str, example: dict[str, Any], key: str) -> None:
        """Positional examples (``body_text: [["Ana", "42"]]``, ``header_text: ["Ana"]``) or
        named ones (``body_text_named_params: [{"param_name", "example"}]``)."""
        for item in example.get(f"{key}_named_params") or ():
            if isinstance(item, dict) and isinstance(item.get("param_name"), str):
                self.examples[f"{where}:{item['param_name']}"] = str(item.get("example", ""))
        values = example.get(key)
        if isinstance(values, list) and values and isinstance(values[0], list):
            values = values[0]
        if isinstance(values, list):
            for name, value in zip(placeholders(text), values, strict=False):
                self.examples[f"{where}:{name}"] = str(value)


def _button(i: int, b: dict[str, Any]) -> ButtonDef:
    example = b.get("example")
    if isinstance(example, list):
        example = example[0] if example else None
    return ButtonDef(
        index=i,
        type=_upper(b.get("type"), ""),
        text=_opt_str(b.get("text")) or "",
        url=_opt_str(b.get("url")),
        phone_number=_opt_str(b.get("phone_number")),
        otp_type=_opt_str(b.get("otp_type")),
        example=None if example is None else str(example),
    )


def _upper(value: object, default: str) -> str:
    return value.upper() if isinstance(value, str) and value else default


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _quality(value: object) -> str | None:
    """``quality_score: {"score": "GREEN"}`` (or a bare string) as ``"GREEN"``."""
    if isinstance(value, dict):
        value = value.get("score")
    return value.upper() if isinstance(value, str) and value else None
