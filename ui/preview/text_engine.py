"""Paragraph layout with QTextLayout, cached so a keystroke re-lays-out only the line it changed.

Every paragraph of the preview (a body line, a footer, a button label) goes through
``TextEngine.paragraph``; the cache key holds everything that changes the result (text, styles,
width, font, direction, colours used by formats), so an unchanged paragraph costs a dict lookup.
Long words wrap anywhere, like on the phone (``WrapAtWordBoundaryOrAnywhere``).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Literal

import msgspec
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPixmap,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from composer.formatting import Span, Style
from composer.limits import utf16_length
from ui.preview.fonts import ensure_platform_font
from ui.preview.themes import Theme

PIXMAP_PAD = 4  # margin around a pre-rendered paragraph (italic overhang, tall emoji)

Role = Literal[
    "body", "bold", "footer", "time", "button", "small", "small_bold", "name", "section", "mono"
]


class Para(msgspec.Struct, eq=False):
    """One laid-out paragraph: the QTextLayout to draw plus the sizes the layout needs."""

    layout: QTextLayout
    width: float
    height: float
    natural_width: float
    last_line_width: float
    line_count: int
    # Per line: (top, height, what is drawn on it). Two paragraphs of the same width draw a line
    # with equal entries alike, so a repaint after a keystroke covers only the lines it changed.
    lines: tuple[tuple[float, float, object], ...] = ()
    pixmaps: dict[tuple[str, float], QPixmap] = msgspec.field(default_factory=dict)
    draws: int = 0

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        """Draws the lines that the painter's clip shows (a long body scrolled in the chat has
        most of its lines outside it; QTextLayout skips the lines outside the rect it is given)."""
        if painter.hasClipping():
            self.layout.draw(painter, QPointF(x, y), [], painter.clipBoundingRect())
        else:
            self.layout.draw(painter, QPointF(x, y))

    def pixmap(self, color: QColor, key: str, dpr: float) -> QPixmap:
        """The paragraph pre-rendered (transparent background, ``PIXMAP_PAD`` margin).

        Drawing a cached pixmap costs a blit; QTextLayout.draw with colour emoji costs much
        more, and most paragraphs do not change between two keystrokes.
        """
        pm = self.pixmaps.get((key, dpr))
        if pm is None:
            w = int((self.width + 2 * PIXMAP_PAD) * dpr + 1)
            h = int((self.height + 2 * PIXMAP_PAD) * dpr + 1)
            pm = QPixmap(max(1, w), max(1, h))
            pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.transparent)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(color)
            self.layout.draw(p, QPointF(PIXMAP_PAD, PIXMAP_PAD))
            p.end()
            self.pixmaps[(key, dpr)] = pm
        return pm


class Fonts:
    """QFont objects per theme and role; families include the colour-emoji font as fallback."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], QFont] = {}

    def get(self, theme: Theme, role: Role) -> QFont:
        key = (theme.key, role)
        font = self._cache.get(key)
        if font is None:
            font = self._make(theme, role)
            self._cache[key] = font
        return font

    @staticmethod
    def _make(theme: Theme, role: Role) -> QFont:
        ensure_platform_font(theme.platform)  # the first layout of a platform loads its font
        font = QFont()
        families = theme.mono_families if role == "mono" else theme.font_families
        font.setFamilies(list(families))
        size = {
            "body": theme.body_px,
            "bold": theme.body_px,
            "footer": theme.footer_px,
            "time": theme.time_px,
            "button": theme.button_px,
            "small": theme.footer_px,
            "small_bold": theme.footer_px,
            "name": theme.name_px,
            "section": theme.section_px,
            "mono": theme.body_px,
        }[role]
        font.setPixelSize(size)
        if role in ("bold", "small_bold", "name"):
            font.setWeight(QFont.Weight.Bold)
        elif role == "button":
            font.setWeight(QFont.Weight.Medium)
        font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
        return font


