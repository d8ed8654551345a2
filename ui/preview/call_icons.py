"""The telephone handset drawn for calling rows (voice call button, call permission).

A filled silhouette on a 24-unit grid: an earpiece at the top left, a mouthpiece at the bottom
right, joined by a curved grip, so it reads as a handset at 14 px (a bare stroke reads as a
crescent). Kept apart from ``ui.preview.icons``, which registers it as ``"handset"``.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

_EAR = (QPointF(6.4, 4.6), 20.0)  # centre and tilt (degrees) of the earpiece
_MOUTH = (QPointF(19.4, 17.6), 70.0)  # the same for the mouthpiece


def handset(p: QPainter, r: QRectF, c: QColor) -> None:
    p.translate(r.x(), r.y())
    p.scale(r.width() / 24, r.height() / 24)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(c)
    for centre, tilt in (_EAR, _MOUTH):
        p.save()
        p.translate(centre)
        p.rotate(tilt)
        p.drawRoundedRect(QRectF(-4.4, -2.5, 8.8, 5.0), 2.2, 2.2)
        p.restore()
    grip = QPainterPath(QPointF(4.6, 6.0))
    grip.cubicTo(QPointF(4.2, 12.5), QPointF(11.2, 19.6), QPointF(17.9, 19.6))
    pen = QPen(c, 4.2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawPath(grip)
