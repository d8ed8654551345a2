"""Template message (``type: template``): an approved template named by name and language,
with the values of its variables. The only kind WhatsApp accepts outside the 24-hour window."""

from __future__ import annotations

from typing import Any, ClassVar

from composer.messages.parts import MessageKind, Model


class TemplateParameter(Model, frozen=True, kw_only=True):
    """``{"type": t, t: value, "parameter_name"?}``.

    ``value`` is what sits under the type's key: text for ``text``, ``payload`` and
    ``coupon_code``; an object for ``image``/``video``/``document`` (``id`` or ``link``),
    ``location``, ``currency``, ``date_time`` and ``action``. Kept as JSON so that a parameter
    of a type the rules refuse still parses and is reported with its path.
    """

    type: str
    value: Any = None
    parameter_name: str | None = None

    @property
    def text(self) -> str | None:
        """The value when it is text (what a variable is filled with), else None."""
        return self.value if isinstance(self.value, str) else None


class TemplateComponent(Model, frozen=True, kw_only=True):
    """``{"type": "header"|"body"|"button", "sub_type"?, "index"?, "parameters": [...]}``."""

    type: str
    parameters: tuple[TemplateParameter, ...] = ()
    sub_type: str | None = None
    index: int | None = None
    index_as_text: bool = True  # Meta's examples send "index": "0"; an int is accepted too


class TemplateMessage(Model, frozen=True, kw_only=True):
    """``{"name", "language": {"code", "policy"?}, "components"?}``."""

    kind: ClassVar[MessageKind] = MessageKind.TEMPLATE

    name: str
    language_code: str
    language_policy: str | None = "deterministic"
    components: tuple[TemplateComponent, ...] = ()

    def component(self, type_: str, index: int | None = None) -> TemplateComponent | None:
        """The first component of ``type_`` (and button ``index``), compared case-blind."""
        for comp in self.components:
            if comp.type.lower() == type_ and (index is None or comp.index == index):
                return comp
        return None
