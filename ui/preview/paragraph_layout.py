"""Line breaking of one paragraph with QTextLayout, whole or continued from an earlier layout.

``lay_out`` breaks a text (or the tail of one, from a line start) into lines of a width and says,
per line, where it is and what it draws. ``continued`` lays out a long paragraph that changed
from the start of a line above the change: the lines before that are kept from the earlier
layout. A key at the end of a 4,000-character body then breaks two lines, not ninety.

Why keeping them is exact: a line's break depends only on the text from its start up to the end
of the word that does not fit, and a word longer than a line breaks anywhere. So the lines that
end before the line holding the last space before the change break as they did, with the same
text and styles. Right-to-left text is always laid out whole (its bidi runs span lines).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

import msgspec
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat, QTextLayout, QTextOption

from composer.formatting import Span, Style
from composer.limits import utf16_length
from ui.preview.themes import Theme

if TYPE_CHECKING:
    from ui.preview.text_engine import Para

Styled = tuple[tuple[int, int, frozenset[Style]], ...]
"""(start, end, styles) of a paragraph's styled runs, in UTF-16 units (Qt's positions)."""
Line = tuple[float, float, object]
"""(top, height, what the line draws): equal entries draw alike at the same width."""

LONG = 300  # UTF-16 units: a shorter paragraph (four lines or so) is laid out whole
MIN_KEPT = 3  # lines: fewer kept is not worth another piece
_RTL = "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"


@cache
def _right_to_left() -> re.Pattern[str]:
    """The scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko...), compiled
    when a long paragraph first needs it (about 1 ms, not on the way to a usable editor)."""
    return re.compile(_RTL)


class Piece(msgspec.Struct):
    """A laid-out text (or tail of one): its layout, lines, line starts and sizes."""

    layout: QTextLayout
    lines: list[Line]
    starts: list[int]
    bottom: float
    natural: float
    last: float


def styled_ranges(spans: tuple[Span, ...] | str) -> Styled:
    if isinstance(spans, str):
        return ()
    ranges = []
    start = 0
    for span in spans:
        end = start + utf16_length(span.text)
        if span.styles:
            ranges.append((start, end, span.styles))
        start = end
    return tuple(ranges)


def styles_within(styled: Styled, start: int, end: int, first: int = 0) -> tuple[Styled, int]:
    """The styles on [start, end), relative to ``start`` (part of what a line draws), and the
    index to start from for the next line: lines come in order, so each range is read once."""
    while first < len(styled) and styled[first][1] <= start:
        first += 1
    out = []
    index = first
    while index < len(styled) and styled[index][0] < end:
        a, b, styles = styled[index]
        out.append((max(a, start) - start, min(b, end) - start, styles))
        index += 1
    return tuple(out), first


def lay_out(
    font: QFont, theme: Theme, units: bytes, styled: Styled, width: float, *, rtl: bool = False,
    center: bool = False, max_lines: int = 0, offset: int = 0, top: float = 0.0,
) -> Piece:  # fmt: skip
    """Break ``units`` (UTF-16) from unit ``offset`` on into lines, the first at ``top``."""
    layout = QTextLayout(units[2 * offset :].decode("utf-16-le"), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if rtl:
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    if center:
        option.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    elif rtl:
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    else:
        option.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
    layout.setTextOption(option)
    if styled:
        layout.setFormats(_formats(theme, styled, offset))
    extra = theme.line_extra
    piece = Piece(layout, [], [], top, 0.0, 0.0)
    y, first = top, 0
    layout.beginLayout()
    while not max_lines or len(piece.lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0.0, y + extra / 2))
        piece.last = line.naturalTextWidth()
        start, length = offset + line.textStart(), line.textLength()
        styles, first = styles_within(styled, start, start + length, first)
        drawn = (units[2 * start : 2 * (start + length)], styles, piece.last, rtl, center)
        piece.lines.append((y, line.height() + extra, drawn))
        piece.starts.append(start)
        y += line.height() + extra
        piece.natural = max(piece.natural, piece.last)
    layout.endLayout()
    piece.bottom = y
    return piece


def _formats(theme: Theme, styled: Styled, offset: int) -> list[QTextLayout.FormatRange]:
    ranges: list[QTextLayout.FormatRange] = []
    for start, end, styles in styled:
        if end <= offset:
            continue
        fmt = QTextCharFormat()
        if Style.BOLD in styles:
            fmt.setFontWeight(QFont.Weight.Bold)
        if Style.ITALIC in styles:
            fmt.setFontItalic(True)
        if Style.STRIKE in styles:
            fmt.setFontStrikeOut(True)
        if Style.MONO in styles or Style.CODE in styles:
            fmt.setFontFamilies(list(theme.mono_families))
        if Style.CODE in styles:
            fmt.setBackground(QBrush(QColor(theme.code_bg)))
        if Style.LINK in styles:
            fmt.setForeground(QBrush(QColor(theme.link)))
        r = QTextLayout.FormatRange()
        r.start = max(start, offset) - offset
        r.length = end - max(start, offset)
        r.format = fmt
        ranges.append(r)
    return ranges


def continued(
    base: Para, font: QFont, theme: Theme, units: bytes, styled: Styled, width: float,
    center: bool,
) -> tuple[list[tuple[QTextLayout, int]], Piece, int] | None:  # fmt: skip
    """The pieces of ``units`` laid out from a line of ``base`` (the same paragraph before an
    edit, at the same width and options) on: (the kept pieces with how many of their lines are
    drawn, the new tail, how many lines were kept); None when it must be laid out whole."""
    if len(units) < 2 * LONG or base.width != width:
        return None
    if _right_to_left().search(units.decode("utf-16-le")):
        return None
    change = _common_prefix(base.units, units) // 2
    space = _last_space(units, change)
    keep = bisect_right(base.starts, space) - 2  # the line with the space, and the one before
    if space < 0 or keep < MIN_KEPT:
        return None
    cut = base.starts[keep]
    # the same styles up to the change: a closing "*" typed below restyles text above, and the
    # width of the word that did not fit on the last kept line decided its break
    if not _same_styles_before(base.styled, styled, change):
        return None
    top = base.lines[keep][0]
    tail = lay_out(font, theme, units, styled, width, center=center, offset=cut, top=top)
    return _first_lines(base.parts, keep), tail, keep


def _same_styles_before(a: Styled, b: Styled, end: int) -> bool:
    """``a`` and ``b`` style the units before ``end`` alike (one pass, stops at ``end``)."""
    for ra, rb in zip(a, b, strict=False):
        if ra[0] >= end and rb[0] >= end:
            return True
        if ra[0] != rb[0] or ra[2] != rb[2] or min(ra[1], end) != min(rb[1], end):
            return False
    rest = a[len(b) :] if len(a) > len(b) else b[len(a) :]
    return not rest or rest[0][0] >= end


def _common_prefix(a: bytes, b: bytes) -> int:
    """How many leading bytes ``a`` and ``b`` share (halving: each probe is one memcmp)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[:mid] == b[:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def _last_space(units: bytes, before: int) -> int:
    """The UTF-16 index of the last space before unit ``before`` (-1: none)."""
    end = 2 * before
    while (at := units.rfind(b" \x00", 0, end)) >= 0:
        if at % 2 == 0:
            return at // 2
        end = at + 1
    return -1


def _first_lines(
    parts: Sequence[tuple[QTextLayout, int]], count: int
) -> list[tuple[QTextLayout, int]]:
    """``parts`` cut down to their first ``count`` lines in all."""
    out = []
    for layout, lines in parts:
        if count <= 0:
            break
        out.append((layout, min(lines, count)))
        count -= lines
    return out
