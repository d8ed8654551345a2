"""The phone canvas: paints the laid-out Screen scaled to fit and turns clicks into actions.

The keyboard reaches the same actions: the canvas takes focus (Tab), Tab/Shift+Tab and the arrow
keys walk its tappable items (``focus.targets``), Enter or Space taps the one in the focus ring,
Escape closes an open sheet. The focused item's name is the canvas's accessible description.

A press on the Screen's swipe strip (a carousel's cards) waits for the release: a drag moves the
cards under the pointer and, released, asks for the card it ends on; a press without a drag is a
click. The Left and Right keys step through the cards too (elsewhere they move the focus ring).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from msgspec.structs import replace
from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QToolTip, QWidget

from ui.fill import fill_rect
from ui.preview.focus import Target, describe, reveal_shift, targets
from ui.preview.frame import Frame, widget_region
from ui.preview.layout import Hit, Rect, Screen, Swipe, moved
from ui.preview.painter import Painter

_TAP_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)
_NEXT_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Right)
_PREVIOUS_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Left)
_SWIPE_KEYS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}
DRAG_START = 6.0  # device pixels the pointer must travel before a press becomes a drag


class PhoneCanvas(QWidget):
    """Paints the current Screen scaled to fit and turns clicks into layout actions."""

    action = Signal(tuple)
    context = Signal(tuple, QPoint)  # a right-click on one of the Screen's regions, global pos

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.painter = Painter()
        self.laid_out: Screen | None = None
        self.images: Mapping[str, Any] = {}
        self.from_bottom = 0.0  # chat scroll, as distance from the bottom (chats stick to it)
        self.sheet_scroll = 0.0
        self.focus_index: int | None = None  # the keyboard's item (index in ``focus_targets``)
        self._focus_in_sheet = False
        self.drag_dx = 0.0  # how far the swipe strip follows the pointer while dragging
        self._press: tuple[float, Hit | None] | None = None  # a press on the swipe strip
        self._frame = Frame()
        self._ring: tuple[Rect, ...] = ()  # where the focus ring was last painted (device)
        self.setMouseTracking(True)
        self.setMinimumSize(240, 400)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Phone preview")

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
        fill_rect(p, self.rect(), self.palette().window())
        if self.laid_out is not None:
            s, dx, dy = self.transform()
            self.painter.outside = self.palette().window().color()
            pm = self._screen_pixmap()
            if s == 1:
                p.drawPixmap(QPointF(dx, dy), pm)
            else:  # drawn at its own size (pre-rendered text, cached chrome), then scaled
                target = QRectF(dx, dy, self.laid_out.width * s, self.laid_out.height * s)
                p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
                p.drawPixmap(target, pm, QRectF(pm.rect()))
            p.translate(dx, dy)
            p.scale(s, s)
            self._paint_focus(p, s)
        p.end()

    def refresh(self) -> None:
        """A new Screen is laid out: repaint the parts of the widget it changes (``damage``),
        and the focus ring's old and new place; the whole widget when everything moved."""
        rects = None if self.laid_out is None else self._damage()
        if rects is None:
            self.update()
            return
        ring = self.focused() if self.hasFocus() else None
        if ring is not None:
            rects = [*rects, ring.rect, *self._ring]
        region = widget_region(rects, *self.transform())
        if not region.isEmpty():
            self.update(region)

    def _frame_key(self) -> tuple[tuple[object, ...], tuple[float, float]]:
        """What the frame's pixels depend on besides the Screen and the scroll, and the scroll."""
        state = (self.drag_dx, self.devicePixelRatioF(), self.painter.outside, len(self.images))
        return state, (self.chat_scroll, self.sheet_scroll)

    def _damage(self) -> list[Rect] | None:
        """What differs between the kept frame and the Screen laid out now (None: all of it)."""
        assert self.laid_out is not None
        key, scroll = self._frame_key()
        return self._frame.changes(
            self.laid_out, self.images, key, scroll, whole=bool(self.drag_dx)
        )

    def _screen_pixmap(self) -> QPixmap:
        """The phone at scale 1 (x the screen's pixel ratio), up to date (``ui.preview.frame``).
        Painted under a whole-pixel transform, the painter blits its pre-rendered text and
        chrome; the drag moves the swipe strip's cards."""
        screen = self.laid_out
        assert screen is not None
        key, (chat, sheet) = self._frame_key()

        def paint(p: QPainter, dirty: Rect | None) -> None:
            self.painter.paint(p, self._dragged(screen), self.images, chat, sheet, dirty)

        return self._frame.update(
            screen, self.images, key, (chat, sheet), self.devicePixelRatioF(),
            self.palette().window().color(), paint, whole=bool(self.drag_dx),
        )  # fmt: skip

    def _paint_focus(self, p: QPainter, scale: float) -> None:
        target = self.focused() if self.hasFocus() else None
        self._ring = () if target is None else (target.rect,)
        if target is None:
            return
        r = target.rect
        pen = QPen(self.palette().highlight().color(), 2.5 / scale)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(r.x + 1.5, r.y + 1.5, r.w - 3, r.h - 3), 6, 6)

    # --- keyboard -------------------------------------------------------------------------------

    def focus_targets(self) -> list[Target]:
        """The tappable items on the phone now, in the order Tab walks them."""
        if self.laid_out is None:
            return []
        return targets(self.laid_out, self.chat_scroll, self.sheet_scroll)

    def focused(self) -> Target | None:
        found = self.focus_targets()
        if self.focus_index is None or not found:
            return None
        return found[min(self.focus_index, len(found) - 1)]

    def accessible_items(self) -> list[str]:
        """The names a screen reader gets for the items, in Tab order."""
        return [t.name for t in self.focus_targets()]

    def screen_changed(self) -> None:
        """A new layout: a sheet that opened or closed starts the walk again at its first item."""
        in_sheet = self.laid_out is not None and self.laid_out.sheet_rect is not None
        if in_sheet != self._focus_in_sheet:
            self._focus_in_sheet = in_sheet
            self.focus_index = 0 if self.focus_index is not None else None
        self._announce()

    def move_focus(self, step: int) -> bool:
        """Move the focus ring ``step`` items; False when that leaves the phone's items."""
        count = len(self.focus_targets())
        index = (-1 if step > 0 else count) if self.focus_index is None else self.focus_index
        index = min(index, count)
        if not 0 <= index + step < count:
            return False
        self.focus_index = index + step
        self._reveal()
        self._announce()
        self.update()
        return True

    def focusInEvent(self, event: QFocusEvent) -> None:
        count = len(self.focus_targets())
        if event.reason() == Qt.FocusReason.BacktabFocusReason:
            self.focus_index = count - 1 if count else None
        elif event.reason() == Qt.FocusReason.TabFocusReason or self.focus_index is None:
            self.focus_index = 0 if count else None
        self._reveal()
        self._announce()
        super().focusInEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        if self.hasFocus() and self.move_focus(1 if next else -1):
            return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        card = self._swipe_target(_SWIPE_KEYS.get(Qt.Key(key), 0))
        if card is not None:
            self.action.emit(card)
            return
        target = self.focused()
        if key in _TAP_KEYS and target is not None:
            self.action.emit(target.hit.action)
        elif key in _NEXT_KEYS or key in _PREVIOUS_KEYS:
            self.move_focus(1 if key in _NEXT_KEYS else -1)
        elif key == Qt.Key.Key_Escape and self.laid_out and self.laid_out.sheet_rect is not None:
            self.action.emit(("close_sheet",))
        else:
            super().keyPressEvent(event)

    def _swipe_target(self, steps: int) -> tuple[Any, ...] | None:
        """The action that shows the cards ``steps`` away, when a carousel is on screen."""
        screen = self.laid_out
        swipe = screen.swipe if screen is not None and screen.sheet_rect is None else None
        return swipe.target(steps) if swipe is not None and steps else None

    def _reveal(self) -> None:
        """Scroll the chat (or the sheet) so the focused item is in sight."""
        target, screen = self.focused(), self.laid_out
        if target is None or screen is None:
            return
        box = screen.sheet_rect if target.in_sheet else screen.chat_rect
        shift = reveal_shift(target, box) if box is not None else 0.0
        if not shift:
            return
        if target.in_sheet:
            self.sheet_scroll = min(screen.max_sheet_scroll(), max(0.0, self.sheet_scroll + shift))
        else:
            self.from_bottom = min(screen.max_chat_scroll(), max(0.0, self.from_bottom - shift))

    def _announce(self) -> None:
        text = describe(self.focused(), self.focus_targets())
        if text == self.accessibleDescription():
            return
        self.setAccessibleDescription(text)
        if self.hasFocus():  # a screen reader reads the focused canvas's description again
            # named here, not at the top: QAccessible's enums take ~3 ms to make
            from PySide6.QtGui import QAccessible, QAccessibleEvent

            QAccessible.updateAccessibility(
                QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
            )

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
        if hit in self.laid_out.chat_hits or hit in self.laid_out.regions:
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
        self.focus_index = None  # a click hides the keyboard's ring until Tab comes back
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

    def region_at(self, x: float, y: float) -> Hit | None:
        """The right-click region (a thread's bubble) under device point (x, y)."""
        screen = self.laid_out
        if screen is None or screen.sheet_rect is not None or not screen.chat_rect.contains(x, y):
            return None
        cy = y - screen.chat_rect.y + self.chat_scroll
        return next((r for r in screen.regions if r.rect.contains(x, cy)), None)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        region = self.region_at(*self.to_device(QPointF(event.pos())))
        if region is None:
            super().contextMenuEvent(event)
            return
        self.context.emit(region.action, event.globalPos())

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
