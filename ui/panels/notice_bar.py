"""A dismissible bar above the editor for things the user must know but need not answer now.

Why a bar and not a dialog: a damaged draft or history is found while the window starts; a
modal box then would block the first screen. The bar names what happened and where the data
went, stays until closed, and stacks several notices one per line.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from ui import look


class NoticeBar(look.Bar):
    """Hidden until ``show_notice``; ``Close`` hides it and forgets the notices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("noticeBar", parent)
        self.setAccessibleName("Notices")
        self._lines: list[str] = []
        self.label = QLabel()
        self.label.setObjectName("noticeText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton()
        self.close_button.setAutoRaise(True)  # flat until the mouse is over it
        self.close_button.setText("Close")
        self.close_button.setAccessibleName("Close notices")
        self.close_button.clicked.connect(self.clear)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def notices(self) -> list[str]:
        return list(self._lines)

    def show_notice(self, text: str) -> None:
        if text in self._lines:
            return
        self._lines.append(text)
        self.label.setText("\n".join(self._lines))
        self.show()

    def clear(self) -> None:
        self._lines = []
        self.label.clear()
        self.hide()