class TextEngine:
    """Lays out paragraphs and remembers them (LRU, bounded)."""

    def __init__(self, capacity: int = 4096) -> None:
        self.fonts = Fonts()
        self._cache: OrderedDict[tuple[object, ...], Para] = OrderedDict()
        self._capacity = capacity
        self._elided: dict[tuple[object, ...], str] = {}
        self.misses = 0  # how many paragraphs were actually laid out (for tests and profiling)

    def paragraph(
        self,
        theme: Theme,
        role: Role,
        spans: tuple[Span, ...] | str,
        width: float,
        *,
        rtl: bool = False,
        center: bool = False,
        max_lines: int = 0,
    ) -> Para:
        width = max(1.0, float(int(width)))
        if max_lines == 1 and isinstance(spans, str):
            spans = self.elide(theme, role, spans, width)
        elif max_lines > 1 and isinstance(spans, str):
            spans = self.elide_lines(theme, role, spans, width, max_lines)
        key = (theme.key, role, spans, width, rtl, center, max_lines)
        para = self._cache.get(key)
        if para is not None:
            self._cache.move_to_end(key)
            return para
        self.misses += 1
        para = self._layout(theme, role, spans, width, rtl, center, max_lines)
        self._cache[key] = para
        if len(self._cache) > self._capacity:
            self._cache.popitem(last=False)
        return para

    def elide(self, theme: Theme, role: Role, text: str, width: float) -> str:
        """``text`` shortened with an ellipsis to fit one line of ``width`` (names, quotes)."""
        key = ("elide", theme.key, role, text, int(width))
        cached = self._elided.get(key)
        if cached is None:
            metrics = QFontMetricsF(self.fonts.get(theme, role))
            cached = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            if len(self._elided) > 1024:
                self._elided.clear()
            self._elided[key] = cached
        return cached

    def elide_lines(self, theme: Theme, role: Role, text: str, width: float, max_lines: int) -> str:
        """``text`` cut to ``max_lines`` wrapped lines, the last one ending in an ellipsis.

        Without this a card title that needs three lines simply lost its end ("... catalog on").
        """
        key = ("elide_lines", theme.key, role, text, int(width), max_lines)
        cached = self._elided.get(key)
        if cached is not None:
            return cached
        full = self._layout(theme, role, text, width, False, False, max_lines + 1)
        cached = text
        if full.line_count > max_lines:
            start = full.layout.lineAt(max_lines - 1).textStart()  # in UTF-16 units
            units = text.encode("utf-16-le")
            head = units[: 2 * start].decode("utf-16-le")
            tail = units[2 * start :].decode("utf-16-le").replace("\n", " ")
            metrics = QFontMetricsF(self.fonts.get(theme, role))
            last = metrics.elidedText(tail + "\u2026", Qt.TextElideMode.ElideRight, width)
            cached = head + last
        if len(self._elided) > 1024:
            self._elided.clear()
        self._elided[key] = cached
        return cached

    def _layout(
        self,
        theme: Theme,
        role: Role,
        spans: tuple[Span, ...] | str,
        width: float,
        rtl: bool,
        center: bool,
        max_lines: int,
    ) -> Para:
        text = spans if isinstance(spans, str) else "".join(s.text for s in spans)
        font = self.fonts.get(theme, role)
        layout = QTextLayout(text, font)
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
        if not isinstance(spans, str):
            layout.setFormats(self._formats(theme, spans))
        extra = theme.line_extra
        y = 0.0
        natural = 0.0
        last = 0.0
        count = 0
        units = text.encode("utf-16-le")  # Qt positions count UTF-16 units
        styled = _styled_ranges(spans)
        first = 0
        lines: list[tuple[float, float, object]] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0.0, y + extra / 2))
            last = line.naturalTextWidth()
            start, length = line.textStart(), line.textLength()
            styles, first = _styles_within(styled, start, start + length, first)
            drawn = (
                units[2 * start : 2 * (start + length)],
                styles,
                last,
                rtl,
                center,
            )
            lines.append((y, line.height() + extra, drawn))
            y += line.height() + extra
            natural = max(natural, last)
            count += 1
            if max_lines and count >= max_lines:
                break
        layout.endLayout()
        return Para(layout, width, y, natural, last, count, tuple(lines))

    def _formats(self, theme: Theme, spans: tuple[Span, ...]) -> list[QTextLayout.FormatRange]:
        ranges: list[QTextLayout.FormatRange] = []
        start = 0
        for span in spans:
            length = utf16_length(span.text)  # Qt positions count UTF-16 units
            if span.styles:
                fmt = QTextCharFormat()
                styles = span.styles
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
                r.start = start
                r.length = length
                r.format = fmt
                ranges.append(r)
            start += length
        return ranges


def _styled_ranges(spans: tuple[Span, ...] | str) -> list[tuple[int, int, frozenset[Style]]]:
    """(start, end, styles) of the styled spans, in UTF-16 units."""
    if isinstance(spans, str):
        return []
    ranges = []
    start = 0
    for span in spans:
        end = start + utf16_length(span.text)
        if span.styles:
            ranges.append((start, end, span.styles))
        start = end
    return ranges


def _styles_within(
    styled: list[tuple[int, int, frozenset[Style]]], start: int, end: int, first: int = 0
) -> tuple[tuple[tuple[int, int, frozenset[Style]], ...], int]:
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
