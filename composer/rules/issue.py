"""The value every check returns: an ``Issue`` (rule id, JSON path, severity, plain sentence)."""

from __future__ import annotations

from enum import StrEnum

import msgspec


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Issue(msgspec.Struct, frozen=True):
    """One finding about a message.

    ``rule`` is the fact sheet's rule id (spec section 18), ``path`` a JSON path into the Graph
    payload (``interactive.action.sections[1].rows[0].title``; ``$`` is the whole document) and
    ``message`` a sentence a support agent understands.
    """

    rule: str
    path: str
    severity: Severity
    message: str

    @property
    def is_error(self) -> bool:
        """True when this issue blocks sending (a warning does not)."""
        return self.severity is Severity.ERROR

    def to_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "path": self.path,
            "severity": self.severity.value,
            "message": self.message,
        }


def has_errors(issues: list[Issue]) -> bool:
    """True when any issue blocks sending (warnings do not)."""
    return any(i.is_error for i in issues)
