"""Helpers for setters on the keystroke path that must do nothing when nothing changed.

A ``level`` or ``issue`` property decides a widget's colours (``ui.look``); re-dressing it on
every key, for every field and counter, whether or not anything had changed, was wasted work.
``set_style_property`` re-dresses only when the value really changes. ``set_tab_text`` does the
same for a tab's title: Qt's ``QTabBar.setTabText`` re-lays out and repaints the whole tab bar
even for the same text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from ui import look


def restyle(widget: QWidget) -> None:
    """Re-apply the widget's look (``ui.look.dress``) after a property it depends on changed."""
    look.dress(widget)


def set_style_property(widget: QWidget, name: str, value: str) -> bool:
    """Set a look property (``level``, ``issue``) and re-dress, only if it changed. True if so."""
    if widget.property(name) == value:
        return False
    widget.setProperty(name, value)
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
