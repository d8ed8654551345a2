"""Layouts that do not re-lay out (or ask their parents to) when nothing they place has changed.

Qt re-lays out a widget's parents whenever a child calls ``updateGeometry``, and a ``QLabel``
does so on every ``setText``, even when the new text takes the same room. Up the form that is one
posted ``LayoutRequest`` per level, each re-laying out its whole subtree: a field's issue line
whose count changes on every key ("Body is 1001 characters, but 1031 ...") cost two passes over
the editor page and the repaint of everything they touched.

``GuardedVBoxLayout`` and ``GuardedHBoxLayout`` are for blocks whose **width is given by their
parent** (a form row, an issues row): before passing an invalidation on, they compare what their
layout depends on with the last time: the children in order, visibility, minimum and maximum
sizes, size policies, alignment and stretch, margins and spacing, and each child's height (its
height for its current width when it has one, else its size hint). When all of that is
unchanged the invalidation stops here: the label repaints itself, nothing moves. A child's
preferred *width* is deliberately not compared (a wrapped label's changes with every word), so
these layouts are not for a row whose widths are shared out by size hints.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLayout, QVBoxLayout, QWidget


def _widget_key(w: QWidget) -> tuple[object, ...]:
    hidden = w.isHidden()
    if hidden:
        need: object = None
    elif w.hasHeightForWidth():
        need = w.heightForWidth(w.width())
    else:
        need = w.sizeHint()
    return (
        w, hidden, need, w.minimumSizeHint(), w.minimumSize(), w.maximumSize(), w.sizePolicy(),
    )  # fmt: skip


def snapshot(layout: QLayout) -> tuple[object, ...]:
    """What ``layout`` (and its sub-layouts) would place its items by, as a comparable value."""
    parts: list[object] = [layout.contentsMargins(), layout.spacing()]
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        stretch = layout.stretch(i) if isinstance(layout, QBoxLayout) else 0
        parts.append((item.alignment(), stretch))
        widget, sub = item.widget(), item.layout()
        if widget is not None:
            parts.append(_widget_key(widget))
        elif sub is not None:
            parts.append(snapshot(sub))
        else:  # a spacer or a stretch
            parts.append((item.sizeHint(), item.minimumSize(), item.maximumSize()))
    return tuple(parts)


class _Guard:
    """The shared check (see the module docstring). ``invalidate`` is virtual: Qt calls it."""

    _placed: tuple[object, ...] | None = None
    _placed_width: int | None = None  # the width the snapshot was taken as placed at

    def _on_screen(self, layout: QLayout) -> bool:
        """Whether ``layout``'s widget is shown; if not, nothing is kept: lay out as Qt does."""
        parent = layout.parentWidget()
        if parent is None or not parent.isVisible():
            self._placed = self._placed_width = None
            return False
        return True

    def _unchanged(self, layout: QLayout) -> bool:
        if not self._on_screen(layout):
            return False
        now = snapshot(layout)
        if now == self._placed:
            return True
        self._placed, self._placed_width = now, None
        return False

    def _placed_now(self, layout: QLayout, r: QRect) -> None:
        """The items are where the layout put them: compare the next change with this (what
        was noted at the invalidation that led here can be stale: a label shown with its
        first text is measured at its old width, and its next text would re-lay out the form).
        A block placed at the width of its snapshot keeps it: the snapshot holds its items'
        heights for their widths, which its height does not change (an issue that appears
        squeezes, then restores, every field of the form)."""
        if self._placed is not None and self._placed_width == r.width():
            return
        if self._on_screen(layout):
            self._placed, self._placed_width = snapshot(layout), r.width()

    def note_shown(self) -> None:
        """Its widget has just been shown: what it placed while hidden is what is on screen
        (a change while hidden was laid out as Qt does), so the next change compares with it
        instead of laying out everything above it again. For widgets a layout places before
        showing them: a new issues row."""
        layout = cast(QLayout, self)
        self._placed_now(layout, layout.geometry())


class GuardedVBoxLayout(_Guard, QVBoxLayout):
    def invalidate(self) -> None:
        if not self._unchanged(self):
            super().invalidate()

    def setGeometry(self, r: QRect) -> None:
        super().setGeometry(r)
        self._placed_now(self, r)


class GuardedHBoxLayout(_Guard, QHBoxLayout):
    def invalidate(self) -> None:
        if not self._unchanged(self):
            super().invalidate()

    def setGeometry(self, r: QRect) -> None:
        super().setGeometry(r)
        self._placed_now(self, r)
