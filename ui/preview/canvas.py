"""The phone canvas: paints the laid-out Screen scaled to fit and turns clicks into actions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QToolTip, QWidget

from ui.preview.layout import Hit, Screen
from ui.preview.painter import Painter


class PhoneCanvas(QWidget):
    """Paints the current Screen scaled to fit and turns clicks into layout actions."""

    action = Signal(tuple)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painter = Painter()
        self.laid_out: Screen | None = None
        self.images: Mapping[str, Any] = {}
        self.from_bottom = 0.0  # chat scroll, as distance from the bottom (chats stick to it)
        self.sheet_scroll = 0.0
        self.setMouseTracking(True)
        self.setMinimumSize(240, 400)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)

    def sizeHint(self) -> QSize:
        if self.laid_out is None:
            return QSize(380, 780)
        return QSize(int(self.laid_out.width), int(self.laid_out.height))

    @property
    def chat_scroll(self) -> float:
        if self.laid_out is None:
            return 0.0
        return max(0.0, self.laid_out.max_chat_scroll() - self.from_bottom)

    def transform(self) -> tuple[float, float, float]:
        """(scale, dx, dy) mapping device coordinates to widget pixels."""
        if self.laid_out is None:
            return 1.0, 0.0, 0.0
        s = min(1.0, self.width() / self.laid_out.width, self.height() / self.laid_out.height)
        # whole pixels: the painter blits pre-rendered text only at integer offsets
        dx = float((self.width() - round(self.laid_out.width * s)) // 2)
        dy = float((self.height() - round(self.laid_out.height * s)) // 2)
        return s, dx, dy

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().window())
        if self.laid_out is not None:
            s, dx, dy = self.transform()
            p.translate(dx, dy)
            p.scale(s, s)
            self.painter.outside = self.palette().window().color()
            self.painter.paint(p, self.laid_out, self.images, self.chat_scroll, self.sheet_scroll)
        p.end()

    # --- hit testing ----------------------------------------------------------------------------

    def to_device(self, pos: QPointF) -> tuple[float, float]:
        s, dx, dy = self.transform()
        return (pos.x() - dx) / s, (pos.y() - dy) / s

    def hit_at(self, x: float, y: float) -> Hit | None:
        screen = self.laid_out
        if screen is None:
            return None
        if screen.sheet_rect is not None:
            for hit in reversed(screen.overlay_hits):
                if not hit.rect.contains(x, y):
                    continue
                if hit.action == ("noop",) and screen.sheet_rect.contains(x, y):
                    cy = y - screen.sheet_rect.y + self.sheet_scroll
                    for row in screen.sheet_hits:
                        if row.rect.contains(x, cy):
                            return row
                return hit
            return None
        if screen.chat_rect.contains(x, y):
            cy = y - screen.chat_rect.y + self.chat_scroll
            for hit in screen.chat_hits:
                if hit.rect.contains(x, cy):
                    return hit
        return None

    def widget_point(self, hit: Hit) -> QPoint:
        """Where to click (widget pixels) to tap ``hit``: for tests and automation."""
        assert self.laid_out is not None
        x, y = hit.rect.x + hit.rect.w / 2, hit.rect.y + hit.rect.h / 2
        if hit in self.laid_out.chat_hits:
            y += self.laid_out.chat_rect.y - self.chat_scroll
        elif hit in self.laid_out.sheet_hits and self.laid_out.sheet_rect is not None:
            y += self.laid_out.sheet_rect.y - self.sheet_scroll
        s, dx, dy = self.transform()
        return QPoint(round(x * s + dx), round(y * s + dy))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        hit = self.hit_at(*self.to_device(event.position()))
        if hit is not None:
            self.action.emit(hit.action)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.hit_at(*self.to_device(event.position()))
        clickable = hit is not None and hit.action not in (("noop",),)
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )
        if hit is not None and hit.tooltip:
            QToolTip.showText(event.globalPosition().toPoint(), hit.tooltip, self)
        else:
            QToolTip.hideText()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if self.laid_out is None:
            return
        delta = event.angleDelta().y() / 2
        if self.laid_out.sheet_rect is not None:
            self.sheet_scroll = min(
                self.laid_out.max_sheet_scroll(), max(0.0, self.sheet_scroll - delta)
            )
        else:
            self.from_bottom = min(
                self.laid_out.max_chat_scroll(), max(0.0, self.from_bottom + delta)
            )
        self.update()
