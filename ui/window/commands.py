"""What the menu's commands do that no pane does already: a new message, Validate, the side
tabs and panes, the layout remembered between runs, and the Help dialogs.

Kept apart from ``main_window.py`` (the fan-out and the send path) so each stays short.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ui.window.layout_memory import save_layout, snapshot
from ui.window.panes import initial_sizes

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow

PANES = ("preview", "side")


class WindowCommands:
    """The commands of ``window`` (built once its panes exist)."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window

    # --- File -----------------------------------------------------------------------------------
    def new_message(self) -> None:
        """An empty editor of the current type (the recipient kept), asking first when the
        current message is unsaved work."""
        w = self.w
        if not w.draft_keeper.may_replace("a new message"):
            return
        kind = w.form.kind()
        w.form.reset_editor(kind)
        w.draft_keeper.forget_name()
        w.messages.select_kind(kind)

    # --- Message --------------------------------------------------------------------------------
    def validate(self) -> None:
        """Show the issues and put the focus on the first one (Enter there goes to its field)."""
        w = self.w
        self.show_side_tab("Issues")
        panel = w.issues_panel
        if panel.rows:
            panel.area.ensureWidgetVisible(panel.rows[0])
            panel.rows[0].setFocus()
        else:
            w.send_bar.show_result("ok", "No issues: the message follows every rule.")

    # --- View -----------------------------------------------------------------------------------
    def show_side_tab(self, name: str) -> None:
        tabs = self.w.tabs
        for index in range(tabs.count()):
            if tabs.tabText(index).split(" (")[0] == name:
                self.set_pane_visible("side", True)
                tabs.setCurrentIndex(index)
                return
        raise KeyError(name)

    def set_pane_visible(self, pane: str, visible: bool) -> None:
        action = self.w.actions_by_name[f"toggle_{pane}"]
        if action.isChecked() != visible:
            action.setChecked(visible)  # shows or hides the pane (and keeps the menu in step)

    def hidden_panes(self) -> list[str]:
        return [p for p in PANES if not self.w.actions_by_name[f"toggle_{p}"].isChecked()]

    def reset_layout(self) -> None:
        """Both panes shown, the phone as large as the height allows, the rest shared."""
        for pane in PANES:
            self.set_pane_visible(pane, True)
        splitter = self.w.splitter
        splitter.setSizes(initial_sizes(splitter.width(), splitter.height()))

    # --- remembering ----------------------------------------------------------------------------
    def restore_hidden(self, data: dict[str, Any]) -> None:
        """Hide the panes hidden when the window last closed (``layout_memory.load_layout``)."""
        hidden = data.get("hidden")
        for pane in hidden if isinstance(hidden, list) else []:
            if pane in PANES:
                self.set_pane_visible(pane, False)

    def save(self) -> None:
        save_layout(snapshot(self.w, self.w.splitter, self.hidden_panes()))

    # --- Help -----------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        from ui.window.help_dialogs import ShortcutsDialog

        ShortcutsDialog(self.w.menus.shortcuts(), self.w).exec()

    def show_about(self) -> None:
        from ui.window.help_dialogs import show_about

        show_about(self.w)
