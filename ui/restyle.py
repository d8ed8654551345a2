"""One helper every widget uses after changing a property that a QSS selector reads."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property used by a QSS selector changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
