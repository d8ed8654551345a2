"""Helpers for setters on the keystroke path that must do nothing when nothing changed.

Re-polishing a widget costs a stylesheet pass; on the keystroke path it ran for every field and
counter each time, whether or not anything had changed. ``set_style_property`` re-polishes only
when the value really changes. ``set_tab_text`` does the same for a tab's title: Qt's
``QTabBar.setTabText`` re-lays out and repaints the whole tab bar even for the same text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property used by a QSS selector changed.

    A widget not polished yet is left alone: its first polish (when it is shown) reads the
    property anyway, and ``style()`` would make QStyle's Python enums (about 6 ms) while the
    window's start builds its fields."""
    if not widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        return
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def set_style_property(widget: QWidget, name: str, value: str, *, polish: bool = True) -> bool:
    """Set a QSS-visible property; re-polish (when ``polish``) only if it changed. True if so."""
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
    if polish:
        restyle(widget)
    return True


def set_tab_text(tabs: QTabWidget, index: int, text: str) -> bool:
    """Set a tab's title only if it differs (no relayout, no repaint otherwise). True if so."""
    if tabs.tabText(index) == text:
        return False
    tabs.setTabText(index, text)
    return True


def set_tool_tip(widget: QWidget, text: str) -> bool:
    """Set a tooltip only if it differs: ``setToolTip`` sends a ToolTipChange event through
    every event filter each time, and the counters and the send bar set theirs on every key."""
    if widget.toolTip() == text:
        return False
    widget.setToolTip(text)
    return True
