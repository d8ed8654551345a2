"""Drawing helpers with no state: the bubble tail, the wallpaper doodle tile, the map stand-in."""

from __future__ import annotations

import random

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

from ui.fill import fill_rect
from ui.preview.icons import draw_icon
from ui.preview.layout import ShapeItem
from ui.preview.themes import Theme


def _qrect(item: ShapeItem) -> QRectF:
    r = item.rect
    return QRectF(r.x, r.y, r.w, r.h)


def draw_map(p: QPainter, item: ShapeItem, t: Theme) -> None:
    """A stand-in map tile with a pin (the customer's shared location)."""
    r = _qrect(item)
    p.save()
    clip = QPainterPath()
    clip.addRoundedRect(r, item.radius, item.radius)
    p.setClipPath(clip, Qt.ClipOperation.IntersectClip)
    fill_rect(p, r, QColor(t.map_land))
    p.setPen(QPen(QColor(t.map_road), 6))
    p.drawLine(r.topLeft() + QPointF(0, r.height() * 0.6), r.topRight() + QPointF(0, 20))
    p.drawLine(
        r.topLeft() + QPointF(r.width() * 0.35, 0),
        r.bottomLeft() + QPointF(r.width() * 0.55, 0),
    )
    draw_icon(p, "pin", QRectF(r.center().x() - 14, r.center().y() - 30, 28, 34), QColor(t.map_pin))
    p.restore()


def tail_path(
    r: QRectF,
    out: bool,
    tail_w: float,
    tail_h: float,
    bottom: bool = False,
    style: str = "notch",
) -> QPainterPath:
    """WhatsApp Web's 8x13 "tail-in" outline (mirrored for "tail-out"), scaled to the theme.

    In its box the notch runs from (1.53, 2.57) down to (8, 11.19), up the bubble edge to (8, 0),
    along the top to (2.81, 0) and curves back to the start (look notes, section 3).
    ``bottom`` mirrors it onto the bottom corner (the iOS app's bubbles).
    """
    if style == "curl":
        return _curl_path(r, out, tail_w, tail_h)
    sx, sy = tail_w / 8.0, tail_h / 13.0
    edge = r.right() if out else r.left()
    sign = 1.0 if out else -1.0

    def pt(x: float, y: float) -> QPointF:  # x measured from the bubble edge outwards
        vy = r.bottom() - y * sy if bottom else r.top() + y * sy
        return QPointF(edge + sign * (8.0 - x) * sx, vy)

    path = QPainterPath(pt(1.53, 2.57))
    path.lineTo(pt(8.0, 11.19))
    path.lineTo(pt(8.0 + 1.0 / sx, 11.19))  # one pixel into the bubble: no seam
    path.lineTo(pt(8.0 + 1.0 / sx, 0.0))
    path.lineTo(pt(2.81, 0.0))
    path.cubicTo(pt(1.0, 0.0), pt(0.6, 1.4), pt(1.53, 2.57))
    return path


def _curl_path(r: QRectF, out: bool, tail_w: float, tail_h: float) -> QPainterPath:
    """The iOS app's tail: the bubble's side sweeps down and out into a hook at the bottom corner.

    Drawn in a ``tail_w`` x ``tail_h`` box outside the bottom corner; the bubble's own corner on
    that side is squared by the painter so side, hook and bottom edge run into one another.
    """
    edge, bottom = (r.right(), r.bottom()) if out else (r.left(), r.bottom())
    sign = 1.0 if out else -1.0

    def pt(d: float, up: float) -> QPointF:  # d: outwards from the bubble edge; up: from bottom
        return QPointF(edge + sign * d, bottom - up)

    path = QPainterPath(pt(-1.0, tail_h))  # one pixel into the bubble: no seam
    path.lineTo(pt(0.0, tail_h))
    path.cubicTo(pt(0.0, tail_h * 0.35), pt(tail_w * 0.45, 1.2), pt(tail_w, 0.6))
    path.quadTo(pt(tail_w * 0.55, -0.6), pt(0.0, 0.0))
    path.lineTo(pt(-1.0, 0.0))
    path.closeSubpath()
    return path


def doodle_tile(ink: QColor, size: int = 180) -> QPixmap:
    """A procedural stand-in for WhatsApp's doodle wallpaper (deterministic)."""
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setPen(QPen(ink, 1.3))
    p.setBrush(Qt.BrushStyle.NoBrush)
    rnd = random.Random(7)
    for _ in range(22):
        x, y = rnd.uniform(0, size), rnd.uniform(0, size)
        s = rnd.uniform(6, 14)
        shape = rnd.randrange(4)
        if shape == 0:
            p.drawEllipse(QPointF(x, y), s / 2, s / 2)
        elif shape == 1:
            p.drawRoundedRect(QRectF(x, y, s, s * 0.7), 2, 2)
        elif shape == 2:
            p.drawLine(QPointF(x, y), QPointF(x + s, y + s * 0.4))
        else:
            path = QPainterPath(QPointF(x, y + s))
            path.quadTo(QPointF(x + s / 2, y - s / 2), QPointF(x + s, y + s))
            p.drawPath(path)
    p.end()
    return pm
