"""The composer window: type picker and profile on top, the form on the left, the phone preview in
the middle, issues / JSON / history on the right and the send bar at the bottom.

Wiring follows design.md: the form emits a new message per edit, the session keeps it and fans
``changed(message, issues)`` out to the preview, the field marks, the issues list, the JSON view,
the send bar and the (throttled) autosave. The window is drawn before the message models are
imported; ``finish_startup`` (run right after the first paint) builds the editor and restores the
last draft, which keeps pydantic, httpx and keyring off the start-up path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.editors.registry import TITLES
from ui.panels.send_bar import SendBar
from ui.restyle import restyle
from ui.sender import WindowSender
from ui.session import Session
from ui.tasks import TaskRunner
from ui.window.window_messages import DEFAULT_KIND, DEFAULT_RECIPIENT, WindowMessages

if TYPE_CHECKING:
    from composer.messages import Message
    from composer.sending import SendOutcome
    from composer.validation.check import Issue
    from ui.panels.history import HistoryPanel
    from ui.panels.issues_panel import IssuesPanel
    from ui.panels.json_view import JsonView
    from ui.services import Services
    from ui.window.composer_form import ComposerForm

SANDBOX = "sandbox"
AUTOSAVE_MS = 500


class MainWindow(WindowMessages, QMainWindow):
    """Top-level window; ``ready`` fires once the editor is built and the draft restored."""

    ready = Signal()
    form: ComposerForm
    issues_panel: IssuesPanel
    json_view: JsonView
    history: HistoryPanel
    tabs: QTabWidget
    sent = Signal(object)  # SendOutcome, after the UI has shown it

    def __init__(
        self,
        services: Services,
        *,
        start_kind: str | None = None,
        example_on_first_start: bool = True,
    ) -> None:
        super().__init__()
        self.services = services
        self.setWindowTitle("WA Composer")
        self.setObjectName("mainWindow")
        self.session = Session(self)
        self.tasks = TaskRunner(self)
        self.window_sender = WindowSender(services, self.tasks, self)
        self._start_kind = start_kind
        self._example_on_first_start = example_on_first_start
        self._draft_name: str | None = None
        self._saved_payload: dict[str, Any] | None = None  # last draft saved or opened
        self._started = False
        self._url = ""
        self._countdown_for: str | None = None
        self._build()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_current_draft)
        self.session.changed.connect(self._on_changed)
        self.window_sender.in_flight_changed.connect(self.send_bar.set_in_flight)
        self.window_sender.attempted.connect(self.send_bar.show_attempt)
        self.window_sender.finished.connect(self._on_sent)

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        self.type_combo = QComboBox()
        self.type_combo.setAccessibleName("Message type")
        for key, title in TITLES.items():
            self.type_combo.addItem(title, key)
        self.profile_combo = QComboBox()
        self.profile_combo.setAccessibleName("Sending profile")
        self.profile_combo.addItem("Sandbox (simulated)", SANDBOX)
        self.profile_combo.setMinimumWidth(190)
        self.profile_badge = QLabel()
        self.profile_badge.setObjectName("profileBadge")
        self.example_button = QPushButton("Load example")
        self.import_button = QPushButton("Import JSON…")
        self.drafts_button = QPushButton("Drafts…")
        self.settings_button = QPushButton("Settings…")
        for b, name in (
            (self.example_button, "Load a ready-made example of this message type"),
            (self.import_button, "Import a JSON payload (Ctrl+I)"),
            (self.drafts_button, "Drafts library"),
            (self.settings_button, "Profiles and access tokens"),
        ):
            b.setToolTip(name)
            b.setAccessibleName(name)
        bar = QWidget()
        bar.setObjectName("topBar")
        top = QHBoxLayout(bar)
        top.setContentsMargins(16, 10, 16, 10)
        top.setSpacing(8)
        type_label = QLabel("Type")
        type_label.setBuddy(self.type_combo)
        profile_label = QLabel("Profile")
        profile_label.setBuddy(self.profile_combo)
        top.addWidget(type_label)
        top.addWidget(self.type_combo)
        top.addWidget(self.example_button)
        top.addSpacing(16)
        top.addWidget(profile_label)
        top.addWidget(self.profile_combo)
        top.addWidget(self.profile_badge)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.drafts_button)
        top.addWidget(self.settings_button)

        # Three panes; their content is built right after the first paint (_build_panels).
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        for name in ("editorPage", "previewPane", "sidePane"):
            pane = QWidget()
            pane.setObjectName(name)
            self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 4)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setSizes([520, 380, 380])
        self.preview: Any = None
        self.send_bar = SendBar()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(bar)
        column.addWidget(self.splitter, 1)
        column.addWidget(self.send_bar)
        self.setCentralWidget(central)

        self.type_combo.currentIndexChanged.connect(self._on_type_picked)
        self.profile_combo.currentIndexChanged.connect(self._on_profile_picked)
        self.send_bar.send_requested.connect(self.send)
        self.example_button.clicked.connect(self.load_example_interactive)
        self.import_button.clicked.connect(self.open_import_dialog)
        self.drafts_button.clicked.connect(self.open_drafts_dialog)
        self.settings_button.clicked.connect(self.open_settings)
        for keys, slot in (
            ("Ctrl+Return", self.send),
            ("Ctrl+Enter", self.send),
            ("Ctrl+S", self.save_draft_interactive),
            ("Ctrl+I", self.open_import_dialog),
            ("Ctrl+Shift+V", self.open_import_dialog),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(slot)
        self._show_profile_badge(SANDBOX)

    def _build_panels(self) -> None:
        from ui.panels.history import HistoryPanel
        from ui.panels.issues_panel import IssuesPanel
        from ui.panels.json_view import JsonView
        from ui.window.composer_form import ComposerForm

        self.form = ComposerForm()
        self.preview_box = QWidget()
        self.preview_box.setObjectName("previewPane")
        self.preview_layout = QVBoxLayout(self.preview_box)
        self.preview_layout.setContentsMargins(0, 0, 0, 0)
        self.issues_panel = IssuesPanel()
        self.json_view = JsonView()
        self.history = HistoryPanel()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("sideTabs")
        self.tabs.addTab(self.issues_panel, "Issues")
        self.tabs.addTab(self.json_view, "JSON")
        self.tabs.addTab(self.history, "History")
        for index, widget in enumerate((self.form, self.preview_box, self.tabs)):
            old = self.splitter.replaceWidget(index, widget)
            if old is not None:
                old.deleteLater()
        total = max(sum(self.splitter.sizes()), 900)
        self.splitter.setSizes([int(total * 0.47), int(total * 0.26), int(total * 0.27)])
        self.form.edited.connect(self._on_edited)
        self.issues_panel.path_activated.connect(self.focus_path)
        self.json_view.import_json.clicked.connect(self.open_import_dialog)
        self.tabs.currentChanged.connect(self._on_tab)
        self.history.reopen.connect(self._reopen)
        self.setTabOrder(self.settings_button, self.form)

    # --- start-up -----------------------------------------------------------------------------
    def finish_startup(self) -> None:
        """Build the panels and the editor, mount preview and countdown, restore the last draft.

        Runs right after the first paint, so the window appears before pydantic and the editors
        are loaded.
        """
        if self._started:
            return
        self._started = True
        self._build_panels()
        self.send_bar.add_icon()
        from PySide6.QtGui import QIcon

        self.setWindowIcon(QIcon("icons:app.svg"))
        from ui.window.mounts import mount_countdown, mount_preview

        self.preview = mount_preview(self.preview_layout)
        mount_countdown(self)
        from ui.panels.webhook_indicator import mount_webhooks

        mount_webhooks(self)  # receiver + status indicator; the sandbox's statuses arrive here
        from ui.webhook_choice import apply_settings, load_settings

        saved = load_settings()  # the Settings switch and port, as last applied
        if saved is not None:
            apply_settings(self.webhooks, saved)
        self._reload_profiles()
        self._offer_contacts()
        restored = self._restore_current()
        if not restored:
            # A first start shows a working message (and its preview), not a form full of errors.
            kind = self._start_kind if self._start_kind in TITLES else DEFAULT_KIND
            self.form.recipient.field.set_number(DEFAULT_RECIPIENT)
            self._select_type(str(kind))
            if self._example_on_first_start:
                self.load_example(str(kind))
        elif self._start_kind in TITLES and self._start_kind != self.form.kind():
            self._select_type(str(self._start_kind))
        self.send_bar.set_starting(False)
        self.ready.emit()

    def _select_type(self, kind: str) -> None:
        with QSignalBlocker(self.type_combo):
            self.type_combo.setCurrentIndex(self.type_combo.findData(kind))
        self.form.set_kind(kind)

    def _on_type_picked(self, _index: int) -> None:
        if not self._started:
            return
        left = self.session.current()
        self.form.set_kind(str(self.type_combo.currentData()))
        if left is not None and str(left.content.kind) != self.form.kind():
            from ui.window.examples import is_own_work

            if is_own_work(left):  # its editor keeps it; say so, so nothing seems lost
                title = TITLES.get(str(left.content.kind), str(left.content.kind))
                self.send_bar.show_result(
                    "ok", f"Your {title} message is kept: pick {title} again to get it back."
                )

    def ask(self, title: str, question: str) -> bool:
        """Yes/No question (tests answer through ``services.confirm``)."""
        if self.services.confirm is not None:
            return self.services.confirm(question)
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, title, question)
        return answer == QMessageBox.StandardButton.Yes

    # --- the one fan-out ----------------------------------------------------------------------
    def _on_edited(self, msg: Message) -> None:
        # Everything the form holds is in the model (even broken flow data, which check() reports)
        self.session.set_message(msg)

    def _show_issues(self, issues: list[Issue]) -> int:
        shown = list(issues)
        self.form.mark(shown)
        self.issues_panel.set_issues(shown)
        errors = sum(1 for i in shown if i.is_error)
        self.tabs.setTabText(0, f"Issues ({len(shown)})" if shown else "Issues")
        self.send_bar.set_issues(shown)
        return errors

    def _on_changed(self, msg: Message | None, issues: list[Issue]) -> None:
        self._show_issues(issues)
        if msg is not None:
            from composer.payload import to_payload

            self.json_view.set_payload(to_payload(msg), self._url)
        if self.preview is not None and hasattr(self.preview, "set_message"):
            self.preview.set_message(msg, issues)
        to = msg.to if msg is not None else ""
        if self.countdown is not None and to != self._countdown_for:
            self._countdown_for = to  # the store is read only when the recipient changes
            self.countdown.set_recipient(to)
        if not self._autosave.isActive():
            self._autosave.start()

    countdown: Any = None
    webhooks: Any = None  # the WebhookReceiverControl, set by mount_webhooks

    def focus_path(self, path: str) -> None:
        self.form.focus_path(path)

    # --- profiles -----------------------------------------------------------------------------
    def profile_name(self) -> str:
        return str(self.profile_combo.currentData())

    def _reload_profiles(self) -> None:
        current = self.profile_name()
        with QSignalBlocker(self.profile_combo):
            while self.profile_combo.count() > 1:
                self.profile_combo.removeItem(1)
            try:
                profiles = self.services.profiles().list()
            except Exception as exc:  # an unreadable profiles file must not stop the window
                self.send_bar.show_result("warning", f"Profiles could not be read: {exc}")
                profiles = []
            for p in profiles:
                self.profile_combo.addItem(p.name, p.name)
            index = self.profile_combo.findData(current)
            self.profile_combo.setCurrentIndex(max(index, 0))
        self._show_profile_badge(self.profile_name())
        self._update_url()

    def _on_profile_picked(self, _index: int) -> None:
        if not self._started:
            return
        name = self.profile_name()
        self._show_profile_badge(name)
        self._offer_contacts()
        self._update_url()
        if self.session.current() is not None:
            self._on_changed(self.session.current(), self.session.issues())

    def _show_profile_badge(self, name: str) -> None:
        sandbox = name == SANDBOX
        self.profile_badge.setText(
            "SANDBOX · nothing leaves this computer" if sandbox else "LIVE · real customers"
        )
        self.profile_badge.setProperty("level", "sandbox" if sandbox else "live")
        if self._started:  # before the first show the property alone is enough
            restyle(self.profile_badge)

    def _offer_contacts(self) -> None:
        if self.profile_name() == SANDBOX:
            from composer.demo_contacts import DEMO_CONTACTS

            contacts = [(c.number, f"{c.name} · {c.number} · {c.situation}") for c in DEMO_CONTACTS]
        else:
            contacts = []
        self.form.recipient.field.set_contacts(contacts)

    def _update_url(self) -> None:
        """The POST URL shown in "Copy as cURL" (kept, not re-read on every keystroke)."""
        from composer.graph.urls import messages_url

        # The sandbox lives in this process: give a URL that works with a real account instead.
        self._url = messages_url(None)
        if self.profile_name() != SANDBOX:
            try:
                p = self.services.profile(self.profile_name())
            except (KeyError, ValueError, OSError):  # removed or unreadable: keep the placeholder
                return
            self._url = messages_url(p)

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
        if not outcome.ok and outcome.field_path:
            self.focus_path(outcome.field_path)
        self.refresh_history()
        if not outcome.ok and self.countdown is not None:
            self.countdown.refresh()  # a synchronous 131047 has just closed the window
        self.sent.emit(outcome)

    def refresh_history(self) -> None:
        try:
            self.history.set_records(self.services.store().history())
        except Exception as exc:  # the history database is optional for composing
            self.send_bar.show_result("warning", f"History could not be read: {exc}")

    def _reopen(self, payload: dict[str, Any]) -> None:
        if not self.may_replace("this past send"):
            return
        problem = self.load_payload(payload)
        if problem is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, "Open from history", problem)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.history:
            self.refresh_history()

    def open_import_dialog(self) -> None:
        if not self._started:
            return
        from ui.panels.dialogs.import_dialog import ImportDialog

        ImportDialog(self).exec()

    def open_settings(self) -> None:
        if not self._started:
            return
        from ui.panels.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(
            self.services,
            self.tasks,
            self,
            webhooks=self.webhooks,
            current_profile=self.profile_name(),
        ).exec()
        self._reload_profiles()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._autosave.isActive():
            self._autosave.stop()
        self.save_current_draft()
        super().closeEvent(event)
