"""Draws a laid-out ``Screen`` with QPainter. No layout decisions here: only pixels.

Expensive pixels are cached: the wallpaper tile per theme and scaled images per size, so a
repaint after a keystroke costs the bubble shapes plus the (already laid-out) text runs.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen, QPixmap

from ui.fill import fill_rect
from ui.preview.damage import Reach
from ui.preview.icons import draw_icon
from ui.preview.layout import Item, Rect, Screen, ShapeItem, TextItem, bands
from ui.preview.shapes import doodle_tile, draw_map, tail_path
from ui.preview.text_engine import PIXMAP_PAD
from ui.preview.themes import Theme

_COLORS: dict[str, QColor] = {}
_EVERYWHERE = (-1e9, 1e9)
BLIT = True  # pre-rendered text and chrome; False draws everything directly (for comparisons)


def color(value: str) -> QColor:
    c = _COLORS.get(value)
    if c is None:
        c = QColor(value)
        _COLORS[value] = c
    return c


def _is_frame(item: Item) -> bool:
    return isinstance(item, ShapeItem) and item.name == "frame"


def qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


class Painter:
    """Paints Screens; keeps pixmap caches between paints."""

    def __init__(self) -> None:
        self._tiles: dict[str, QPixmap] = {}
        self._scaled: dict[tuple[str, int, int], QPixmap] = {}
        self._paths: dict[tuple[object, ...], QPainterPath] = {}
        self._frames: dict[tuple[object, ...], tuple[QPainterPath, QPainterPath]] = {}
        self._blit = False
        self._dpr = 1.0
        self._chrome_key: tuple[object, ...] | None = None
        self._chrome_pms: list[tuple[int, QPixmap]] = []
        self.outside: QColor | None = None  # colour around the device; None = transparent
        self._visible = _EVERYWHERE  # (top, bottom) of the visible chat, in content coordinates

    def paint(
        self,
        p: QPainter,
        screen: Screen,
        images: Mapping[str, QImage],
        chat_scroll: float = 0.0,
        sheet_scroll: float = 0.0,
        dirty: Rect | None = None,
    ) -> None:
        """Paint ``screen``; with ``dirty`` (screen coordinates, the painter clipped to it) only
        the items that reach into it: a keystroke's repaint of one line skips the rest."""
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        t = screen.theme
        tf = p.worldTransform()
        # Pre-rendered pixmaps are pixel-exact only under a whole-pixel translation.
        self._blit = BLIT and (
            tf.m11() == 1
            and tf.m22() == 1
            and tf.m12() == 0
            and tf.m21() == 0
            and tf.dx() == int(tf.dx())
            and tf.dy() == int(tf.dy())
        )
        self._dpr = p.device().devicePixelRatioF()
        chat_scroll, sheet_scroll = float(round(chat_scroll)), float(round(sheet_scroll))
        p.save()
        # Rectangular clips only: a rounded clip path makes every later draw call slow, so the
        # device frame (with rounded inner corners) is painted last, over the screen's corners.
        p.setClipRect(qrect(screen.screen_rect), Qt.ClipOperation.IntersectClip)
        reach = Reach(dirty, t.tail_w + PIXMAP_PAD + 2)
        for item in screen.background:
            if not _is_frame(item) and reach.meets(item.rect):
                self.draw(p, item, t, images)
        self._chat(p, screen, images, chat_scroll, reach)
        self._chrome(p, screen, images, reach)
        for item in screen.overlay:
            if reach.meets(item.rect):
                self.draw(p, item, t, images)
        sr = screen.sheet_rect
        if sr is not None:
            p.save()
            p.setClipRect(qrect(sr), Qt.ClipOperation.IntersectClip)
            p.translate(0, sr.y - sheet_scroll)
            for item in screen.sheet_items:
                if reach.meets(item.rect.moved(0, sr.y - sheet_scroll)):
                    self.draw(p, item, t, images)
            p.restore()
        p.restore()
        if reach.misses_frame(screen.screen_rect, t.screen_radius):
            return
        for item in screen.background:
            if isinstance(item, ShapeItem) and _is_frame(item):
                self._frame(p, item, screen)

    def _chat(
        self, p: QPainter, screen: Screen, images: Mapping[str, QImage], chat_scroll: float,
        reach: Reach,
    ) -> None:  # fmt: skip
        """The chat's items that are in view (and reach the dirty part), scrolled."""
        p.save()
        cr = screen.chat_rect
        p.setClipRect(qrect(cr), Qt.ClipOperation.IntersectClip)
        p.translate(0, cr.y - chat_scroll)
        top, bottom = chat_scroll - 20, chat_scroll + cr.h + 20
        dirty = reach.dirty
        if dirty is not None:  # the same margin around the dirty part, in chat coordinates
            top = max(top, dirty.y - cr.y + chat_scroll - 20)
            bottom = min(bottom, dirty.bottom - cr.y + chat_scroll + 20)
        self._visible = (top, bottom)
        for item in screen.chat:
            if item.rect.bottom >= top and item.rect.y <= bottom and reach.meets_x(item.rect):
                self.draw(p, item, screen.theme, images)
        self._visible = _EVERYWHERE
        p.restore()

    def _chrome(
        self, p: QPainter, screen: Screen, images: Mapping[str, QImage], reach: Reach
    ) -> None:
        """Status bar, header and composer: the same from one keystroke to the next, so they
        are drawn once into pixmaps and blitted: one per band of the screen they cover (the top
        bars, the composer), not one transparent pixmap the size of the screen to blend."""
        if not self._blit:
            for item in screen.chrome:
                if reach.meets(item.rect):
                    self.draw(p, item, screen.theme, images)
            return
        key = (tuple(screen.chrome), self._dpr, screen.width, screen.height)
        if self._chrome_key != key:
            self._chrome_key = key
            self._chrome_pms = [
                (top, self._band(screen, items, top, bottom, images))
                for top, bottom, items in bands(screen.chrome, screen.height)
            ]
        for top, pm in self._chrome_pms:
            if reach.meets(Rect(0, top, screen.width, pm.height() / self._dpr)):
                p.drawPixmap(QPointF(0, top), pm)

    def _band(
        self, screen: Screen, items: list[Item], top: int, bottom: int,
        images: Mapping[str, QImage],
    ) -> QPixmap:  # fmt: skip
        dpr = self._dpr
        pm = QPixmap(int(screen.width * dpr + 0.5), int((bottom - top) * dpr + 0.5))
        pm.setDevicePixelRatio(dpr)
        pm.fill(Qt.GlobalColor.transparent)
        cp = QPainter(pm)
        cp.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        cp.translate(0, -top)
        self._blit = False  # inside the layer, draw for real
        for item in items:
            self.draw(cp, item, screen.theme, images)
        self._blit = True
        cp.end()
        return pm

    def _frame(self, p: QPainter, item: ShapeItem, screen: Screen) -> None:
        key = ("frame", item.rect, screen.screen_rect, screen.theme.screen_radius)
        paths = self._frames.get(key)
        if paths is None:
            outer = QPainterPath()
            outer.addRoundedRect(qrect(item.rect), item.radius, item.radius)
            inner = QPainterPath()
            rad = screen.theme.screen_radius
            inner.addRoundedRect(qrect(screen.screen_rect), rad, rad)
            r = qrect(item.rect)
            rad_o = item.radius
            squares = QPainterPath()
            for x, y in (
                (r.left(), r.top()),
                (r.right() - rad_o, r.top()),
                (r.left(), r.bottom() - rad_o),
                (r.right() - rad_o, r.bottom() - rad_o),
            ):
                squares.addRect(QRectF(x, y, rad_o, rad_o))
            # only the four corner squares: a box-minus-outline path leaves hairlines on the edges
            paths = (outer.subtracted(inner), squares.subtracted(outer))
            self._frames[key] = paths
        ring, corners = paths
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color(item.color))
        p.drawPath(ring)
        # The screen's square corners poke out of the device's rounded outline: cut them away.
        p.save()
        if self.outside is None:
            p.setCompositionMode(QPainter.CompositionMode.CompositionMode_Clear)
            p.setBrush(QColor(0, 0, 0, 0))
        else:
            p.setBrush(self.outside)
        p.drawPath(corners)
        p.restore()

    # --- items ----------------------------------------------------------------------------------

    def draw(self, p: QPainter, item: Item, t: Theme, images: Mapping[str, QImage]) -> None:
        if isinstance(item, TextItem):
            para = item.para
            para.draws += 1
            # A paragraph drawn for the first time is usually the one being typed: it will be
            # replaced on the next keystroke, so it is drawn directly; stable ones are blitted.
            if self._blit and para.draws > 1:
                pm = para.pixmap(color(item.color), item.color, self._dpr)
                p.drawPixmap(
                    QPointF(round(item.rect.x) - PIXMAP_PAD, round(item.rect.y) - PIXMAP_PAD), pm
                )
            else:
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
            draw_icon(p, item.name, r, color(item.color), mirrored="rtl" in item.flags)
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
                color(t.avatar_icon),
            )
        elif kind == "radio":
            self._radio(p, item)
        elif kind == "map":
            draw_map(p, item, t)

    def _box(self, p: QPainter, item: ShapeItem) -> None:
        r = qrect(item.rect)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(color(item.color))
        if item.kind == "circle":
            p.drawEllipse(r)
        elif item.kind == "sheet" and "top_only" in item.flags:
            path = QPainterPath()
            path.setFillRule(Qt.FillRule.WindingFill)
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
        # Primitives, and only the visible part: an antialiased rounded rect 1500 px tall costs
        # milliseconds to fill, a plain rectangle plus two small rounded caps costs microseconds.
        r = qrect(item.rect)
        rad = item.radius
        fill = color(item.color)
        p.setPen(Qt.PenStyle.NoPen)
        shadow = color(t.shadow)
        vis_top, vis_bottom = self._visible
        if shadow.alpha() and r.bottom() + 1 >= vis_top:
            p.setBrush(shadow)
            cap = min(r.height(), 2 * rad + 2)
            p.drawRoundedRect(QRectF(r.x(), r.bottom() + 1 - cap, r.width(), cap), rad, rad)
        p.setBrush(fill)
        if r.height() <= 4 * rad + 4:
            p.drawRoundedRect(r, rad, rad)
        else:
            cap = 2 * rad + 2
            if r.top() + cap >= vis_top:
                p.drawRoundedRect(QRectF(r.x(), r.top(), r.width(), cap), rad, rad)
            if r.bottom() - cap <= vis_bottom:
                p.drawRoundedRect(QRectF(r.x(), r.bottom() - cap, r.width(), cap), rad, rad)
            mid_top = max(r.top() + rad, vis_top)
            mid_bottom = min(r.bottom() - rad, vis_bottom)
            if mid_bottom > mid_top:
                fill_rect(p, QRectF(r.x(), mid_top, r.width(), mid_bottom - mid_top), fill)
        edge_y = r.bottom() if t.tail_at_bottom else r.top()
        if "tail" in item.flags and vis_top - t.tail_h <= edge_y <= vis_bottom + t.tail_h:
            out = "out" in item.flags
            corner = r.right() - rad if out else r.left()
            corner_y = r.bottom() - rad if t.tail_at_bottom else r.top()
            fill_rect(p, QRectF(corner, corner_y, rad, rad), fill)
            p.drawPath(tail_path(r, out, t.tail_w, t.tail_h, t.tail_at_bottom, t.tail_style))

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
            fill_rect(p, r, color(item.color))
            kind = item.flags[0] if item.flags else "image"
            size = min(40.0, r.width() * 0.4, r.height() * 0.5)
            icon = QRectF(r.center().x() - size / 2, r.center().y() - size / 2, size, size)
            if kind != "video":
                draw_icon(p, "bag" if kind == "product" else "image", icon, color(t.media_icon))
        if item.flags and item.flags[0] == "video":
            if img is None:
                fill_rect(p, r, color(t.video_bg))
            size = min(52.0, r.height() * 0.4)
            draw_icon(
                p,
                "play",
                QRectF(r.center().x() - size / 2, r.center().y() - size / 2, size, size),
                color(t.play_icon),
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
        # One pre-rendered pixmap per theme, size and pixel ratio: tiling costs ~5 ms a frame.
        r = qrect(item.rect)
        dpr = p.device().devicePixelRatioF()
        key = f"{t.key}/{r.width()}x{r.height()}@{dpr}"
        pm = self._tiles.get(key)
        if pm is None:
            pm = QPixmap(int(r.width() * dpr), int(r.height() * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(color(item.color))
            tp = QPainter(pm)
            tp.drawTiledPixmap(QRectF(0, 0, r.width(), r.height()), doodle_tile(color(t.doodle)))
            tp.end()
            if len(self._tiles) > 12:
                self._tiles.clear()
            self._tiles[key] = pm
        p.drawPixmap(r.topLeft(), pm)
