"""Draws a laid-out ``Screen`` with QPainter. No layout decisions here: only pixels.

Expensive pixels are cached: the wallpaper tile per theme and scaled images per size, so a
repaint after a keystroke costs the bubble shapes plus the (already laid-out) text runs.
"""

from __future__ import annotations

import random
from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap

from ui.preview.icons import draw_icon
from ui.preview.layout import Item, Rect, Screen, ShapeItem, TextItem
from ui.preview.themes import Theme

_COLORS: dict[str, QColor] = {}


def color(value: str) -> QColor:
    c = _COLORS.get(value)
    if c is None:
        c = QColor(value)
        _COLORS[value] = c
    return c


def qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


class Painter:
    """Paints Screens; keeps pixmap caches between paints."""

    def __init__(self) -> None:
        self._tiles: dict[str, QPixmap] = {}
        self._scaled: dict[tuple[str, int, int], QPixmap] = {}

    def paint(
        self,
        p: QPainter,
        screen: Screen,
        images: Mapping[str, QImage],
        chat_scroll: float = 0.0,
        sheet_scroll: float = 0.0,
    ) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        for item in screen.background:
            self.draw(p, item, screen.theme, images)
        t = screen.theme
        p.save()
        if t.screen_radius:
            clip = QPainterPath()
            clip.addRoundedRect(qrect(screen.screen_rect), t.screen_radius, t.screen_radius)
            p.setClipPath(clip)
        p.save()
        cr = screen.chat_rect
        p.setClipRect(qrect(cr), Qt.ClipOperation.IntersectClip)
        p.translate(0, cr.y - chat_scroll)
        top, bottom = chat_scroll - 20, chat_scroll + cr.h + 20
        for item in screen.chat:
            if item.rect.bottom >= top and item.rect.y <= bottom:
                self.draw(p, item, t, images)
        p.restore()
        for item in screen.chrome:
            self.draw(p, item, t, images)
        for item in screen.overlay:
            self.draw(p, item, t, images)
        sr = screen.sheet_rect
        if sr is not None:
            p.save()
            p.setClipRect(qrect(sr), Qt.ClipOperation.IntersectClip)
            p.translate(0, sr.y - sheet_scroll)
            for item in screen.sheet_items:
                self.draw(p, item, t, images)
            p.restore()
        p.restore()

    # --- items ----------------------------------------------------------------------------------

    def draw(self, p: QPainter, item: Item, t: Theme, images: Mapping[str, QImage]) -> None:
        if isinstance(item, TextItem):
            p.setPen(color(item.color))
            item.para.draw(p, item.rect.x, item.rect.y)
            return
        kind = item.kind
        r = qrect(item.rect)
        if kind == "bubble":
            self._bubble(p, item, t)
        elif kind in ("rect", "round_rect", "circle", "pill", "sheet"):
            self._box(p, item)
        elif kind == "icon":
            draw_icon(p, item.name, r, color(item.color))
        elif kind == "image":
            self._image(p, item, t, images)
        elif kind == "wallpaper":
            self._wallpaper(p, item, t)
        elif kind == "avatar":
            self._box(p, item)
            draw_icon(
                p,
                "bag",
                r.adjusted(
                    r.width() * 0.25, r.height() * 0.22, -r.width() * 0.25, -r.height() * 0.28
                ),
                color("#FFFFFF"),
            )
        elif kind == "radio":
            self._radio(p, item)
        elif kind == "map":
            self._map(p, item, t)

    def _box(self, p: QPainter, item: ShapeItem) -> None:
        r = qrect(item.rect)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color(item.color))
        if item.kind == "circle":
            p.drawEllipse(r)
        elif item.kind == "sheet" and "top_only" in item.flags:
            path = QPainterPath()
            rad = item.radius
            path.addRoundedRect(r, rad, rad)
            path.addRect(QRectF(r.x(), r.y() + rad, r.width(), r.height() - rad))
            p.drawPath(path.simplified())
        elif item.radius:
            if item.kind == "pill" and item.flags:
                p.setPen(QPen(color(item.flags[0]), 1))
            p.drawRoundedRect(r, item.radius, item.radius)
        else:
            p.drawRect(r)

    def _bubble(self, p: QPainter, item: ShapeItem, t: Theme) -> None:
        r = qrect(item.rect)
        path = bubble_path(r, item.radius, item.flags, t.tail_w, t.tail_h)
        p.setPen(Qt.PenStyle.NoPen)
        shadow = color(t.shadow)
        if shadow.alpha():
            p.setBrush(shadow)
            p.drawPath(path.translated(0, 1))
        p.setBrush(color(item.color))
        p.drawPath(path)

    def _radio(self, p: QPainter, item: ShapeItem) -> None:
        r = qrect(item.rect)
        c = color(item.color)
        p.setPen(QPen(c, 2))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(r.adjusted(1, 1, -1, -1))
        if "on" in item.flags:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(c)
            p.drawEllipse(r.adjusted(5, 5, -5, -5))

    def _image(self, p: QPainter, item: ShapeItem, t: Theme, images: Mapping[str, QImage]) -> None:
        r = qrect(item.rect)
        clip = QPainterPath()
        clip.addRoundedRect(r, item.radius, item.radius)
        img = images.get(item.name) if item.name else None
        p.save()
        p.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        if img is not None and not img.isNull():
            p.drawPixmap(
                r.topLeft(), self._cover(item.name, img, r, p.device().devicePixelRatioF())
            )
        else:
            p.fillRect(r, color(item.color))
            kind = item.flags[0] if item.flags else "image"
            size = min(40.0, r.width() * 0.4, r.height() * 0.5)
            icon = QRectF(r.center().x() - size / 2, r.center().y() - size / 2, size, size)
            if kind != "video":
                draw_icon(p, "bag" if kind == "product" else "image", icon, color(t.media_icon))
        if item.flags and item.flags[0] == "video":
            if img is None:
                p.fillRect(r, QColor(20, 24, 28))
            size = min(52.0, r.height() * 0.4)
            draw_icon(
                p,
                "play",
                QRectF(r.center().x() - size / 2, r.center().y() - size / 2, size, size),
                QColor("#FFFFFF"),
            )
        p.restore()

    def _cover(self, key: str, img: QImage, r: QRectF, dpr: float) -> QPixmap:
        w, h = int(r.width() * dpr), int(r.height() * dpr)
        cache_key = (key, w, h)
        pm = self._scaled.get(cache_key)
        if pm is None:
            scaled = img.scaled(
                QSize(w, h),
                Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                Qt.TransformationMode.SmoothTransformation,
            )
            x, y = (scaled.width() - w) // 2, (scaled.height() - h) // 2
            pm = QPixmap.fromImage(scaled.copy(x, y, w, h))
            pm.setDevicePixelRatio(dpr)
            if len(self._scaled) > 64:
                self._scaled.clear()
            self._scaled[cache_key] = pm
        return pm

    def _wallpaper(self, p: QPainter, item: ShapeItem, t: Theme) -> None:
        r = qrect(item.rect)
        p.fillRect(r, color(item.color))
        tile = self._tiles.get(t.key)
        if tile is None:
            tile = doodle_tile(color(t.doodle))
            self._tiles[t.key] = tile
        p.drawTiledPixmap(r, tile)

    def _map(self, p: QPainter, item: ShapeItem, t: Theme) -> None:
        r = qrect(item.rect)
        p.save()
        clip = QPainterPath()
        clip.addRoundedRect(r, item.radius, item.radius)
        p.setClipPath(clip, Qt.ClipOperation.IntersectClip)
        p.fillRect(r, QColor("#E8E4D8") if not t.dark else QColor("#2B3A40"))
        p.setPen(QPen(QColor("#FFFFFF") if not t.dark else QColor("#3E5058"), 6))
        p.drawLine(r.topLeft() + QPointF(0, r.height() * 0.6), r.topRight() + QPointF(0, 20))
        p.drawLine(
            r.topLeft() + QPointF(r.width() * 0.35, 0),
            r.bottomLeft() + QPointF(r.width() * 0.55, 0),
        )
        draw_icon(
            p, "pin", QRectF(r.center().x() - 14, r.center().y() - 30, 28, 34), QColor("#E2574C")
        )
        p.restore()


def bubble_path(
    r: QRectF, radius: float, flags: tuple[str, ...], tail_w: int, tail_h: int
) -> QPainterPath:
    """Rounded bubble; with a tail, the tail-side top corner is square and the notch sticks out."""
    path = QPainterPath()
    path.addRoundedRect(r, radius, radius)
    if "tail" not in flags:
        return path
    square = QPainterPath()
    if "out" in flags:
        square.addRect(QRectF(r.right() - radius, r.top(), radius, radius))
        tip, base = QPointF(r.right() + tail_w, r.top()), QPointF(r.right(), r.top() + tail_h)
        tail = QPainterPath(QPointF(r.right() - 1, r.top()))
    else:
        square.addRect(QRectF(r.left(), r.top(), radius, radius))
        tip, base = QPointF(r.left() - tail_w, r.top()), QPointF(r.left(), r.top() + tail_h)
        tail = QPainterPath(QPointF(r.left() + 1, r.top()))
    tail.lineTo(tip)
    tail.lineTo(base)
    tail.closeSubpath()
    return path.united(square).united(tail)


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
