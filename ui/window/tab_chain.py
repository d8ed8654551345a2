"""Tab and Shift+Tab in reading order over the whole window, wrapping at the ends.

Qt's own focus chain is creation order: a button added later (an "Add button", a new card, the
webhook tab) came after widgets built before it, and the chain could loop inside the form
without ever reaching the top bar, the recipient or Send again. Here the chain is read from the
widgets as laid out, top to bottom and left to right, every time Tab is pressed, so it is always
complete: every visible, enabled control that takes Tab focus is in it exactly once.

A control's own children (a combo's line edit, a spin box's editor) are its internals and not
stops; a card's move / remove buttons come after the card's fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLayout,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QWidget,
)

from ui.editors.repeater import Card

_TAB = Qt.FocusPolicy.TabFocus.value


def takes_tab(widget: QWidget) -> bool:
    """A stop of the chain: Tab may focus it (a plain scroll area is only a container)."""
    if type(widget) is QScrollArea:
        return False
    return bool(widget.focusPolicy().value & _TAB) and widget.isEnabled()


class _Walk:
    def __init__(self, root: QWidget) -> None:
        self.root = root
        self.out: list[QWidget] = []
        self.seen: set[int] = set()

    def widget(self, w: QWidget | None) -> None:
        if w is None or id(w) in self.seen or (w.isWindow() and w is not self.root):
            return
        self.seen.add(id(w))
        if not w.isVisibleTo(self.root) or not w.isEnabled():
            return
        if isinstance(w, QTabWidget):
            self.widget(w.tabBar())
            self.widget(w.currentWidget())
            return
        if takes_tab(w):
            self.out.append(w)
            return  # a control's children are its own parts (a combo's line edit)
        start = len(self.out)
        self.children(w)
        if isinstance(w, Card):  # its move/remove buttons come after its fields
            mine = {id(w.up), id(w.down), id(w.remove)}
            part = self.out[start:]
            self.out[start:] = [x for x in part if id(x) not in mine] + [
                x for x in part if id(x) in mine
            ]

    def children(self, w: QWidget) -> None:
        if isinstance(w, QMainWindow):
            self.widget(w.centralWidget())
            self.widget(w.statusBar())
            return
        if isinstance(w, QScrollArea):
            self.widget(w.widget())
            return
        if isinstance(w, QStackedWidget):
            self.widget(w.currentWidget())
            return
        if isinstance(w, QSplitter):
            for i in range(w.count()):
                self.widget(w.widget(i))
            return
        self.layout(w.layout())
        for child in w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
            self.widget(child)  # children outside any layout, after the laid-out ones

    def layout(self, layout: QLayout | None) -> None:
        if layout is None:
            return
        for i in range(layout.count()):
            item = layout.itemAt(i)
            if item is None:
                continue
            if item.widget() is not None:
                self.widget(item.widget())
            elif item.layout() is not None:
                self.layout(item.layout())


def reading_order(root: QWidget) -> list[QWidget]:
    """Every Tab stop under ``root`` in reading order (the order Tab visits them)."""
    walk = _Walk(root)
    walk.children(root) if isinstance(root, QMainWindow) else walk.widget(root)
    return walk.out


def position(chain: list[QWidget], widget: QWidget | None) -> int | None:
    """Index of ``widget`` (or of the chain widget it is part of, e.g. a combo's line edit)."""
    while widget is not None:
        for index, stop in enumerate(chain):
            if stop is widget or stop.focusProxy() is widget:
                return index
        widget = widget.parentWidget()
    return None


def move_focus(root: QWidget, forward: bool) -> bool:
    """Tab (``forward``) or Shift+Tab within ``root``: False when the focus is not in its chain."""
    chain = reading_order(root)
    focus = QApplication.focusWidget()
    index = position(chain, focus)
    step = 1 if forward else -1
    if index is None and focus is not None:  # a container that took a click (the form's area)
        inside = [i for i, stop in enumerate(chain) if focus.isAncestorOf(stop)]
        if inside:
            index, step = inside[0], 0 if forward else -1
    if not chain or index is None:
        return False
    target = chain[(index + step) % len(chain)]
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    target.setFocus(reason)
    parent = target.parentWidget()
    while parent is not None:  # scroll the form to it
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(target, 20, 40)
        parent = parent.parentWidget()
    return True
