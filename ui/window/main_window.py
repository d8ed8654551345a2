"""The composer window: type picker and profile on top, the form on the left, the phone preview in
the middle (or a rehearsal's thread), issues / JSON / history on the right, the send bar below.
Wiring follows design.md: the form emits a new message per edit, the session keeps it and fans
``changed(message, issues)`` out to the preview, the field marks, the issues list, the JSON view,
the send bar and the (throttled) autosave. The composition root (``ui/app.py``) gives the window
its collaborators; it is drawn before its panes exist, then built in two steps
(``ui.window.startup``): the editor right after the first paint, the rest a moment later.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from ui.editors.registry import TITLES
from ui.panels.send_bar import SendBar
from ui.restyle import set_tab_text
from ui.sender import WindowSender
from ui.window.layout_memory import load_layout, restore_splitter, restore_window
from ui.window.menus import WindowMenus
from ui.window.panes import placeholder_splitter
from ui.window.parts import StartOptions
from ui.window.profile_choice import ProfileChoice
from ui.window.top_bar import SANDBOX, TopBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from composer.messages import Message
    from composer.sending import SendOutcome
    from composer.validation.check import Issue
    from composer.window.facts import WindowStatus
    from ui.panels.history import HistoryPanel
    from ui.panels.issues_panel import IssuesPanel
    from ui.panels.json_view import JsonView
    from ui.panels.webhook_receiver import WebhookReceiverControl
    from ui.panels.window_countdown import WindowCountdown
    from ui.preview import PhoneView
    from ui.services import Services
    from ui.session import Session
    from ui.tasks import TaskRunner
    from ui.window.commands import WindowCommands
    from ui.window.composer_form import ComposerForm
    from ui.window.dialogs import WindowDialogs
    from ui.window.draft_keeper import DraftKeeper
    from ui.window.history_actions import HistoryActions
    from ui.window.message_loader import MessageLoader
    from ui.window.parts import PartsFactory
    from ui.window.preview_tools import PreviewTools
    from ui.window.products import CatalogLink
    from ui.window.rehearse_link import RehearseLink
    from ui.window.templates import TemplateLink

__all__ = ["AUTOSAVE_MS", "SANDBOX", "MainWindow"]

AUTOSAVE_MS = 500


class MainWindow(QMainWindow):
    """Top-level window; ``ready`` fires once the editor is built and the draft restored,
    ``settled`` once the rest is (``ui.window.startup``).

    The panes exist from ``start_editor`` on (the app runs it right after the first paint); the
    history, countdown, webhooks, dialogs and commands from ``finish_later``
    (``ui.window.startup``).
    """

    ready = Signal()  # the editor is usable (start_editor)
    settled = Signal()  # the rest is built too (finish_later): Send can go
    sent = Signal(object)  # SendOutcome, after the UI has shown it
    form: ComposerForm
    preview: PhoneView
    issues_panel: IssuesPanel
    json_view: JsonView
    history: HistoryPanel
    tabs: QTabWidget
    preview_box: QWidget
    countdown: WindowCountdown
    webhooks: WebhookReceiverControl
    messages: MessageLoader
    draft_keeper: DraftKeeper
    dialogs: WindowDialogs
    templates: TemplateLink
    preview_tools: PreviewTools
    commands: WindowCommands
    products: CatalogLink
    history_actions: HistoryActions
    rehearse: RehearseLink

    def __init__(
        self,
        services: Services,
        session: Session,
        tasks: TaskRunner,
        parts: PartsFactory,
        options: StartOptions | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.session = session
        self.tasks = tasks
        session.setParent(self)
        tasks.setParent(self)
        self._make_parts = parts
        self._options = options or StartOptions()
        self.window_sender = WindowSender(services, tasks, self)
        self._started = False
        self._later_done = False
        self._countdown_for: str | None = None
        self.setWindowTitle("WA Composer")
        self.setObjectName("mainWindow")
        self.top = TopBar()
        self.send_bar = SendBar()
        self.type_combo, self.profile_combo = self.top.type_combo, self.top.profile_combo
        self.profile_badge, self.example_button = self.top.profile_badge, self.top.example_button
        self.settings_button = self.top.settings_button
        self.profiles = ProfileChoice(self.top, services, self.send_bar.show_result)
        self.splitter: QSplitter = placeholder_splitter()  # panes arrive in start_editor
        self.layout_saved = load_layout()  # size, place and pane sizes as the user left them
        restore_window(self, self.layout_saved)
        self._sizes_restored = restore_splitter(self.splitter, self.layout_saved)
        self._sent_message: Message | None = None  # the message the send result is about
        self.menus = WindowMenus(self)  # the titles now, the commands once the panes exist
        self.actions_by_name = self.menus.actions_by_name
        self._lay_out()
        self.send_bar.send_requested.connect(self.send)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._autosave_now)
        self.session.changed.connect(self._on_changed)
        self.window_sender.in_flight_changed.connect(self.send_bar.set_in_flight)
        self.window_sender.attempted.connect(self.send_bar.show_attempt)
        self.window_sender.finished.connect(self._on_sent)

    # --- layout -------------------------------------------------------------------------------
    def _lay_out(self) -> None:
        central = QWidget()
        column = self._column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.send_bar)
        self.setCentralWidget(central)

    # --- start-up (two steps: ui.window.startup) -----------------------------------------------
    def start_editor(self) -> None:
        """Build the editor and the preview, restore the last draft (or show a first sample) and
        emit ``ready``. Runs right after the first paint; ``finish_later`` does the rest."""
        if self._started:
            return
        self._started = True
        from ui.window.startup import attach_editor

        attach_editor(self, self._make_parts.editor(), keep_sizes=self._sizes_restored)
        self.reload_profiles()
        restored = self.draft_keeper.restore_current(self._select_profile)
        start_kind = self._options.start_kind
        if not restored:
            self.messages.start_fresh(start_kind, example=self._options.example_on_first_start)
        elif start_kind in TITLES and start_kind != self.form.kind():
            self.messages.select_kind(str(start_kind))
        self.ready.emit()

    def finish_later(self) -> None:
        """The parts the first usable screen does without (``ui.window.startup``); Send is enabled
        at the end, once the countdown knows the recipient's 24-hour window."""
        if self._later_done or not self._started:
            return
        self._later_done = True
        from ui.window.startup import attach_later

        attach_later(self, self._make_parts.later(self.profile_name))
        self._offer_contacts()  # not before: their user ids are hashes (hashlib loads OpenSSL)
        self.send_bar.add_icon()
        from PySide6.QtGui import QIcon  # not before: QIcon's enums take ~3 ms to make
        from PySide6.QtWidgets import QApplication

        from ui.identity import ICON_SVG

        QApplication.setWindowIcon(QIcon(f"icons:{ICON_SVG}"))  # every window's, and About's
        from ui.panels.notice_bar import NoticeBar

        self.notices = NoticeBar()
        self._column.insertWidget(1, self.notices)
        self.show_storage_notices()
        current = self.session.current()
        self._countdown_for = current.to if current is not None else ""
        self.countdown.set_recipient(self._countdown_for)
        self.send_bar.set_starting(False)
        self.settled.emit()

    def finish_startup(self) -> None:
        """Both steps at once (tests, and anything that needs the whole window now)."""
        self.start_editor()
        self.finish_later()

    def show_storage_notices(self) -> None:
        """Say where a damaged draft or history went (kept aside, never overwritten)."""
        if self.services.history_notice is not None:
            self.notices.show_notice(self.services.history_notice)
            self.services.history_notice = None
        for path in self.services.drafts.take_set_aside():
            self.notices.show_notice(
                f"A saved draft was damaged and could not be opened. It was kept as {path}; "
                "nothing was overwritten."
            )

    def on_type_picked(self, _index: int) -> None:
        self.messages.pick_kind(str(self.type_combo.currentData()))

    def ask(self, title: str, question: str) -> bool:
        """Yes/No question (tests answer through ``services.confirm``)."""
        if self.services.confirm is not None:
            return self.services.confirm(question)
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    # --- the one fan-out ----------------------------------------------------------------------
    def on_edited(self, msg: Message) -> None:
        # Everything the form holds is in the model (even broken flow data, which check() reports)
        self.session.set_message(msg)

    def _show_issues(self, issues: list[Issue]) -> int:
        self.form.mark(issues)
        self.issues_panel.set_issues(issues)
        errors = sum(1 for i in issues if i.is_error)
        set_tab_text(self.tabs, 0, f"Issues ({len(issues)})" if issues else "Issues")
        self.send_bar.set_issues(issues)
        return errors

    def _on_changed(self, msg: Message | None, issues: list[Issue]) -> None:
        if self._sent_message is not None and msg != self._sent_message:
            self._sent_message = None  # "Accepted by WhatsApp: wamid…" was about another message
            self.send_bar.clear_result()
        self._show_issues(issues)
        if msg is not None:
            self.send_bar.set_kind(str(msg.content.kind))
            from composer.payload import to_payload

            self.json_view.set_payload_from(lambda: to_payload(msg), self.profiles.url)
        self.preview.set_message(msg, issues)
        to = msg.to if msg is not None else ""
        if self._later_done and to != self._countdown_for:
            self._countdown_for = to  # the store is read only when the recipient changes
            self.countdown.set_recipient(to)
        if self._options.autosave and not self._autosave.isActive():
            self._autosave.start()

    def on_window_state(self, status: WindowStatus) -> None:
        from composer.window.facts import send_warning

        self.send_bar.set_window(status, self.form.kind() or "button")
        warning = send_warning(status)
        if warning is not None:
            self.send_bar.show_result("warning", warning)

    def focus_path(self, path: str) -> None:
        self.form.focus_path(path)

    def on_webhook_event(self, event: object = None) -> None:
        """A webhook event arrived, or bodies were pasted (``history_actions.route_event``)."""
        from ui.window.history_actions import route_event

        route_event(event, self.history, self.countdown)

    # --- profiles -----------------------------------------------------------------------------
    def profile_name(self) -> str:
        return self.profiles.name()

    def reload_profiles(self) -> None:
        """Re-read the profiles file into the picker, keeping the current choice if it is there."""
        self.profiles.reload()

    def _select_profile(self, name: str) -> None:
        # A draft restored at start-up gets its contacts with the second step (finish_later)
        if self.profiles.select(name) and self._later_done:
            self._offer_contacts()

    def on_profile_picked(self, _index: int) -> None:
        self.top.show_profile_badge(self.profile_name())
        self.templates.profile_changed()
        self.products.profile_changed()
        self._offer_contacts()
        self.profiles.update_url()
        if self.session.current() is not None:
            self._on_changed(self.session.current(), self.session.issues())

    def _offer_contacts(self) -> None:
        self.form.recipient.field.set_contacts(self.profiles.contacts())

    # --- sending ------------------------------------------------------------------------------
    def send(self) -> None:
        msg = self.session.current()
        if msg is None or not self.send_bar.can_send():
            return
        try:
            profile = self.services.profile(self.profile_name())
        except (KeyError, ValueError, OSError) as exc:  # removed or unreadable since it was listed
            self.send_bar.show_result("error", f"The profile cannot be used: {exc}")
            return
        if not profile.is_sandbox and not self._confirm(profile.name, msg.to):
            return
        self.window_sender.start(profile, msg)

    def _confirm(self, profile: str, to: str) -> bool:
        question = f"Send this message to {to} with the real profile {profile!r}?"
        return self.ask("Send to a real customer?", question)

    def is_sending(self) -> bool:
        return self.window_sender.in_flight()

    def _on_sent(self, outcome: SendOutcome) -> None:
        level = "ok" if outcome.ok else "warning" if outcome.outcome == "unknown" else "error"
        text = outcome.text
        if outcome.history_problem is not None:
            text += f"\nThe send history could not be written ({outcome.history_problem})."
        self.send_bar.show_result(level, text)
        self._sent_message = self.session.current()
        if not outcome.ok and outcome.field_path:
            self.focus_path(outcome.field_path)
        self.refresh_history()
        if not outcome.ok:
            self.countdown.refresh()  # a synchronous 131047 has just closed the window
        self.sent.emit(outcome)

    def refresh_history(self) -> None:
        """New sends were recorded: their rows go on top of the history (once it is shown)."""
        try:
            self.history.note_new_sends()
        except Exception as exc:  # the history database is optional for composing
            self.send_bar.show_result("warning", f"History could not be read: {exc}")

    # --- messages and drafts (the loader and the keeper do the work) ---------------------------
    def load_payload(self, payload: object) -> str | None:
        """Load a Graph payload into the editors; returns an error text (editors untouched)."""
        return self.messages.load_payload(payload)

    def save_preview_png(self, path: str | None = None) -> str | None:
        """Save preview as PNG… (a file dialog unless ``path``); the path written or None."""
        return self.preview_tools.save_preview_png(path)

    def save_json(self, path: str | None = None) -> str | None:
        """Save JSON…: the message POST body to a file (no token); the path written or None."""
        return self.preview_tools.save_json(path)

    def save_current_draft(self) -> None:
        if self._started:
            self.draft_keeper.save_current()

    def _autosave_now(self) -> None:
        """The autosave timer: the snapshot now, the file written off the UI thread."""
        if self._started:
            self.draft_keeper.save_current(background=True)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab: the whole window in reading order, wrapping (no traps)."""
        from ui.window.tab_chain import move_focus

        return move_focus(self, next) or super().focusNextPrevChild(next)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._autosave.isActive():
            self._autosave.stop()
        if self._later_done:
            self.commands.save()  # the size, place and panes, for the next run
            self.webhooks.stop()  # before the services close the store it records into
        if self._started:
            self.draft_keeper.save_current()
            self.draft_keeper.close()
        super().closeEvent(event)
