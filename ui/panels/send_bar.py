"""The send bar: why sending is (not) possible right now, the Send button and the last result.

It only combines facts it is given (issues, window state, in-flight, profile); the rules that
produce those facts live in composer/.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.restyle import restyle, set_style_property


class SendBar(QWidget):
    send_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendBar")
        self.status = QLabel()
        self.status.setObjectName("sendStatus")
        self.status.setWordWrap(True)
        self.button = QPushButton("Send")  # the icon comes after the first paint: add_icon()
        self.button.setObjectName("sendButton")
        self.button.setAccessibleName("Send message")
        self.button.setToolTip("Send (Ctrl+Enter)")
        self.button.clicked.connect(self.send_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.button)
        self._errors = 0
        self._blocked: str | None = None
        self._in_flight = False
        self._result: tuple[str, str] | None = None
        self._polished = False  # before the first show, setting the property is enough
        self._refresh()

    def add_icon(self) -> None:
        """Finishing touches after the first paint: the SVG icon engine (~15 ms) and Qt's enum
        namespace (~30 ms the first time any ``Qt.*`` flag is used) stay off that path."""
        from PySide6.QtCore import Qt

        self.button.setIcon(QIcon("icons:send.svg"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._polished = True
        restyle(self.status)

    def set_errors(self, count: int) -> None:
        self._errors = count
        self._refresh()

    def set_blocked(self, reason: str | None) -> None:
        """A reason from outside the message (24-hour window closed, no recipient)."""
        self._blocked = reason
        self._refresh()

    def set_in_flight(self, flag: bool) -> None:
        self._in_flight = flag
        self._refresh()

    def show_result(self, level: str, text: str) -> None:
        """level: "ok", "error" or "warning"; kept until the next send."""
        self._result = (level, text)
        self._refresh()

    def can_send(self) -> bool:
        return not self._in_flight and self._errors == 0 and self._blocked is None

    def _refresh(self) -> None:
        self.button.setEnabled(self.can_send())
        if self._in_flight:
            level, text = "busy", "Sending…"
        elif self._errors:
            level = "error"
            text = f"Send is disabled: fix {self._errors} error(s) listed under Issues."
        elif self._blocked:
            level, text = "warning", f"Send is disabled: {self._blocked}"
        elif self._result is not None:
            level, text = self._result
        else:
            level, text = "ok", "Ready to send."
        self.button.setToolTip(text if not self.can_send() else "Send (Ctrl+Enter)")
        self.status.setText(text)
        set_style_property(self.status, "level", level, polish=self._polished)
