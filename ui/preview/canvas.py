"""The phone canvas: paints the laid-out Screen scaled to fit and turns clicks into actions.

A press on the Screen's swipe strip (a carousel's cards) waits for the release: a drag moves the
cards under the pointer and, released, asks for the card it ends on; a press without a drag is a
click. With the canvas focused, the Left and Right keys step through the cards too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QToolTip, QWidget

from ui.preview.layout import Hit, Screen, Swipe, moved
from ui.preview.painter import Painter

DRAG_START = 6.0  # device pixels the pointer must travel before a press becomes a drag


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
        self.drag_dx = 0.0  # how far the swipe strip follows the pointer while dragging
        self._press: tuple[float, Hit | None] | None = None  # a press on the swipe strip
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the arrow keys swipe a carousel
        self.setAccessibleName("Phone preview")
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
            screen = self._dragged(self.laid_out)
            self.painter.paint(p, screen, self.images, self.chat_scroll, self.sheet_scroll)
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

    def swipe_at(self, x: float, y: float) -> Swipe | None:
        """The swipe strip under device point (x, y), if the chat shows one there."""
        screen = self.laid_out
        if screen is None or screen.swipe is None or screen.sheet_rect is not None:
            return None
        if not screen.chat_rect.contains(x, y):
            return None
        cy = y - screen.chat_rect.y + self.chat_scroll
        return screen.swipe if screen.swipe.rect.contains(x, cy) else None

    def _dragged(self, screen: Screen) -> Screen:
        """``screen`` with the swipe strip's items following the pointer (while dragging)."""
        if not self.drag_dx or screen.swipe is None:
            return screen
        start, end = screen.swipe.items
        dx = float(round(self.drag_dx))
        chat = screen.chat[:start] + [moved(i, dx, 0) for i in screen.chat[start:end]]
        return replace(screen, chat=chat + screen.chat[end:])

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x, y = self.to_device(event.position())
        hit = self.hit_at(x, y)
        if self.swipe_at(x, y) is not None:
            self._press = (x, hit)  # a click or a drag: the release tells
            return
        if hit is not None:
            self.action.emit(hit.action)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        _, hit = self._press
        dx, swipe = self.drag_dx, self.laid_out.swipe if self.laid_out else None
        self._press, self.drag_dx = None, 0.0
        if dx and swipe is not None:
            self.update()
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            target = swipe.target(swipe.steps_for(dx))
            if target is not None:
                self.action.emit(target)
        elif hit is not None:
            self.action.emit(hit.action)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        swipe = self.laid_out.swipe if self.laid_out and not self.laid_out.sheet_rect else None
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()), 0)
        target = swipe.target(steps) if swipe is not None and steps else None
        if target is None:
            super().keyPressEvent(event)
            return
        self.action.emit(target)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = self.to_device(event.position())[0] - self._press[0]
            if self.drag_dx or abs(dx) >= DRAG_START:
                self.drag_dx = dx
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
                QToolTip.hideText()
                self.update()
                return
        x, y = self.to_device(event.position())
        hit = self.hit_at(x, y)
        clickable = hit is not None and hit.action not in (("noop",),)
        cursor = Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        if not clickable and self.swipe_at(x, y) is not None:
            cursor = Qt.CursorShape.OpenHandCursor
        self.setCursor(cursor)
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
