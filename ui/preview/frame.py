"""The phone painted at scale 1, kept between paints, and brought up to date in parts.

The canvas blits this frame (scaled to fit). A repaint that changed nothing (an expose, the
focus ring) is that blit alone; a new Screen that changed a few items paints only their
rectangles into it (``damage``); anything else paints it whole. ``key`` holds what the frame's
pixels depend on besides the Screen, its images and the scroll positions: the drag, the pixel
ratio and the colour around the device. A new scroll position repaints the chat (or the sheet)
it moves, not the chrome around it: a line more in a long bubble scrolls the chat by a line.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter, QPixmap, QRegion

from ui.fill import fill_rect
from ui.preview.damage import damage
from ui.preview.layout import Rect, Screen

Paint = Callable[[QPainter, Rect | None], None]
"""Paints the current Screen (only what reaches the dirty rectangle, when one is given)."""


class Frame:
    """The kept frame: ``changes`` says what a new Screen would repaint, ``update`` does it."""

    def __init__(self) -> None:
        self.pixmap = QPixmap()
        self._key: tuple[object, ...] | None = None
        self._scroll = (0.0, 0.0)
        self._shown: Screen | None = None
        self._images: Mapping[str, Any] = {}

    def changes(
        self, screen: Screen, images: Mapping[str, Any], key: tuple[object, ...],
        scroll: tuple[float, float], *, whole: bool = False,
    ) -> list[Rect] | None:  # fmt: skip
        """Where ``screen`` (at the chat and sheet ``scroll``) differs from the frame: [] when
        it shows it already, None when all of it must be painted (also when ``whole``: a drag
        moves items that the Screens compared do not show moved)."""
        if self.pixmap.isNull() or self._shown is None or key != self._key:
            return None
        if images is not self._images:
            return None
        if self._shown is screen and self._scroll == scroll:
            return []
        return None if whole else damage(self._shown, screen, scroll, self._scroll)

    def update(
        self, screen: Screen, images: Mapping[str, Any], key: tuple[object, ...],
        scroll: tuple[float, float], dpr: float, fill: QColor, paint: Paint, *,
        whole: bool = False,
    ) -> QPixmap:  # fmt: skip
        """The frame showing ``screen``, painted (whole or in parts) if it did not yet."""
        rects = self.changes(screen, images, key, scroll, whole=whole)
        if rects is None:
            pm = QPixmap(round(screen.width * dpr), round(screen.height * dpr))
            pm.setDevicePixelRatio(dpr)
            pm.fill(fill)
            p = QPainter(pm)
            paint(p, None)
            p.end()
            self.pixmap = pm
        elif rects:  # padded rectangles: rounding them outwards to whole pixels is enough
            region = QRegion()
            for r in rects:
                left, top = math.floor(r.x), math.floor(r.y)
                region = region.united(
                    QRect(left, top, math.ceil(r.right) - left, math.ceil(r.bottom) - top)
                )
            p = QPainter(self.pixmap)
            p.setClipRegion(region)
            box = region.boundingRect()
            fill_rect(p, box, fill)
            paint(p, Rect(box.x(), box.y(), box.width(), box.height()))
            p.end()
        self._key, self._shown, self._images, self._scroll = key, screen, images, scroll
        return self.pixmap


def widget_region(rects: list[Rect], scale: float, dx: float, dy: float) -> QRegion:
    """The widget's pixels that show ``rects`` of the frame blitted at ``scale`` and offset,
    2 px more: the scaled blit's filter reads the pixels around a changed one."""
    region = QRegion()
    for r in rects:
        left, top = math.floor(r.x * scale + dx) - 2, math.floor(r.y * scale + dy) - 2
        right, bottom = math.ceil(r.right * scale + dx) + 2, math.ceil(r.bottom * scale + dy) + 2
        region = region.united(QRect(left, top, right - left, bottom - top))
    return region
