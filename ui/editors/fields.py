"""Reusable field controls: a labelled input with its ``n/limit`` counter and its issue line.

Every editor is assembled from these, so counters, colours, error marks and focus behave the same
everywhere. A control never decides whether a value is valid: the counter only compares a count
with the ``composer.limits`` entry it was given, and errors come from ``check()`` via the session.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from composer.limits import Limit, char_count
from ui import look
from ui.fill import fill_rect
from ui.height_guard import GuardedVBoxLayout
from ui.restyle import set_style_property, set_tool_tip

if TYPE_CHECKING:
    from composer.validation.check import Issue

LABEL_WIDTH = 132
COUNTER_WIDTH = 60


_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse


class IssueLine(QLabel):
    """The one-line message under a field: red for errors, amber for warnings, hidden otherwise.

    Its text can be selected with the mouse (to paste a rule into a ticket), but the label turns
    selectable only at the first press on it, and plain again with a new text: a selectable
    ``QLabel`` keeps a text document that is laid out again for every text, 0.3 ms on each key
    that changes a count in the message ("Body is 1031 characters ...").
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        look.name(self, "issueLine")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.IBeamCursor)  # what a selectable label shows
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if not self.textInteractionFlags() & _SELECTABLE:
            self.setTextInteractionFlags(_SELECTABLE)
        super().mousePressEvent(event)

    def setText(self, text: str) -> None:
        if text != self.text():
            self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            super().setText(text)

    def show_issues(self, issues: Sequence[Issue]) -> str:
        """Show the worst issue first; returns the level ("error", "warning" or "")."""
        if not issues:
            self.hide()
            self.setText("")
            return ""
        ordered = sorted(issues, key=lambda i: 0 if i.is_error else 1)
        level = "error" if ordered[0].is_error else "warning"
        self.setText("\n".join(i.message for i in ordered))
        set_style_property(self, "level", level)
        self.show()
        return level


