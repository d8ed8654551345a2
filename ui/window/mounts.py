"""Mount the widgets other workstreams own (phone preview, window countdown) into the window.

Each is optional at run time: if its module is missing the pane says so plainly instead of the
window failing to open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


def _optional(module: str, name: str) -> Any:
    """A widget class from another workstream's module, or None when it is not there."""
    import importlib

    try:
        return getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None


def mount_preview(layout: QVBoxLayout) -> Any:
    phone_view = _optional("ui.preview", "PhoneView")
    if phone_view is None:
        label = QLabel("Phone preview\n(not available in this build)")
        label.setObjectName("placeholder")
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        return None
    view = phone_view()
    view.setAccessibleName("Phone preview")
    layout.addWidget(view)
    return view


def mount_countdown(window: MainWindow) -> None:
    countdown = _optional("ui.panels.window_countdown", "WindowCountdown")
    if countdown is None:
        window.form.recipient.mount_placeholder("")
        return
    store = window.services.store()
    if window.profile_name() == "sandbox":
        window.services.sandbox().seed_store(store)  # the demo contacts' windows
    widget = countdown(store=store, clock=window.services.clock)
    window.form.recipient.mount_countdown(widget)
    window.countdown = widget

    from composer.window.facts import send_warning

    def on_state(status: Any) -> None:
        window.send_bar.set_window(status, window.form.kind() or "button")
        warning = send_warning(status)
        if warning is not None:
            window.send_bar.show_result("warning", warning)

    widget.state_changed.connect(on_state)
