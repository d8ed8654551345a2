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
    from composer.messages import Message
    from composer.validation.check import Issue


class Session(QObject):
    """Holds the current message and its issues; ``changed(message, issues)`` once per change."""

    changed = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._message: Message | None = None
        self._issues: list[Issue] = []

    def set_message(self, msg: Message | None) -> bool:
        """Make ``msg`` current; False (and no signal) when it equals the current one."""
        if msg == self._message:
            return False
        if msg is None:
            issues: list[Issue] = []
        else:
            from composer.validation.check import check

            issues = list(check(msg))
        self._message = msg
        self._issues = issues
        self.changed.emit(msg, issues)
        return True

    def current(self) -> Message | None:
        return self._message

    def issues(self) -> list[Issue]:
        return list(self._issues)
