"""The one current message: editors write it, everything else listens.

One writer, values down, signals up. ``set_message`` is the only way in; an equal message is a
no-op, so a keystroke that does not change the message (or a reload of the same draft) never
fans out twice. Issues are computed once here so the preview, the fields, the issues panel and the
send bar all see the same list for the same snapshot.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from collections.abc import Iterable

    from composer.messages import Message
    from composer.templates import TemplateDefinition
    from composer.validation.check import Issue


class Session(QObject):
    """Holds the current message and its issues; ``changed(message, issues)`` once per change."""

    changed = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._message: Message | None = None
        self._issues: list[Issue] = []
        self._templates: Iterable[TemplateDefinition] | None = None

    def set_templates(self, templates: Iterable[TemplateDefinition] | None) -> None:
        """The account's template library (None: not known): template messages are then also
        checked against their definition; the current message's issues are computed again."""
        self._templates = templates
        msg, self._message = self._message, None
        if msg is not None:
            self.set_message(msg)

    def set_message(self, msg: Message | None) -> bool:
        """Make ``msg`` current; False (and no signal) when it equals the current one."""
        if msg == self._message:
            return False
        if msg is None:
            issues: list[Issue] = []
        else:
            from composer.validation.check import check

            issues = list(check(msg, self._templates))
        self._message = msg
        self._issues = issues
        self.changed.emit(msg, issues)
        return True

    def current(self) -> Message | None:
        return self._message

    def issues(self) -> list[Issue]:
        return list(self._issues)
