"""The window's add-ons, made once its panes exist: commands, the template and product links,
quoted replies, the preview's tools (appearance, Save PNG / JSON) and the history's actions.
Kept here so that ``main_window`` stays the composition of the parts, not their wiring."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow


def attach_add_ons(window: MainWindow) -> None:
    from ui.window.commands import WindowCommands
    from ui.window.preview_tools import PreviewTools
    from ui.window.products import wire_products
    from ui.window.quoted import wire_quotes
    from ui.window.templates import wire_templates

    window.commands = WindowCommands(window)
    window.templates = wire_templates(window)
    window.products = wire_products(window)
    wire_quotes(window)
    window.preview_tools = PreviewTools(window)  # appearance bar, settings, Save PNG / JSON


def wire_history(window: MainWindow) -> None:
    from ui.window.history_actions import HistoryActions

    window.history_actions = HistoryActions(
        window.services.store, reopen=window.dialogs.reopen, ask=window.ask,
        can_send=window.send_bar.can_send, send=window.send, report=window.send_bar.show_result,
    )  # fmt: skip
    window.history.open_requested.connect(window.history_actions.open)
    window.history.resend_requested.connect(window.history_actions.resend)


def adopt_preview_actions(window: MainWindow) -> None:
    """The File menu takes the preview's Save PNG and the one Export JSON action; View >
    Appearance its platform, theme and side-by-side actions; then rehearse mode's actions."""
    tools = window.preview_tools
    window.menus.adopt("save_preview_png", tools.save_png_action)
    window.menus.adopt("export_json", tools.save_json_action)
    window.menus.fill_appearance(tools.view_actions())
    from ui.window.rehearse_link import RehearseLink

    window.rehearse = RehearseLink(window)  # View > Rehearse a bot, File > Save rehearsal…
