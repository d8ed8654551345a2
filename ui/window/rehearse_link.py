"""Rehearse mode in the window: View > Rehearse a bot (and the button under the phone),
File > Save rehearsal… (and the bar's button), the rehearse bar under the phone.

Toggled on, the phone shows the rehearsal's whole thread (``ui.rehearse.controller``); toggled
off, the form's message again. The customer's name is the preview settings' one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QToolButton, QVBoxLayout

if TYPE_CHECKING:
    from ui.rehearse.controller import RehearseMode
    from ui.window.main_window import MainWindow

REHEARSE_KEYS = "Ctrl+Shift+R"


class RehearseLink:
    """The window's side of rehearse mode: its actions, its button and its bar."""

    def __init__(self, window: MainWindow) -> None:
        from ui.rehearse.bar import RehearseBar
        from ui.rehearse.controller import RehearseMode

        self.window = window
        self.bar = RehearseBar(window.preview_box)
        self.bar.setVisible(False)
        layout = window.preview_box.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(self.bar)
        self.mode: RehearseMode = RehearseMode(
            window.preview, self.bar, window.tasks, window.services.secrets, window
        )
        self.toggle_action = QAction("&Rehearse a bot", window)
        self.toggle_action.setObjectName("rehearse")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(REHEARSE_KEYS)
        self.toggle_action.setToolTip("The phone plays the customer of your own bot")
        self.toggle_action.toggled.connect(self.set_on)
        self.save_action = QAction("Save re&hearsal…", window)
        self.save_action.setObjectName("save_rehearsal")
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(lambda: self.save())
        # Under the phone (the bars above it have no room left): toggles the mode
        self.button = QToolButton()
        self.button.setAutoRaise(True)  # flat until the mouse is over it
        self.button.setText("Rehearse a bot")
        self.button.setObjectName("rehearseButton")
        self.button.setCheckable(True)
        self.button.setToolTip(f"Rehearse a bot: the phone plays its customer ({REHEARSE_KEYS})")
        self.button.setAccessibleName("Rehearse a bot")
        self.button.toggled.connect(self.set_on)
        row = QHBoxLayout()
        row.setContentsMargins(8, 2, 8, 2)
        row.addStretch(1)
        row.addWidget(self.button)
        layout.insertLayout(layout.indexOf(self.bar), row)
        self.bar.save_button.clicked.connect(self.save_action.trigger)
        self.mode.show_webhook.connect(lambda: window.commands.show_side_tab("Webhook"))
        self.mode.thread_changed.connect(self._sync)
        self._add_to_menus()
        app = QCoreApplication.instance()
        if app is not None:  # the sandbox's port and the delivery thread end with the app
            app.aboutToQuit.connect(self.mode.stop)

    def _add_to_menus(self) -> None:
        menus = self.window.menus
        file_menu, view_menu = menus.menus["File"], menus.menus["View"]
        settings = menus.actions_by_name["settings"]
        file_menu.insertAction(settings, self.save_action)
        view_menu.addSeparator()
        view_menu.addAction(self.toggle_action)
        for action in (self.toggle_action, self.save_action):
            self.window.addAction(action)
            menus.actions_by_name[action.objectName()] = action

    def set_on(self, on: bool) -> None:
        """Enter or leave rehearse mode (the action and the button stay in step)."""
        if self.toggle_action.isChecked() != on:
            self.toggle_action.setChecked(on)  # comes back here through ``toggled``
            return
        blocked = self.button.blockSignals(True)  # in step, without coming back here
        self.button.setChecked(on)
        self.button.blockSignals(blocked)
        if on:
            self.mode.customer_name = self._customer_name()
            self.mode.enter()
            self.bar.url.setFocus()
        else:
            self.mode.leave()
            self.window.preview.set_message(*self.window.preview.message())
        self._sync()

    def save(self, path: str | None = None) -> str | None:
        """Save rehearsal…: the thread as a script (a file dialog unless ``path``)."""
        target = (
            path
            or QFileDialog.getSaveFileName(
                self.window, "Save rehearsal", "rehearsal.json", "Rehearsal scripts (*.json)"
            )[0]
        )
        if not target:
            return None
        return target if self.mode.save_script(target) else None

    def _sync(self) -> None:
        self.save_action.setEnabled(self.toggle_action.isChecked() and bool(self.mode.book.log))

    def _customer_name(self) -> str | None:
        name = self.window.preview_tools.pane.choice().settings.customer_name
        return name or None
