"""A tool button that draws its glyph (a chevron, a cross) with QPainter instead of an icon.

The move and remove buttons of every item card are on the first screen of most kinds. As SVG
icons (``QIcon``) they cost the editor's start about 5 ms: QIcon's Python enums (its
``ThemeIcon`` has 151 members) and the SVG icon-engine plugin. Strokes on a 24-unit grid, as
the SVGs they replace were drawn; the colour is the button's palette text colour (``ui.look``
dresses the move and remove buttons), paler when disabled.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QToolButton, QWidget

Stroke = tuple[tuple[float, float], ...]
Glyph = tuple[Stroke, ...]

GRID: Final = 24.0
UP: Final[Glyph] = (((6, 14), (12, 8), (18, 14)),)
DOWN: Final[Glyph] = (((6, 10), (12, 16), (18, 10)),)
CROSS: Final[Glyph] = (((7, 7), (17, 17)), ((17, 7), (7, 17)))
DISABLED_ALPHA: Final = 0.5  # about the look of the disabled pixmap QIcon made for the SVGs


class GlyphButton(QToolButton):
    """An auto-raise tool button showing ``glyph``; ``text`` is its tooltip and accessible name."""

    def __init__(self, glyph: Glyph, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.glyph = glyph
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.setAutoRaise(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)  # the style's panel: the hover background and the focus frame
        side = min(self.iconSize().width(), self.iconSize().height())
        scale = side / GRID
        left, top = (self.width() - side) / 2, (self.height() - side) / 2
        color = self.palette().color(QPalette.ColorRole.ButtonText)
        if not self.isEnabled():
            color.setAlphaF(color.alphaF() * DISABLED_ALPHA)
        pen = QPen(color, 2 * scale)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(pen)
        for stroke in self.glyph:
            (x0, y0), *rest = stroke
            path = QPainterPath(QPointF(left + x0 * scale, top + y0 * scale))
            for x, y in rest:
                path.lineTo(left + x * scale, top + y * scale)
            p.drawPath(path)
        p.end()
