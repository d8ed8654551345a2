"""The send bar: why sending is (not) possible right now, the Send button and the last result.

It renders ``composer.window.gate.send_decision`` for the facts it is given (issues, the
recipient's window, a send in flight, start-up) and never decides anything itself. While a send
runs it shows each attempt ("retrying in 4 s, attempt 2 of 4").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from composer.window.gate import READY_TEXT, SendDecision, send_decision, template_way_out
from ui import look
from ui.elided_label import ElidedLabel
from ui.restyle import set_style_property, set_tool_tip

if TYPE_CHECKING:
    from composer.sending import AttemptReport
    from composer.window.facts import WindowStatus
    from composer.window.gate import IssueLike

SEND_TIP = "Send (Ctrl+Enter)"
TEMPLATE_TEXT = "Send a template instead"


class SendBar(look.Bar):
    send_requested = Signal()
    template_requested = Signal()  # "Send a template instead": the window has closed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("sendBar", parent, edge_top=True)
        # Two lines at most, whatever the text: a long error never heightens the bar (the phone
        # above would shrink) nor widens the window; the whole text is in the tooltip.
        self.status = ElidedLabel(max_lines=2)
        look.name(self.status, "sendStatus")
        self.details = QPushButton("Details…")  # only while the status is cut short
        self.details.setObjectName("sendDetails")
        self.details.setToolTip("The whole message")
        self.details.setVisible(False)
        self.details.clicked.connect(self.show_details)
        self.status.elided_changed.connect(self.details.setVisible)
        self.button = look.FilledButton("Send")  # the icon comes after the first paint: add_icon()
        look.name(self.button, "sendButton")
        self.button.setAccessibleName("Send message")
        self.button.setToolTip(SEND_TIP)
        self.button.clicked.connect(self.send_requested)
        self.template_button = QPushButton(TEMPLATE_TEXT)
        self.template_button.setObjectName("templateInsteadButton")
        self.template_button.setToolTip(
            "The 24-hour window has closed: switch to an approved template (recipient kept)"
        )
        self.template_button.clicked.connect(self.template_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(12)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.template_button)
        layout.addWidget(self.button)
        self._issues: Sequence[IssueLike] = ()
        self._window: WindowStatus | None = None
        self._kind = ""
        self._in_flight = False
        self._starting = True  # until the window's editor is usable: set_starting(False)
        self._progress: str | None = None
        self._result: tuple[str, str] | None = None
        self._refresh()

    def add_icon(self) -> None:
        """Finishing touches after the first paint: the SVG icon engine (~15 ms) and Qt's enum
        namespace (~30 ms the first time any ``Qt.*`` flag is used) stay off that path."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QIcon  # named here too: its enums take ~3 ms to make

        self.button.set_icon(QIcon("icons:send.svg"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def set_issues(self, issues: Sequence[IssueLike]) -> None:
        self._issues = tuple(issues)
        self._refresh()

    def set_window(self, status: WindowStatus | None, kind: str) -> None:
        """The recipient's 24-hour window (None: not known yet) and the kind about to be sent."""
        self._window, self._kind = status, kind
        self._refresh()

    def set_kind(self, kind: str) -> None:
        """The kind about to be sent (the window's rule depends on it: templates may go)."""
        if kind != self._kind:
            self._kind = kind
            self._refresh()

    def set_starting(self, flag: bool) -> None:
        self._starting = flag
        self._refresh()

    def set_in_flight(self, flag: bool) -> None:
        self._in_flight = flag
        self._progress = None
        self._refresh()

    def show_attempt(self, report: AttemptReport) -> None:
        """A send's attempt as it happens; shown until the send ends."""
        if self._in_flight and not report.attempt.ok:
            self._progress = report.status_text()
            self._refresh()

    def show_result(self, level: str, text: str) -> None:
        """level: "ok", "error" or "warning"; kept until the next send (or ``clear_result``)."""
        self._result = (level, text)
        self._refresh()

    def clear_result(self) -> None:
        """Forget the last result (it was about a message or recipient no longer shown)."""
        if self._result is not None:
            self._result = None
            self._refresh()

    def result(self) -> tuple[str, str] | None:
        """The last result shown, as (level, text), or None."""
        return self._result

    def show_details(self) -> None:
        """The status in full (an explained error has a next step and WhatsApp's own words)."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, "Send", self.status.text(), parent=self)
        box.exec()

    def decision(self) -> SendDecision:
        return send_decision(
            self._issues, self._window, self._kind, self._in_flight, starting=self._starting
        )

    def can_send(self) -> bool:
        return self.decision().allowed

    def _refresh(self) -> None:
        decision = self.decision()
        self.button.setEnabled(decision.allowed)
        self.template_button.setVisible(template_way_out(self._window, self._kind))
        if not decision.allowed:
            level, text = decision.level, self._progress or decision.reason or ""
        elif self._result is not None:
            level, text = self._result
        else:
            level, text = decision.level, READY_TEXT
        set_tool_tip(self.button, SEND_TIP if decision.allowed else text)
        self.status.setText(text)
        set_style_property(self.status, "level", level)
