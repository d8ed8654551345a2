"""``check(message)``: every rule of the fact sheet (spec section 18), all issues at once.

Issues are values, never exceptions: each has the spec's rule id (the same strings as the
``rule`` of the invalid examples, e.g. ``button.title_len``, ``list.rows_total``), a JSON path
into the Graph payload (``interactive.action.sections[1].rows[0].title``), a severity and a
sentence naming the field, the limit and the current value.

Warnings (severity ``warning``; sending is still allowed):

* ``<rule>`` itself when a value is over a documented softer alternative limit
  (``Limit.warn_above``): list body over 1024, flow CTA over 20, carousel quick-reply id over 20;
* ``<rule>.utf16`` when the length in code points is fine but the UTF-16 length is over
  (``button.title_len.utf16``): some clients count emoji twice (spec section 14);
* ``list.section_title_required`` for a single section without a title,
  ``list.row_title_unique`` for duplicate row titles (ignoring case), ``envelope.to_plus`` for
  a number without a leading ``+``, ``catalog.thumbnail`` when no thumbnail is set.

Shape problems found while reading JSON use ``payload.shape``, ``payload.type`` and
``payload.unknown_field`` (see ``composer.payload.reader``). ``check`` runs on every keystroke:
it is plain Python over the frozen model, with no regex compilation.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from composer.kinds import spec_for_model
from composer.messages import Interactive, Message, TemplateMessage
from composer.rules.base import Out
from composer.rules.issue import Issue, Severity, has_errors
from composer.rules.parts import PartsPolicy, check_parts
from composer.validation.envelope import check_envelope, check_template_recipient

if TYPE_CHECKING:
    from composer.templates.definition import TemplateDefinition

__all__ = ["Issue", "Severity", "check", "has_errors", "validate_payload"]


def check(msg: Message, templates: Iterable[TemplateDefinition] | None = None) -> list[Issue]:
    """Every issue of ``msg``, in payload order (envelope first).

    ``templates``: the account's template library, when known. A template message is then also
    checked against its definition (every variable filled, counts, names, status: what Meta
    answers with 132000/132001/132012/132015/132016); without it only its structure is checked.
    """
    out = Out()
    check_envelope(msg, out)
    content = msg.content
    row = spec_for_model(type(content))  # the kind's row: its part policy and its own rules
    if isinstance(row.parts, PartsPolicy) and isinstance(content, Interactive):
        check_parts(content, row.parts, out)
    row.check(content, out)
    if templates is not None and isinstance(content, TemplateMessage):
        from composer.templates.checks import check_against

        definition = check_against(content, templates, out)
        check_template_recipient(msg, definition.category if definition else None, out)
    return out.issues


def validate_payload(data: object) -> list[Issue]:
    """Shape problems (as issues) or, when the shape is right, ``check``'s issues. Never raises."""
    from composer.codec.errors import PayloadError
    from composer.payload.reader import from_payload

    issues: list[Issue] = []
    if isinstance(data, dict):
        product = data.get("messaging_product")
        if product != "whatsapp":
            if product is None:
                text = 'messaging_product is missing; it must be "whatsapp".'
            else:
                shown = f'"{product[:20]}"' if isinstance(product, str) else "not text"
                text = f'messaging_product is {shown}; it must be "whatsapp".'
            issues.append(
                Issue("envelope.messaging_product", "messaging_product", Severity.ERROR, text)
            )
    try:
        msg = from_payload(data)
    except PayloadError as exc:
        return issues + exc.issues
    return issues + check(msg)
