"""Helpers every widget uses when a property that a QSS selector reads changes.

Re-polishing a widget costs a stylesheet pass; on the keystroke path it ran for every field and
counter each time, whether or not anything had changed. ``set_style_property`` re-polishes only
when the value really changes.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property used by a QSS selector changed."""
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
