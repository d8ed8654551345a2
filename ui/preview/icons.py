"""Small vector icons drawn with QPainter paths (no image files, crisp at 2x export)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from ui.preview.call_icons import handset

IconFn = Callable[[QPainter, QRectF, QColor], None]


def _pen(p: QPainter, c: QColor, w: float) -> None:
    pen = QPen(c, w)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _fill(p: QPainter, c: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(c)


def _pt(r: QRectF, fx: float, fy: float) -> QPointF:
    return QPointF(r.x() + fx * r.width(), r.y() + fy * r.height())


def _poly(r: QRectF, *pts: tuple[float, float]) -> QPainterPath:
    path = QPainterPath(_pt(r, *pts[0]))
    for pt in pts[1:]:
        path.lineTo(_pt(r, *pt))
    return path


def back(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 2.2)
    p.drawPath(_poly(r, (0.55, 0.2), (0.25, 0.5), (0.55, 0.8)))


def forward(p: QPainter, r: QRectF, c: QColor) -> None:
    """The mirror of ``back``: a carousel's "next card" arrow."""
    _pen(p, c, 2.2)
    p.drawPath(_poly(r, (0.45, 0.2), (0.75, 0.5), (0.45, 0.8)))


def video(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawRoundedRect(QRectF(_pt(r, 0.05, 0.28), _pt(r, 0.68, 0.72)), 2, 2)
    p.drawPath(_poly(r, (0.7, 0.5), (0.95, 0.3), (0.95, 0.7), (0.7, 0.5)))


def phone(p: QPainter, r: QRectF, c: QColor) -> None:
    """A telephone handset: earpiece at the top left, mouthpiece at the bottom right, joined by
    a curved grip (a thin stroke alone reads as a crescent moon at 22 px)."""
    w = r.width()
    _pen(p, c, w * 0.2)
    grip = QPainterPath(_pt(r, 0.26, 0.26))
    grip.cubicTo(_pt(r, 0.24, 0.52), _pt(r, 0.48, 0.76), _pt(r, 0.74, 0.74))
    p.drawPath(grip)
    _fill(p, c)
    p.save()  # each pad is a rounded bar across the grip's end, turned to face it
    for cx, cy, angle in ((0.3, 0.2, -40.0), (0.8, 0.7, -50.0)):
        p.translate(_pt(r, cx, cy))
        p.rotate(angle)
        p.drawRoundedRect(QRectF(-w * 0.19, -w * 0.1, w * 0.38, w * 0.2), w * 0.08, w * 0.08)
        p.rotate(-angle)
        p.translate(-_pt(r, cx, cy))
    p.restore()


def more(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    for fy in (0.22, 0.5, 0.78):
        p.drawEllipse(_pt(r, 0.5, fy), r.width() * 0.08, r.width() * 0.08)


def search(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 2.0)
    p.drawEllipse(_pt(r, 0.42, 0.42), r.width() * 0.25, r.width() * 0.25)
    p.drawLine(_pt(r, 0.6, 0.6), _pt(r, 0.85, 0.85))


def emoji(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 1.8)
    p.drawEllipse(r.center(), r.width() * 0.42, r.width() * 0.42)
    arc = QPainterPath(_pt(r, 0.32, 0.58))
    arc.quadTo(_pt(r, 0.5, 0.78), _pt(r, 0.68, 0.58))
    p.drawPath(arc)
    _fill(p, c)
    p.drawEllipse(_pt(r, 0.37, 0.4), 1.4, 1.4)
    p.drawEllipse(_pt(r, 0.63, 0.4), 1.4, 1.4)


def mic(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawRoundedRect(
        QRectF(_pt(r, 0.36, 0.1), _pt(r, 0.64, 0.62)), r.width() * 0.14, r.width() * 0.14
    )
    _pen(p, c, 1.8)
    arc = QPainterPath(_pt(r, 0.24, 0.45))
    arc.quadTo(_pt(r, 0.5, 0.95), _pt(r, 0.76, 0.45))
    p.drawPath(arc)
    p.drawLine(_pt(r, 0.5, 0.72), _pt(r, 0.5, 0.9))


def status_icons(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    h = r.height()
    for i in range(4):  # signal bars
        bh = h * (0.35 + 0.2 * i)
        p.drawRect(QRectF(r.x() + i * 4, r.y() + h - bh, 3, bh))
    p.drawRoundedRect(QRectF(r.right() - 26, r.y() + 1, 22, h - 2), 2, 2)
    p.drawRect(QRectF(r.right() - 4, r.y() + h * 0.35, 2, h * 0.3))


def reply(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 1.8)
    p.drawPath(_poly(r, (0.42, 0.22), (0.15, 0.48), (0.42, 0.74)))
    path = QPainterPath(_pt(r, 0.15, 0.48))
    path.cubicTo(_pt(r, 0.6, 0.48), _pt(r, 0.85, 0.55), _pt(r, 0.88, 0.85))
    p.drawPath(path)


def list_icon(p: QPainter, r: QRectF, c: QColor) -> None:
    for fy in (0.25, 0.5, 0.75):
        _fill(p, c)
        p.drawEllipse(_pt(r, 0.14, fy), 1.6, 1.6)
        _pen(p, c, 1.8)
        p.drawLine(_pt(r, 0.32, fy), _pt(r, 0.9, fy))


def link(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 1.8)
    p.drawPath(_poly(r, (0.45, 0.18), (0.18, 0.18), (0.18, 0.82), (0.82, 0.82), (0.82, 0.55)))
    p.drawLine(_pt(r, 0.48, 0.52), _pt(r, 0.85, 0.15))
    p.drawPath(_poly(r, (0.6, 0.15), (0.85, 0.15), (0.85, 0.4)))


def copy_icon(p: QPainter, r: QRectF, c: QColor) -> None:
    """Two overlapping sheets: WhatsApp's copy-code button."""
    _pen(p, c, 1.8)
    p.drawRoundedRect(QRectF(_pt(r, 0.34, 0.3), _pt(r, 0.86, 0.88)), 2, 2)
    p.drawPath(_poly(r, (0.22, 0.7), (0.14, 0.7), (0.14, 0.12), (0.66, 0.12), (0.66, 0.2)))


def pin(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    path = QPainterPath(_pt(r, 0.5, 0.95))
    path.cubicTo(_pt(r, 0.1, 0.55), _pt(r, 0.12, 0.08), _pt(r, 0.5, 0.08))
    path.cubicTo(_pt(r, 0.88, 0.08), _pt(r, 0.9, 0.55), _pt(r, 0.5, 0.95))
    p.drawPath(path)
    p.setBrush(QColor("#FFFFFF"))
    p.drawEllipse(_pt(r, 0.5, 0.38), r.width() * 0.13, r.width() * 0.13)


def doc(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawPath(_poly(r, (0.0, 0.0), (0.68, 0.0), (1.0, 0.26), (1.0, 1.0), (0.0, 1.0)))
    p.setBrush(QColor(255, 255, 255, 110))
    p.drawPath(_poly(r, (0.68, 0.0), (0.68, 0.26), (1.0, 0.26)))


def close(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 2.0)
    p.drawLine(_pt(r, 0.22, 0.22), _pt(r, 0.78, 0.78))
    p.drawLine(_pt(r, 0.78, 0.22), _pt(r, 0.22, 0.78))


def send(p: QPainter, r: QRectF, c: QColor) -> None:
    _fill(p, c)
    p.drawPath(
        _poly(r, (0.1, 0.12), (0.95, 0.5), (0.1, 0.88), (0.2, 0.56), (0.6, 0.5), (0.2, 0.44))
    )


def ticks(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 1.5)
    p.drawPath(_poly(r, (0.02, 0.55), (0.22, 0.85), (0.62, 0.12)))
    p.drawPath(_poly(r, (0.42, 0.72), (0.52, 0.85), (0.95, 0.12)))


def check(p: QPainter, r: QRectF, c: QColor) -> None:
    """One tick: the mark inside the verified-business badge."""
    _pen(p, c, 1.8)
    p.drawPath(_poly(r, (0.12, 0.52), (0.4, 0.8), (0.9, 0.22)))


def play(p: QPainter, r: QRectF, c: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor(0, 0, 0, 110))
    p.drawEllipse(r)
    p.setBrush(c)
    p.drawPath(_poly(r, (0.4, 0.3), (0.72, 0.5), (0.4, 0.7)))


def image(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 1.8)
    p.drawRoundedRect(QRectF(_pt(r, 0.08, 0.15), _pt(r, 0.92, 0.85)), 3, 3)
    p.drawPath(_poly(r, (0.15, 0.78), (0.4, 0.5), (0.58, 0.68), (0.7, 0.56), (0.85, 0.74)))
    p.drawEllipse(_pt(r, 0.68, 0.34), 2, 2)


def bag(p: QPainter, r: QRectF, c: QColor) -> None:
    _pen(p, c, 1.8)
    p.drawRoundedRect(QRectF(_pt(r, 0.15, 0.32), _pt(r, 0.85, 0.9)), 3, 3)
    arc = QPainterPath(_pt(r, 0.35, 0.42))
    arc.cubicTo(_pt(r, 0.35, 0.05), _pt(r, 0.65, 0.05), _pt(r, 0.65, 0.42))
    p.drawPath(arc)


ICONS: dict[str, IconFn] = {
    "back": back,
    "forward": forward,
    "video": video,
    "phone": phone,
    "more": more,
    "search": search,
    "emoji": emoji,
    "mic": mic,
    "status_icons": status_icons,
    "reply": reply,
    "list": list_icon,
    "link": link,
    "copy": copy_icon,
    "pin": pin,
    "doc": doc,
    "close": close,
    "send": send,
    "ticks": ticks,
    "check": check,
    "play": play,
    "image": image,
    "bag": bag,
    "handset": handset,
}


MIRRORED_IN_RTL = frozenset({"reply", "back", "send"})
"""Icons that point a direction: beside right-to-left text they are drawn mirrored (the platforms'
own rule for directional icons); a handset, a pin or a list stays as it is."""


def draw_icon(
    p: QPainter, name: str, rect: QRectF, color: QColor, *, mirrored: bool = False
) -> None:
    """Draw icon ``name`` in ``rect``; ``mirrored`` (right-to-left text) flips a directional one."""
    fn = ICONS.get(name)
    if fn is not None:
        p.save()
        if mirrored and name in MIRRORED_IN_RTL:
            p.translate(rect.x() * 2 + rect.width(), 0)
            p.scale(-1, 1)
        fn(p, rect, color)
        p.restore()
