"""The sandbox's own template library: served on ``GET /{waba-id}/message_templates``, checked on
every template send as Meta checks it, and changed by the demo triggers (a template paused, its
quality dropped), which also produce the WABA webhooks Meta would send.

Per sandbox instance: a status change lasts as long as the sandbox (the CLI's single-use sandbox
always starts from the demo records). Facts and sources: docs/spec/templates.md.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import Any, Final

from composer.sandbox.demo_templates import demo_template_records
from composer.sandbox.meta_errors import ErrorReply, IssueLike, graph_error, value_at
from composer.sandbox.paging import graph_page
from composer.templates.checks import META_CODES
from composer.templates.definition import TemplateDefinition
from composer.templates.library import TemplateLibrary

__all__ = ["DEFAULT_PAGE_SIZE", "TemplateBook", "template_error"]

DEFAULT_PAGE_SIZE: Final = 25
"""Graph's page size when ``limit`` is not given."""

MESSAGES: Final = {
    132000: "(#132000) Number of parameters does not match the expected number of params",
    132001: "(#132001) Template name does not exist in the translation",
    132005: "(#132005) Template Hydrated Text Too Long",
    132007: "(#132007) Template Format Character Policy Violated",
    132012: "(#132012) Parameter format does not match format in the created template",
    132015: "(#132015) Template is Paused",
    132016: "(#132016) Template is Disabled",
    132018: "(#132018) There was an issue with the parameters in your template",
}
"""``error.message`` per template code (the real texts where they are known; spec section 6)."""

WHITESPACE_DETAILS: Final = (
    "Param text cannot have new-line/tab characters or more than 4 consecutive spaces"
)
_STATUS_DETAILS: Final = {
    132015: "Template is paused due to low quality so it cannot be sent in a template message.",
    132016: "Template has been paused too many times due to low quality and is now permanently "
    "disabled.",
}
_GROUPS: Final = {"header": "header", "body": "body", "button": "buttons"}


class TemplateBook:
    """The records as the Graph API returns them, guarded by a lock (the server is threaded)."""

    def __init__(self, records: Sequence[dict[str, Any]] | None = None) -> None:
        self._lock = threading.Lock()
        self._records = [dict(r) for r in (records or demo_template_records())]

    def library(self) -> TemplateLibrary:
        with self._lock:
            return TemplateLibrary.from_graph([dict(r) for r in self._records], None)

    def page(self, query: Mapping[str, str], host: str, path: str) -> tuple[int, dict[str, Any]]:
        """One page of ``GET message_templates`` (``fields``, ``limit``, ``after``)."""
        with self._lock:
            records = [dict(r) for r in self._records]
        return graph_page(records, query, host, path, DEFAULT_PAGE_SIZE)

    def change(self, name: str, language: str | None, **fields: Any) -> list[dict[str, Any]]:
        """Set ``fields`` on the template (every language when ``language`` is None); returns
        copies of the records as they were before. KeyError when no record matches."""
        before: list[dict[str, Any]] = []
        with self._lock:
            for record in self._records:
                if record.get("name") == name and language in (None, record.get("language")):
                    before.append(dict(record))
                    record.update(fields)
        if not before:
            raise KeyError(_unknown(name, language))
        return before


def _missing_component(payload: object, definition: TemplateDefinition | None) -> str | None:
    """Meta's count text for a header or body whose parameters were left out altogether."""
    if definition is None:
        return None
    sent = value_at(payload, "template.components")
    given = {str(c.get("type", "")).lower() for c in sent if isinstance(c, dict)} if isinstance(
        sent, list) else set()  # fmt: skip
    for kind in ("header", "body"):
        expected = sum(1 for v in definition.variables() if v.component == kind)
        if expected and kind not in given:
            return (f"{kind}: number of localizable_params (0) does not match the expected "
                    f"number of params ({expected})")  # fmt: skip
    return None


def _unknown(name: str, language: str | None) -> str:
    where = f" in {language}" if language else ""
    return f"the sandbox has no template named {name!r}{where}"


def template_error(issue: IssueLike, payload: object, library: TemplateLibrary) -> ErrorReply:
    """The Graph error Meta answers for a template rule (``META_CODES``), shaped like Meta's."""
    code = META_CODES[issue.rule]
    template = value_at(payload, "template")
    name = value_at(template, "name") if isinstance(template, dict) else None
    lang = value_at(template, "language.code") if isinstance(template, dict) else None
    if code == 132001:
        details = f"template name ({name}) does not exist in {lang}"
    elif code in _STATUS_DETAILS:
        details = _STATUS_DETAILS[code]
    elif code == 132018:
        details = WHITESPACE_DETAILS
    else:
        details = _component_details(issue, payload, library, code, str(name), str(lang))
    return graph_error(
        code, details, status=404 if code == 132001 else 400, message=MESSAGES.get(code)
    )


def _component_details(
    issue: IssueLike, payload: object, library: TemplateLibrary, code: int, name: str, lang: str
) -> str:
    """``body: number of localizable_params (0) does not match the expected number of params
    (1)`` for a count, else ``<component>: <what is wrong>``; Meta names the component first."""
    head = issue.path.split(".parameters")[0]
    kind = value_at(payload, f"{head}.type") if head.startswith("template.components[") else None
    definition = library.get(name, lang)
    if not isinstance(kind, str):
        missing = _missing_component(payload, definition) if code == 132000 else None
        return missing or issue.message
    group = _GROUPS.get(kind.lower(), kind.lower())
    if code == 132000 and definition is not None and kind.lower() in ("header", "body"):
        given = value_at(payload, f"{head}.parameters")
        count = len(given) if isinstance(given, list) else 0
        expected = sum(1 for v in definition.variables() if v.component == kind.lower())
        return (
            f"{group}: number of localizable_params ({count}) does not match the expected "
            f"number of params ({expected})"
        )
    return f"{group}: {issue.message}"
