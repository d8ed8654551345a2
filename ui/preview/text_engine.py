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
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPixmap,
    QTextLayout,
)

from composer.formatting import Span
from ui.preview.fonts import ensure_platform_font
from ui.preview.paragraph_layout import LONG, Line, Styled, continued, lay_out, styled_ranges
from ui.preview.themes import Theme

PIXMAP_PAD = 4  # margin around a pre-rendered paragraph (italic overhang, tall emoji)

Role = Literal[
    "body", "bold", "footer", "time", "button", "small", "small_bold", "name", "section", "mono"
]


class Para(msgspec.Struct, eq=False):
    """One laid-out paragraph: the QTextLayout pieces to draw plus the sizes the layout needs.

    ``parts`` are (layout, how many of its first lines are drawn): one piece for a paragraph
    laid out whole, more for a long one continued from an earlier layout of it
    (``paragraph_layout.continued``)."""

    parts: tuple[tuple[QTextLayout, int], ...]
    width: float
    height: float
    natural_width: float
    last_line_width: float
    line_count: int
    # Per line: (top, height, what is drawn on it). Two paragraphs of the same width draw a line
    # with equal entries alike, so a repaint after a keystroke covers only the lines it changed.
    lines: tuple[Line, ...] = ()
    starts: tuple[int, ...] = ()  # each line's first UTF-16 unit
    units: bytes = b""  # the text, UTF-16 (what a continued layout compares with)
    styled: Styled = ()
    pixmaps: dict[tuple[str, float], QPixmap] = msgspec.field(default_factory=dict)
    draws: int = 0

    @property
    def layout(self) -> QTextLayout:
        """The QTextLayout of a paragraph laid out in one piece (eliding and tests read it)."""
        assert len(self.parts) == 1, "a continued paragraph has more than one layout"
        return self.parts[0][0]

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        """Draws the lines that the painter's clip shows (a long body scrolled in the chat has
        most of its lines outside it; QTextLayout skips the lines outside the rect it is given)."""
        origin = QPointF(x, y)
        clip = painter.clipBoundingRect() if painter.hasClipping() else None
        for layout, count in self.parts:
            if count == layout.lineCount():
                if clip is not None:
                    layout.draw(painter, origin, [], clip)
                else:
                    layout.draw(painter, origin)
                continue
            for index in range(count):
                line = layout.lineAt(index)
                top = y + line.y()
                if clip is None or (top < clip.bottom() and top + line.height() > clip.top()):
                    line.draw(painter, origin)

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
            self.draw(p, PIXMAP_PAD, PIXMAP_PAD)
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
        # the last long paragraph laid out per (theme, role, width, alignment)
        self._recent: dict[tuple[object, ...], Para] = {}

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
        units = text.encode("utf-16-le")  # Qt positions count UTF-16 units
        styled = styled_ranges(spans)
        font = self.fonts.get(theme, role)
        config = (theme.key, role, width, center)
        base = self._recent.get(config) if not rtl and not max_lines else None
        found = continued(base, font, theme, units, styled, width, center) if base else None
        if found is not None:
            kept, piece, count = found
            assert base is not None
            parts = (*kept, (piece.layout, len(piece.lines)))
            lines = (*base.lines[:count], *piece.lines)
            starts = (*base.starts[:count], *piece.starts)
            natural = max([piece.natural, *(_natural(line) for line in base.lines[:count])])
        else:
            piece = lay_out(
                font, theme, units, styled, width, rtl=rtl, center=center, max_lines=max_lines
            )
            parts, lines = ((piece.layout, len(piece.lines)),), tuple(piece.lines)
            starts, natural = tuple(piece.starts), piece.natural
        para = Para(
            parts, width, piece.bottom, natural, piece.last, len(lines), lines, starts, units,
            styled,
        )  # fmt: skip
        if not rtl and not max_lines and len(units) >= 2 * LONG:
            self._recent[config] = para  # what the next edit of it continues from
        return para


def _natural(line: Line) -> float:
    """A line's natural width (kept in what it draws: ``paragraph_layout.lay_out``)."""
    drawn = line[2]
    assert isinstance(drawn, tuple)
    return float(drawn[2])
