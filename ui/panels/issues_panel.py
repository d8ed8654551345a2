"""The issues list: every error and warning of the message, in full; clicking one focuses its field.

Each issue is a row of wrapped labels (never elided: a support agent must read the whole
sentence), with the field's JSON path on its own line. Long paths get break opportunities after
dots and brackets so they wrap instead of being cut at the panel's edge.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui import look
from ui.fill import fill_rect
from ui.height_guard import GuardedHBoxLayout
from ui.restyle import set_style_property, set_tool_tip

if TYPE_CHECKING:
    from composer.validation.check import Issue

_BREAK = "\u200b"  # zero-width space: lets a long JSON path wrap after "." and "["


def breakable(path: str) -> str:
    return path.replace(".", "." + _BREAK).replace("[", _BREAK + "[")


def _level(issue: Issue) -> str:
    return "error" if issue.is_error else "warning"


def _key(issue: Issue | None) -> tuple[str, str] | None:
    """What makes a row the same row as the message changes: the field and the rule."""
    return None if issue is None else (issue.path, issue.rule)


Opcode = tuple[str, int, int, int, int]


def _opcodes(
    old: list[tuple[str, str] | None], new: list[tuple[str, str] | None]
) -> Sequence[Opcode]:
    """How ``new`` differs from ``old``, as ``difflib`` says it. A key changes the message, not
    the keys, and the start fills an empty list: those are answered without ``difflib`` (named
    late, 2 ms of imports)."""
    if old == new:
        return [("equal", 0, len(old), 0, len(new))] if old else []
    if not old or not new:
        return [("replace", 0, len(old), 0, len(new))]
    from difflib import SequenceMatcher

    return SequenceMatcher(None, old, new, autojunk=False).get_opcodes()


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


ROW_FOCUS = "#e8f0fe"  # an issue row with the keyboard focus
ROW_LINE = "#eceef1"  # the line between rows


class IssueRow(QFrame):
    """One issue; click, Enter or Space emits ``activated(path)``.

    The row draws its background itself (paler under the mouse, blue-tinted with the focus, a
    line under it) and tells Qt it is opaque
    (``WA_OpaquePaintEvent``): a message that changes per key (a count in it) repaints this row,
    not the panel and every pane under it up to the window.
    """

    activated = Signal(str)
    issue: Issue | None = None  # the one shown

    def __init__(self, issue: Issue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.level = _level(issue)
        look.name(self, "issueRow")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)  # a repaint as the mouse comes and goes
        self.setProperty("level", self.level)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        from PySide6.QtGui import QIcon  # named late: its enums take ~3 ms to make

        icon = QLabel()
        name = "icons:error.svg" if self.level == "error" else "icons:warning.svg"
        icon.setPixmap(QIcon(name).pixmap(18, 18))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setFixedWidth(22)
        self.message = QLabel()
        self.message.setObjectName("issueMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.path_label = QLabel()
        look.name(self.path_label, "issuePath")
        self.path_label.setWordWrap(True)
        self.path_label.setTextFormat(Qt.TextFormat.PlainText)
        text = QVBoxLayout()
        text.setContentsMargins(0, 0, 0, 0)
        text.setSpacing(2)
        text.addWidget(self.message)
        text.addWidget(self.path_label)
        row = self._guard = GuardedHBoxLayout(self)  # a new text of the same height: no move
        row.setContentsMargins(8, 7, 8, 7)
        row.setSpacing(8)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(text, 1)
        self.show_issue(issue)

    def show_issue(self, issue: Issue) -> None:
        """Show another issue of the same severity in this row (cheaper than a new row); the
        same issue again changes nothing (one row of twenty changes on a key)."""
        if issue == self.issue:
            return
        before, self.issue = self.issue, issue
        self.path = issue.path
        self.setAccessibleName(f"{issue.severity}: {issue.message}")
        self.message.setText(issue.message)
        if _key(before) != _key(issue):
            self.setAccessibleDescription(f"Field {issue.path}, rule {issue.rule}")
            self.setToolTip(f"Rule {issue.rule} · click to go to the field")
            self.path_label.setText(breakable(issue.path))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._guard.note_shown()  # a new row is placed before it is shown (Qt shows it later)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent):  # else Qt draws it
            if self.hasFocus():
                fill = look.colour(ROW_FOCUS)
            else:
                fill = look.colour("surface_alt" if self.underMouse() else "surface")
            painter = QPainter(self)
            fill_rect(painter, event.rect(), fill)
            line = self.rect()
            line.setTop(line.bottom())
            fill_rect(painter, line, look.colour(ROW_LINE))
            painter.end()
        super().paintEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.activated.emit(self.path)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.path)
            return
        super().keyPressEvent(event)


class IssuesPanel(QWidget):
    """Errors first (red icon), then warnings (amber icon); ``path_activated(path)`` on click."""

    path_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        look.name(self.summary, "issuesSummary")
        self.summary.setWordWrap(True)
        self.rows: list[IssueRow] = []
        self._shown: list[Issue] | None = None
        self._inner = QWidget()
        look.name(self._inner, "issuesInner")
        self._column = QVBoxLayout(self._inner)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._column.setSpacing(0)
        self._column.addStretch(1)
        self.area = QScrollArea()
        self.area.setObjectName("issuesList")
        self.area.setAccessibleName("Issues")
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(self._inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addWidget(self.summary)
        layout.addWidget(self.area, 1)
        layout.addStretch(0)
        self.set_issues([])

    def set_issues(self, issues: Sequence[Issue]) -> None:
        """Show ``issues``; runs on every keystroke, so unchanged rows are kept, not rebuilt."""
        errors = [i for i in issues if i.is_error]
        warnings = [i for i in issues if not i.is_error]
        ordered = [*errors, *warnings]
        if ordered == self._shown:
            return
        self._shown = ordered
        self._update_rows(ordered)
        self.area.setVisible(bool(issues))  # no empty white box under "No issues"
        if not issues:
            self.summary.setText("No issues: the message follows every rule the composer knows.")
        else:
            parts = [plural(len(errors), "error")] if errors else []
            parts += [plural(len(warnings), "warning")] if warnings else []
            self.summary.setText(" and ".join(parts))
        set_tool_tip(self.summary, "Click an issue to go to its field" if issues else "")
        level = "error" if errors else "warning" if warnings else "ok"
        set_style_property(self.summary, "level", level)

    def _update_rows(self, ordered: list[Issue]) -> None:
        """Make the rows show ``ordered``, touching as few as it takes: an issue that comes or
        goes inserts or removes its row (the others keep theirs, not re-shown one place down:
        that re-measured every row's text), a row still on the same field and rule only takes
        the new message, and a row of the same severity takes over another issue in place."""
        rows = self.rows
        opcodes = _opcodes([_key(row.issue) for row in rows], [_key(i) for i in ordered])
        kept: list[IssueRow] = []
        for op, a0, a1, b0, b1 in opcodes:
            if op == "equal" or (op == "replace" and a1 - a0 == b1 - b0):
                for row, issue in zip(rows[a0:a1], ordered[b0:b1], strict=True):
                    if row.level == _level(issue):
                        row.show_issue(issue)
                        kept.append(row)
                    else:
                        kept.append(self._new_row(issue, replacing=row))
                continue
            for row in rows[a0:a1]:  # removed (or replaced by another number of rows)
                self._column.removeWidget(row)
                row.deleteLater()
            for issue in ordered[b0:b1]:
                kept.append(self._new_row(issue))
                self._column.insertWidget(len(kept) - 1, kept[-1])
        self.rows = kept

    def _new_row(self, issue: Issue, replacing: IssueRow | None = None) -> IssueRow:
        row = IssueRow(issue)
        row.activated.connect(self.path_activated)
        if replacing is not None:  # a row of the other severity: its place, a new look
            self._column.replaceWidget(replacing, row)
            replacing.deleteLater()
        return row

    def count(self) -> int:
        return len(self.rows)

    def paths(self) -> list[str]:
        return [row.path for row in self.rows]

    def activate(self, index: int) -> None:
        """What a click on row ``index`` does (for keyboard users and tests)."""
        self.rows[index].activated.emit(self.rows[index].path)
