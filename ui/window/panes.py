"""The window's three panes: empty placeholders for the first paint, then the real parts.

The splitter is laid out before the first paint with empty panes of the right names (so the
stylesheet draws the final look at once); ``place_parts`` swaps in the form, the phone preview
and the side tabs (issues, JSON, history) once they are built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ui.window.parts import WindowParts

PANE_NAMES = ("editorPage", "previewPane", "sidePane")


def placeholder_splitter() -> QSplitter:
    splitter = QSplitter()
    splitter.setChildrenCollapsible(False)
    for name in PANE_NAMES:
        pane = QWidget()
        pane.setObjectName(name)
        splitter.addWidget(pane)
    splitter.setStretchFactor(0, 5)
    splitter.setStretchFactor(1, 4)
    splitter.setStretchFactor(2, 4)
    splitter.setSizes([520, 380, 380])
    return splitter


def place_parts(splitter: QSplitter, parts: WindowParts) -> tuple[QWidget, QTabWidget]:
    """Put the parts in the splitter's panes; returns the preview's pane and the side tabs
    (Issues, JSON, History).

    The caller must keep both: ``replaceWidget`` does not hand their ownership to Qt, so PySide
    deletes a pane (and the preview in it) once its last Python reference goes.
    """
    preview_box = QWidget()
    preview_box.setObjectName("previewPane")
    preview_layout = QVBoxLayout(preview_box)
    preview_layout.setContentsMargins(0, 0, 0, 0)
    parts.preview.setAccessibleName("Phone preview")
    preview_layout.addWidget(parts.preview)
    tabs = QTabWidget()
    tabs.setObjectName("sideTabs")
    tabs.addTab(parts.issues_panel, "Issues")
    tabs.addTab(parts.json_view, "JSON")
    tabs.addTab(parts.history, "History")
    for index, widget in enumerate((parts.form, preview_box, tabs)):
        old = splitter.replaceWidget(index, widget)
        if old is not None:
            old.deleteLater()
    total = max(sum(splitter.sizes()), 900)
    splitter.setSizes([int(total * 0.47), int(total * 0.26), int(total * 0.27)])
    return preview_box, tabs
