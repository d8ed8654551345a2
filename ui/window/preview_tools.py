"""The preview's controls in the window: the appearance bar and side-by-side pane, the preview
settings dialog, "Save preview as PNG…" and "Save JSON…", as buttons and as QActions.

The choice is read from ``config_dir()/preview.json`` when the panes are built and written back
on every change. ``file_actions()`` and ``view_actions()`` are what a File and a View menu add
(``menu.addActions(window.preview_tools.file_actions())``); their shortcuts work without a menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from msgspec.structs import replace
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QFileDialog

from ui.preview.appearance import (
    PLATFORM_TITLES,
    SIDE_BY_SIDE,
    THEME_TITLES,
    PreviewChoice,
    PreviewSettings,
    load_choice,
    save_choice,
)
from ui.preview.export import write_png
from ui.preview.preview_pane import PreviewPane

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow

# Splitter shares (form, preview, side tabs): side by side, the phones get most of the room.
SHARES_ONE = (0.47, 0.26, 0.27)
SHARES_SIDE_BY_SIDE = (0.24, 0.58, 0.18)


class PreviewTools:
    """Builds the pane around the window's phone and keeps the choice, the actions and export."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.pane = PreviewPane(window.preview)
        layout = window.preview_box.layout()
        assert layout is not None
        layout.removeWidget(window.preview)
        layout.addWidget(self.pane)
        self.save_png_action = _action(window, "Save preview as PNG…", "Ctrl+Shift+P")
        # The one Export JSON action: the File menu adopts it, the JSON tab's button triggers it.
        self.save_json_action = _action(window, "Export JSON…", "Ctrl+Shift+E")
        self.settings_action = _action(window, "Preview settings…", "")
        self.save_png_action.triggered.connect(lambda: self.save_preview_png())
        self.save_json_action.triggered.connect(lambda: self.save_json())
        self.settings_action.triggered.connect(self.open_settings)
        window.preview.save_png_button.clicked.connect(self.save_png_action.trigger)
        self.pane.bar.settings_button.clicked.connect(self.settings_action.trigger)
        window.json_view.save_json.clicked.connect(self.save_json_action.trigger)
        self._view_actions = self._make_view_actions()
        self._side_mode = "off"
        self.pane.choice_changed.connect(self._on_choice)
        self.pane.apply(load_choice())

    # --- what menus add -----------------------------------------------------------------------
    def file_actions(self) -> list[QAction]:
        return [self.save_png_action, self.save_json_action]

    def view_actions(self) -> list[QAction]:
        """Platforms, themes and side-by-side modes (three exclusive groups), then settings."""
        return [*self._view_actions, self.settings_action]

    # --- export -------------------------------------------------------------------------------
    def save_preview_png(self, path: str | None = None) -> str | None:
        """Save the phone(s) as PNG at the screen's scale; ``path`` None asks with a dialog.

        Returns the path written, or None (cancelled or failed: the send bar says why)."""
        look = self.pane.choice().appearance
        target = path or self._ask_path(
            "Save preview as PNG", f"{self._stem()}-{look.key}.png", "PNG images (*.png)"
        )
        if not target:
            return None
        scale = max(1.0, self.window.devicePixelRatioF())
        if not write_png(self.pane.picture(scale), target):
            self.window.send_bar.show_result("error", f"The PNG could not be written to {target}.")
            return None
        self.window.send_bar.show_result("ok", f"Preview saved to {target}")
        return target

    def save_json(self, path: str | None = None) -> str | None:
        """Save the message POST body (never a token); the window's one export path."""
        return self.window.dialogs.export_json(path)

    def _ask_path(self, title: str, name: str, filter_: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self.window, title, name, filter_)
        return path

    def _stem(self) -> str:
        return self.window.form.kind() or "message"

    # --- settings and remembering -------------------------------------------------------------
    def open_settings(self) -> None:
        from ui.preview.settings_dialog import PreviewSettingsDialog

        choice = self.pane.choice()
        dialog = PreviewSettingsDialog(choice.settings, choice.appearance.era, self.window)
        if dialog.exec():
            self.apply_settings(dialog.settings(), dialog.era())

    def apply_settings(self, settings: PreviewSettings, era: str) -> None:
        """The dialog's result (also for tests): new settings and era on every phone."""
        choice = self.pane.choice()
        self.pane.bar.set_state(replace(choice.appearance, era=era), choice.side_by_side)
        self.pane.apply(replace(choice, appearance=self.pane.bar.appearance(), settings=settings))
        if settings.avatar and not self.window.preview.state().avatar:
            self.window.send_bar.show_result(
                "warning", f"The business picture could not be read: {settings.avatar}"
            )

    def _on_choice(self, choice: PreviewChoice) -> None:
        try:
            save_choice(choice)
        except OSError as exc:  # a read-only home must not break the preview
            self.window.send_bar.show_result("warning", f"Preview settings not saved: {exc}")
        self._sync_actions(choice)
        if choice.side_by_side != self._side_mode:
            self._side_mode = choice.side_by_side
            self._share_room(choice.side_by_side != "off")

    def _share_room(self, wide: bool) -> None:
        splitter = self.window.splitter
        total = max(sum(splitter.sizes()), 900)
        shares = SHARES_SIDE_BY_SIDE if wide else SHARES_ONE
        splitter.setSizes([int(total * share) for share in shares])

    # --- View menu actions --------------------------------------------------------------------
    def _make_view_actions(self) -> list[QAction]:
        out: list[QAction] = []
        bar = self.pane.bar
        for combo, titles in (
            (bar.platform_combo, PLATFORM_TITLES),
            (bar.theme_combo, THEME_TITLES),
            (bar.side_combo, SIDE_BY_SIDE),
        ):
            group = QActionGroup(self.window)
            for key, title in titles.items():
                action = QAction(title, group)
                action.setCheckable(True)
                action.setData(key)
                action.triggered.connect(
                    lambda _c=False, c=combo, k=key: c.setCurrentIndex(c.findData(k))
                )
                out.append(action)
        return out

    def _sync_actions(self, choice: PreviewChoice) -> None:
        chosen = {choice.appearance.platform, choice.appearance.theme, choice.side_by_side}
        for action in self._view_actions:
            action.setChecked(action.data() in chosen)


def _action(window: MainWindow, text: str, keys: str) -> QAction:
    action = QAction(text, window)
    if keys:
        action.setShortcut(keys)
    window.addAction(action)
    return action
