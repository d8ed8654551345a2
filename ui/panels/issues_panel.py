"""The issues list: every error and warning of the message; clicking one focuses its field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from composer.validation import Issue

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class IssuesPanel(QWidget):
    """Errors first (red icon), then warnings (amber icon); ``path_activated(path)`` on click."""

    path_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("issuesSummary")
        self.list = QListWidget()
        self.list.setObjectName("issuesList")
        self.list.setAccessibleName("Issues")
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.itemActivated.connect(self._activate)
        self.list.itemClicked.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.set_issues([])

    def set_issues(self, issues: Sequence[Issue]) -> None:
        self.list.clear()
        errors = [i for i in issues if str(i.severity) == "error"]
        warnings = [i for i in issues if str(i.severity) != "error"]
        for issue in [*errors, *warnings]:
            error = str(issue.severity) == "error"
            item = QListWidgetItem(
                QIcon("icons:error.svg" if error else "icons:warning.svg"),
                f"{issue.message}\n{issue.path}  ·  {issue.rule}",
            )
            item.setData(PATH_ROLE, issue.path)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{issue.severity}: {issue.message}")
            item.setToolTip("Click to go to the field")
            self.list.addItem(item)
        if not issues:
            self.summary.setText("No issues: the message follows every rule the composer knows.")
        else:
            self.summary.setText(f"{len(errors)} error(s), {len(warnings)} warning(s)")
        self.summary.setProperty("level", "error" if errors else "warning" if warnings else "ok")
        from ui.restyle import restyle

        restyle(self.summary)

    def paths(self) -> list[str]:
        return [str(self.list.item(i).data(PATH_ROLE)) for i in range(self.list.count())]

    def _activate(self, item: QListWidgetItem) -> None:
        self.path_activated.emit(str(item.data(PATH_ROLE)))
