"""A label that never widens or heightens its pane: its text wraps to at most ``max_lines`` lines
and the last one is elided ("…"), the whole text in the tooltip.

A plain ``QLabel`` asks for the width of its text (or, word-wrapped, for more lines as the text
grows), so a long status or error line widened the window or re-balanced its panes. This one
asks for a fixed height (``max_lines`` lines) and a small minimum width whatever it shows.
``text()`` is the full text, as given to ``setText``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_CHARS = 12  # the minimum width, in average characters


def fit_lines(text: str, font: QFont, width: int, max_lines: int) -> tuple[list[str], bool]:
    """``text`` broken into lines of at most ``width`` pixels, at most ``max_lines`` of them, the
    last one elided when the text does not fit; and whether it was."""
    metrics = QFontMetrics(font)
    width = max(width, 1)
    out: list[str] = []
    paragraphs = text.split("\n")
    for p_index, paragraph in enumerate(paragraphs):
        layout = QTextLayout(paragraph, font)
        layout.beginLayout()
        try:
            while (line := layout.createLine()).isValid():
                line.setLineWidth(width)
                start, length = line.textStart(), line.textLength()
                if len(out) == max_lines - 1:
                    rest = paragraph[start:]
                    if p_index < len(paragraphs) - 1:  # later paragraphs follow on this line
                        rest = " ".join([rest, *paragraphs[p_index + 1 :]]).strip()
                    last = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
                    return [*out, last], last != rest
                out.append(paragraph[start : start + length].rstrip())
        finally:
            layout.endLayout()
    return out, False


class ElidedLabel(QLabel):
    """Plain text in at most ``max_lines`` lines; elided with the full text as tooltip.

    ``elided_changed(bool)`` when the text starts or stops being cut (an owner may offer the
    whole text another way, e.g. a Details button)."""

    elided_changed = Signal(bool)

    def __init__(self, text: str = "", max_lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._lines = max(1, max_lines)
        self._tip = ""  # a tooltip set by the owner (shown when the text is not elided)
        self._elided = False
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setText(text)

    # --- the full text --------------------------------------------------------------------------
    def setText(self, text: str) -> None:
        if text == self._full and super().text():
            return
        self._full = text
        self.setAccessibleDescription(text)
        self._fit()

    def text(self) -> str:
        return self._full

    def set_tip(self, tip: str) -> None:
        """The tooltip when the whole text shows (when elided, the tooltip is the full text)."""
        self._tip = tip
        self._fit()

    def is_elided(self) -> bool:
        return self._elided

    # --- sizes ----------------------------------------------------------------------------------
    def _height(self) -> int:
        margins = self.contentsMargins()
        return self.fontMetrics().lineSpacing() * self._lines + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(p) for p in self._full.split("\n")), default=0)
        margins = self.contentsMargins()  # a badge's padding is in them
        return QSize(min(longest + 2, 600) + margins.left() + margins.right(), self._height())

    def minimumSizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().averageCharWidth() * MIN_CHARS
        return QSize(width + margins.left() + margins.right(), self._height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
            self.updateGeometry()  # a new font or style changes the sizes

    def _fit(self) -> None:
        width = self.contentsRect().width()
        was = self._elided
        lines, self._elided = fit_lines(self._full, self.font(), width, self._lines)
        shown = "\n".join(lines)
        if super().text() != shown:
            super().setText(shown)
        self.setToolTip(self._full if self.is_elided() else self._tip)
        self.setFixedHeight(self._height())
        if self._elided != was:
            self.elided_changed.emit(self._elided)
