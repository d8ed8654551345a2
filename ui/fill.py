"""``fill_rect``: what ``QPainter.fillRect`` draws, without the cost of its first call.

Resolving ``fillRect``'s overloads (one of them takes a ``QGradient.Preset``) makes QGradient's
Python enums the first time it is called: ``Preset`` alone has 169 members, 2 to 4 ms of the
editor's start (benchmarks/startup.py), where a field row and the phone both fill a rectangle.
Filling a rectangular path draws the same pixels and names no gradient.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath


def fill_rect(p: QPainter, rect: QRect | QRectF, brush: QBrush | QColor) -> None:
    """Fill ``rect`` with ``brush`` (no pen), as ``p.fillRect(rect, brush)`` does."""
    path = QPainterPath()
    path.addRect(QRectF(rect))
    p.fillPath(path, brush)
