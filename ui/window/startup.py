"""The window's start in two steps, so that the editor is usable as early as it can be.

1. ``attach_editor`` (right after the first paint): the form, the phone preview, the issues and
   JSON panes, the loader and the draft keeper. The window then shows the restored draft (or a
   first sample) and emits ``ready``: the user can type and sees the preview.
2. ``attach_later`` (right after the editor's own paint, ``ui.app.after_editor_drawn``): the
   history store and panel, the 24-hour countdown, the webhook receiver and its indicator, the
   dialogs, the menus' commands and the add-ons; ``MainWindow.finish_later`` then offers the To
   field's contacts (their made-up user ids are hashes, and hashlib loads OpenSSL), and
   ``ui.app.run`` lets Qt serve the single-instance socket (``ui.single_instance``). Send stays
   disabled until then: it must not go before the countdown knows whether the recipient's
   24-hour window is open.

``MainWindow.finish_startup`` runs both at once (tests, and anything that needs the whole window).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.window.panes import adopt_history, place_parts

if TYPE_CHECKING:
    from ui.window.main_window import MainWindow
    from ui.window.parts import EditorParts, LaterParts


def attach_editor(w: MainWindow, parts: EditorParts, *, keep_sizes: bool) -> None:
    """Take the editor's parts in, make the loader and the draft keeper, connect the editing."""
    from ui.window.draft_keeper import DraftKeeper
    from ui.window.message_loader import MessageLoader

    w.form, w.preview, w.issues_panel, w.json_view = parts
    w.preview_box, w.tabs = place_parts(w.splitter, parts, keep_sizes=keep_sizes)
    report = w.send_bar.show_result
    w.messages = MessageLoader(w.form, w.session, w.type_combo, report)
    w.draft_keeper = DraftKeeper(
        w.services.drafts, w.messages,
        profile=w.profile_name, ask=w.ask, report=report, parent=w,
    )  # fmt: skip
    w.form.edited.connect(w.on_edited)
    w.issues_panel.path_activated.connect(w.focus_path)
    w.type_combo.currentIndexChanged.connect(w.on_type_picked)


def attach_later(w: MainWindow, parts: LaterParts) -> None:
    """Take the later parts in and wire everything that needs them (see the module docstring)."""
    from ui.window.add_ons import attach_add_ons
    from ui.window.dialogs import WindowDialogs

    w.history, w.countdown, w.webhooks = parts.history, parts.countdown, parts.webhooks
    adopt_history(w.tabs, parts.history)
    parts.webhooks.setParent(w)
    w.statusBar().addPermanentWidget(parts.indicator)
    w.form.recipient.mount_countdown(parts.countdown)
    w.dialogs = WindowDialogs(
        w, w.services, w.tasks,
        webhooks=w.webhooks, loader=w.messages, keeper=w.draft_keeper,
        profiles=w.profiles, ask=w.ask, report=w.send_bar.show_result,
        after_drafts=w.show_storage_notices,
    )  # fmt: skip
    attach_add_ons(w)
    _wire_later(w, parts)


def _wire_later(w: MainWindow, parts: LaterParts) -> None:
    from ui.window.add_ons import adopt_preview_actions, wire_history

    wire_history(w)
    w.countdown.state_changed.connect(w.on_window_state)
    w.countdown.connect_webhooks_requested.connect(parts.indicator.explain)
    w.webhooks.event_received.connect(w.on_webhook_event)
    parts.indicator.imported.connect(w.on_webhook_event)
    w.profile_combo.currentIndexChanged.connect(w.on_profile_picked)
    w.example_button.clicked.connect(w.dialogs.load_example)
    for button in (w.top.import_button, w.json_view.import_json):
        button.clicked.connect(w.dialogs.import_json)
    w.top.drafts_button.clicked.connect(w.dialogs.drafts)
    w.settings_button.clicked.connect(w.dialogs.settings)
    w.preview.reply_webhook.connect(lambda _body: w.commands.show_side_tab("Webhook"))
    w.menus.fill()  # every shortcut lives on a menu action (none defined twice)
    adopt_preview_actions(w)
    w.commands.restore_hidden(w.layout_saved)
