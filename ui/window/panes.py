"""The window's three panes: empty placeholders for the first paint, then the real parts.

The splitter is laid out before the first paint with empty panes of the right names (so the
first paint has their colours: ``ui.look``); ``place_parts`` swaps in the form, the phone preview
and the side tabs (issues, JSON, webhook, history) once they are built.

Nothing a message does may move the panes: the phone pane does not stretch when the window
grows (the form and the side tabs take the room), and the webhook JSON of a tap opens in a side
tab instead of under the phone, where it took the phone's height and shrank it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QLayout,
    QSplitter,
    QSplitterHandle,
    QTabBar,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui import look
from ui.fill import fill_rect

if TYPE_CHECKING:
    from ui.preview import PhoneView
    from ui.window.parts import EditorParts

PANE_NAMES = ("editorPage", "previewPane", "sidePane")
HANDLE = 6  # the splitter handle's width: wide enough to grab
PHONE_SIZE = (380, 780)  # the phone's drawing at scale 1 (ui.preview.layout): its ideal box
PHONE_MARGIN = 16  # room around the phone in its pane
FORM_SHARE = 0.6  # of what the phone leaves: the form, the rest to the side tabs...
FORM_WIDEST = 720  # ...up to this: wider, the fields only get long, the JSON gets the room
TAB_NAMES = ("Issues", "JSON", "Webhook", "History")
SIDE_MIN_WIDTH = 220


class _Handle(QSplitterHandle):
    """A handle wide enough to grab, drawn as a one-pixel ``border`` line in its middle."""

    def paintEvent(self, event: QPaintEvent) -> None:
        line = self.rect()
        line.setLeft(line.center().x())
        line.setWidth(1)
        fill_rect(QPainter(self), line, look.colour("border"))


class _Splitter(QSplitter):
    def createHandle(self) -> QSplitterHandle:
        return _Handle(self.orientation(), self)


class _Tabs(QTabBar):
    """Flat tabs: the muted title, and the current one in the text colour over an accent line."""

    PAD = (14, 7)  # horizontal, vertical padding around a title

    def tabSizeHint(self, index: int) -> QSize:
        metrics = self.fontMetrics()
        w = metrics.horizontalAdvance(self.tabText(index)) + 2 * self.PAD[0]
        return QSize(w, metrics.height() + 2 * self.PAD[1] + 2)

    def minimumTabSizeHint(self, index: int) -> QSize:
        return self.tabSizeHint(index)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        current = self.currentIndex()
        for index in range(self.count()):
            rect = self.tabRect(index)
            if not rect.intersects(event.rect()):
                continue
            selected = index == current
            fill_rect(painter, rect, look.colour("surface" if selected else "window"))
            if selected:
                fill_rect(painter, rect.adjusted(0, rect.height() - 2, 0, 0), look.colour("accent"))
            painter.setPen(look.colour("text" if selected else "muted"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tabText(index))
        if self.hasFocus() and current >= 0:
            painter.setPen(look.colour("focus"))
            painter.drawRect(self.tabRect(current).adjusted(1, 1, -2, -4))


def placeholder_splitter() -> QSplitter:
    splitter = _Splitter()
    splitter.setObjectName("mainSplitter")
    splitter.setChildrenCollapsible(False)
    splitter.setHandleWidth(HANDLE)
    for name in PANE_NAMES:
        pane = QWidget()
        look.name(pane, name)
        splitter.addWidget(pane)
    # A bigger window widens the form and the side tabs; the phone keeps its size.
    for index, stretch in enumerate((3, 0, 2)):
        splitter.setStretchFactor(index, stretch)
    splitter.setSizes([520, 380, 380])
    return splitter


def initial_sizes(width: int, height: int) -> list[int]:
    """Pane widths for a splitter of ``width`` x ``height``: the phone as large as the height
    lets it be (up to its natural size), the rest shared by the form and the side tabs."""
    scale = min(1.0, max(height - PHONE_MARGIN, 1) / PHONE_SIZE[1])
    phone = round(PHONE_SIZE[0] * scale) + PHONE_MARGIN
    rest = max(width - phone - 2 * HANDLE, 0)
    form = min(round(rest * FORM_SHARE), FORM_WIDEST)
    return [form, phone, rest - form]


def place_parts(
    splitter: QSplitter, parts: EditorParts, *, keep_sizes: bool = False
) -> tuple[QWidget, QTabWidget]:
    """Put the parts in the splitter's panes; returns the preview's pane and the side tabs
    (Issues, JSON, Webhook, History). ``keep_sizes``: the splitter holds the user's sizes.
    The History tab holds an empty page until ``adopt_history`` (the store opens after ready).

    The caller must keep both: ``replaceWidget`` does not hand their ownership to Qt, so PySide
    deletes a pane (and the preview in it) once its last Python reference goes.
    """
    preview_box = QWidget()
    look.name(preview_box, "previewPane")
    preview_layout = QVBoxLayout(preview_box)
    preview_layout.setContentsMargins(0, 0, 0, 0)
    parts.preview.setAccessibleName("Phone preview")
    preview_layout.addWidget(parts.preview)
    tabs = QTabWidget()
    tabs.setTabBar(_Tabs())
    tabs.setDocumentMode(True)  # no frame around the pages: the splitter's line is the edge
    look.name(tabs, "sideTabs")
    tabs.setMinimumWidth(SIDE_MIN_WIDTH)  # its pages wrap down to this; narrower is no use
    history = QWidget()
    history.setObjectName("historyPlaceholder")
    pages = (parts.issues_panel, parts.json_view, webhook_page(parts.preview), history)
    for page, name in zip(pages, TAB_NAMES, strict=True):
        tabs.addTab(page, name)
    sizes = splitter.sizes()
    for index, widget in enumerate((parts.form, preview_box, tabs)):
        old = splitter.replaceWidget(index, widget)
        if old is not None:
            old.deleteLater()
    if keep_sizes:
        splitter.setSizes(sizes)
    else:
        splitter.setSizes(initial_sizes(max(sum(sizes), 900), splitter.height()))
    return preview_box, tabs


def adopt_history(tabs: QTabWidget, history: QWidget) -> None:
    """Put the history panel in place of the History tab's placeholder, keeping the current tab."""
    index = TAB_NAMES.index("History")
    current = tabs.currentIndex()
    placeholder = tabs.widget(index)
    tabs.removeTab(index)
    tabs.insertTab(index, history, TAB_NAMES[index])
    tabs.setCurrentIndex(current)
    if placeholder is not None:
        placeholder.deleteLater()


def webhook_page(preview: PhoneView) -> QWidget:
    """The side tab with the webhook JSON of the last tap: whatever the phone view lays out
    under its canvas (the hint, Copy, the JSON) moves here, so a tap never shrinks the phone."""
    page = QWidget()
    page.setObjectName("webhookPage")
    column = QVBoxLayout(page)
    column.setContentsMargins(8, 8, 8, 8)
    column.setSpacing(6)
    preview.dock_panel(column)
    preview.json_view.setMaximumHeight(16_777_215)  # the tab has the room the phone had not
    preview.json_view.setVisible(True)  # its placeholder says what a tap shows here
    return page


def _widget_at(layout: QLayout, index: int) -> QWidget | None:
    item = layout.itemAt(index)
    return item.widget() if item is not None else None