class Counter(QLabel):
    """The ``n/limit`` counter: a fixed size (the width given, the height of one line), so a new
    number repaints the counter alone instead of re-laying out the field and its parents (Qt's
    ``updateGeometry`` stops at a widget whose size cannot change).

    The size follows the counter's font (``ui.look`` gives it when the counter is named; it is
    fixed again at the polish, before it is first shown and laid out); sizes are shared by every
    counter with the same font and widest text (a form has a dozen counters and a handful of
    limits)."""

    def __init__(self, width: int, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self._width = width
        self._widest = ""
        look.name(self, "counter")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def fit(self, widest: str) -> None:
        """Wide enough for ``widest`` in bold (the near/over look), e.g. "4096/4096": a count
        of four digits was cut to ".100/4096" in the fixed width."""
        self._widest = widest
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            self._fix_size()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() in (QEvent.Type.Polish, QEvent.Type.FontChange):
            self._fix_size()  # the font is final from the polish on
        return handled

    def _fix_size(self) -> None:
        line, text = _counter_metrics(self.font(), self._widest)
        margins, margin = self.contentsMargins(), self.margin()
        width = max(self._width, text + margins.left() + margins.right() + 2 * margin + 2)
        self.setFixedSize(width, line + 2 * margin + margins.top() + margins.bottom())


_METRICS: dict[tuple[str, str], tuple[int, int]] = {}


def _counter_metrics(font: QFont, widest: str) -> tuple[int, int]:
    """(line height, width of ``widest`` in bold) in ``font``, computed once per pair."""
    key = (font.key(), widest)
    known = _METRICS.get(key)
    if known is None:
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        text = QFontMetrics(bold).horizontalAdvance(widest) if widest else 0
        known = _METRICS[key] = (QFontMetrics(font).height(), text)
    return known


class Markable(QWidget):
    """A widget that can show the issues for its JSON path and take the focus for them."""

    changed = Signal()

    def show_issues(self, issues: Sequence[Issue]) -> None:
        raise NotImplementedError

    def focus_field(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)


class FieldRow(Markable):
    """Label | input | counter on one line, the issue line underneath (aligned with the input).

    The row paints its own background (its container's colour: it inherits the palette of the
    card, bar or page it is in, ``ui.look``) and tells Qt so (``WA_OpaquePaintEvent``): a key
    that changes the input or the counter repaints this row, not every pane under it up to the
    window.
    """

    def __init__(
        self, label: str, input_widget: QWidget, parent: QWidget | None = None, *, top: bool = False
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._input = input_widget
        self.label = QLabel(label)
        look.name(self.label, "fieldLabel")
        self.label.setFixedWidth(LABEL_WIDTH)
        self.label.setBuddy(input_widget)
        self.counter = Counter(COUNTER_WIDTH)
        self.issue_line = IssueLine()
        # a new issue text of the same height (a count that changes per key) moves nothing
        grid = GuardedVBoxLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(8)
        align = Qt.AlignmentFlag.AlignTop if top else Qt.AlignmentFlag.AlignVCenter
        row.addWidget(self.label, 0, align)
        row.addWidget(input_widget, 1)
        row.addWidget(self.counter, 0, align)
        grid.addLayout(row)
        under = QHBoxLayout()
        under.setContentsMargins(LABEL_WIDTH + 8, 0, COUNTER_WIDTH + 8, 0)
        under.addWidget(self.issue_line)
        grid.addLayout(under)
        input_widget.setAccessibleName(label.rstrip(" *:"))

    @property
    def input(self) -> QWidget:
        return self._input

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent):  # else Qt paints under it
            fill_rect(QPainter(self), event.rect(), self.palette().window())

    def show_issues(self, issues: Sequence[Issue]) -> None:
        level = self.issue_line.show_issues(issues)
        set_style_property(self._input, "issue", level)

    def focus_field(self) -> None:
        self._input.setFocus(Qt.FocusReason.OtherFocusReason)


class TextField(FieldRow):
    """A single- or multi-line text input with a live ``n/limit`` counter from composer.limits."""

    def __init__(
        self,
        label: str,
        limit: Limit | None = None,
        *,
        placeholder: str = "",
        multiline: bool = False,
        lines: int = 4,
        parent: QWidget | None = None,
    ) -> None:
        editor: QLineEdit | QPlainTextEdit
        if multiline:
            editor = QPlainTextEdit()
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(placeholder)
            height = QFontMetrics(editor.font()).lineSpacing() * lines + 14
            editor.setFixedHeight(height)
            editor.textChanged.connect(self._on_edit)
        else:
            editor = QLineEdit()
            editor.setPlaceholderText(placeholder)
            editor.textChanged.connect(self._on_edit)
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        super().__init__(label, editor, parent, top=multiline)
        self._editor = editor
        self.limit = limit
        if limit is not None:
            self.counter.fit(f"{limit.maximum}/{limit.maximum}")
        self._update_counter()

    def text(self) -> str:
        if isinstance(self._editor, QPlainTextEdit):
            return self._editor.toPlainText()
        return self._editor.text()

    def set_text(self, text: str) -> None:
        """Load a value without emitting ``changed`` (drafts and imports)."""
        with QSignalBlocker(self._editor):
            if isinstance(self._editor, QPlainTextEdit):
                self._editor.setPlainText(text)
            else:
                self._editor.setText(text)
                self._editor.setCursorPosition(0)  # show the start of a long loaded value
        self._update_counter()

    @property
    def editor(self) -> QLineEdit | QPlainTextEdit:
        return self._editor

    def _on_edit(self) -> None:
        self._update_counter()
        self.changed.emit()

    def count(self) -> int:
        """What the counter counts: this field's characters (a template variable counts the
        text it is filled into)."""
        return char_count(self.text())

    def refresh_counter(self) -> None:
        self._update_counter()

    def _update_counter(self) -> None:
        if self.limit is None:
            return
        n = self.count()
        self.counter.setText(f"{n}/{self.limit.maximum}")
        level = "over" if self.limit.is_over(n) else "near" if self.limit.is_near(n) else "ok"
        # the count is on the counter itself: a tooltip without it is set once, not every key
        set_tool_tip(
            self.counter, f"{self.limit.label}: at most {self.limit.maximum} {self.limit.unit}"
        )
        set_style_property(self.counter, "level", level)


class ChoiceField(FieldRow):
    """A labelled combo box whose items carry string values."""

    def __init__(
        self, label: str, choices: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        combo = QComboBox()
        for text, value in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        super().__init__(label, combo, parent)
        self.combo = combo

    def value(self) -> str:
        return str(self.combo.currentData())

    def set_value(self, value: str) -> None:
        with QSignalBlocker(self.combo):
            index = self.combo.findData(value)
            self.combo.setCurrentIndex(max(index, 0))


class CountBadge(Markable):
    """An aggregate counter such as ``Buttons 2/3`` or ``Rows in total 7/10``, plus its issues."""

    def __init__(self, limit: Limit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = limit
        self.badge = QLabel()
        look.name(self.badge, "countBadge")
        self.issue_line = IssueLine()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.badge)
        layout.addWidget(self.issue_line)
        self.set_count(0)

    def set_count(self, n: int) -> None:
        self.badge.setText(f"{self.limit.label} {n}/{self.limit.maximum}")
        over = self.limit.is_over(n) or self.limit.is_under(n)
        level = "over" if over else "near" if n >= self.limit.maximum else "ok"
        self.badge.setAccessibleName(self.badge.text())
        set_style_property(self.badge, "level", level)

    def show_issues(self, issues: Sequence[Issue]) -> None:
        self.issue_line.show_issues(issues)


def section_title(text: str) -> QLabel:
    label = QLabel(text)
    look.name(label, "sectionTitle")
    return label
