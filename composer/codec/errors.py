"""``PayloadError``: its own module so the reader raises it and callers catch it without the
reader and the writer importing each other."""

from __future__ import annotations

from composer.rules.issue import Issue

__all__ = ["PayloadError"]


class PayloadError(ValueError):
    """The payload does not have the shape of a message; ``issues`` says where and why."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = issues
        first = issues[0].message if issues else "not a message"
        more = f" (and {len(issues) - 1} more problems)" if len(issues) > 1 else ""
        super().__init__(first + more)
