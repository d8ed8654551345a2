"""WhatsApp markup buttons: Bold, Italic, Strikethrough and Monospace wrap the selection.

Why buttons: the markers (``*`` ``_`` ``~`` ```` ``` ````) are easy to get wrong (a space inside a
marker, a marker across a line break), and the core's ``wrap`` knows the phone's rules. The bar
only turns the cursor into offsets and applies the edit as one undo step.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QFont, QFontDatabase, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from composer.formatting import MARKER_OF, Style, wrap
from ui import look


class _Button(NamedTuple):
    style: Style
    name: str
    face: str  # the letter on the button, drawn in the style it applies
    word: str  # the word the syntax reminder shows styled


BUTTONS = (
    _Button(Style.BOLD, "Bold", "B", "bold"),
    _Button(Style.ITALIC, "Italic", "I", "italic"),
    _Button(Style.STRIKE, "Strikethrough", "S", "strike"),
    _Button(Style.MONO, "Monospace", "M", "mono"),
)


class MarkupBar(QWidget):
    """One small button per style for ``target``, then a one-line reminder of the syntax."""

    def __init__(self, target: QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self.buttons: dict[Style, QToolButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        for b in BUTTONS:
            button = QToolButton()
            button.setAutoRaise(True)  # flat until the mouse is over it
            look.name(button, "markupButton")
            button.setText(b.face)
            button.setFont(_face_font(button.font(), b.style))
            marker = MARKER_OF[b.style]
            button.setToolTip(f"{b.name}: {marker}text{marker} (wraps the selected text)")
            button.setAccessibleName(f"{b.name} (wrap the selection in {marker})")
            button.clicked.connect(lambda _c=False, s=b.style: self.apply(s))
            self.buttons[b.style] = button
            row.addWidget(button)
        self.hint = QLabel(
            "  ".join(f"{MARKER_OF[b.style]}{b.word}{MARKER_OF[b.style]}" for b in BUTTONS)
        )
        look.name(self.hint, "markupHint")
        # a reminder only: it may be cut, never widen the form past the pane
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hint.setToolTip("WhatsApp markup: select text and press a button, or type the marks")
        row.addWidget(self.hint, 1)

    def apply(self, style: Style) -> None:
        """Wrap (or unwrap) the target's selection in ``style``'s markers, then select the text."""
        editor = self._target
        text = editor.toPlainText()
        cursor = editor.textCursor()
        start = _index(text, cursor.selectionStart())
        end = _index(text, cursor.selectionEnd())
        edit = wrap(text, start, end, style)
        cursor.beginEditBlock()
        cursor.setPosition(_units(text, edit.start))
        cursor.setPosition(_units(text, edit.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(edit.insert)
        cursor.endEditBlock()
        new_text = editor.toPlainText()
        cursor.setPosition(_units(new_text, edit.select[0]))
        cursor.setPosition(_units(new_text, edit.select[1]), QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.setFocus()


def _face_font(base: QFont, style: Style) -> QFont:
    font = QFont(base)
    if style is Style.BOLD:
        font.setBold(True)
    elif style is Style.ITALIC:
        font.setItalic(True)
    elif style is Style.STRIKE:
        font.setStrikeOut(True)
    else:
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        if base.pointSizeF() > 0:
            font.setPointSizeF(base.pointSizeF())
    return font


def _index(text: str, units: int) -> int:
    """A Qt cursor position (UTF-16 code units) as an index into the Python string."""
    return len(text.encode("utf-16-le")[: 2 * units].decode("utf-16-le", errors="ignore"))


def _units(text: str, index: int) -> int:
    """An index into the Python string as a Qt cursor position (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2
