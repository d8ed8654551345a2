"""The window's dialogs: drafts library, JSON import, settings, reopening a past send, and the
question before "Load example" replaces the user's work.

Each dialog is given only what it works on (the draft keeper, the loader's import, the services
and the receiver), not the window.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ui.editors.registry import TITLES

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.panels.webhook_receiver import WebhookReceiverControl
    from ui.services import Services
    from ui.tasks import TaskRunner
    from ui.window.draft_keeper import Ask, DraftKeeper
    from ui.window.message_loader import MessageLoader, Report
    from ui.window.profile_choice import ProfileChoice


class WindowDialogs:
    """Opens the dialogs over ``parent``; ``ask`` is the window's Yes/No question."""

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        tasks: TaskRunner,
        *,
        webhooks: WebhookReceiverControl,
        loader: MessageLoader,
        keeper: DraftKeeper,
        profiles: ProfileChoice,
        ask: Ask,
        report: Report,
        after_drafts: Callable[[], None] = lambda: None,
    ) -> None:
        self._report = report
        self._after_drafts = after_drafts  # the library may have set damaged files aside
        self._parent, self._services, self._tasks = parent, services, tasks
        self._webhooks, self._loader, self._keeper = webhooks, loader, keeper
        self._profiles, self._ask = profiles, ask

    def drafts(self) -> None:
        from ui.panels.dialogs.drafts_dialog import DraftsDialog

        DraftsDialog(self._keeper, self._parent).exec()
        self._after_drafts()

    def import_json(self) -> None:
        from ui.panels.dialogs.import_dialog import ImportDialog

        ImportDialog(self._loader.import_json_text, self._parent).exec()

    def export_json(self, path: str | None = None) -> str | None:
        """Write the message POST body (as the JSON tab shows it: never a token) to a file;
        ``path`` None asks for one. Returns the path written, or None."""
        from composer.payload import to_payload

        msg = self._loader.session.current()
        if msg is None:
            self._report("warning", "There is no message to export yet.")
            return None
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            name = f"{msg.content.kind}.json"
            path, _ = QFileDialog.getSaveFileName(
                self._parent, "Export JSON", name, "JSON (*.json)"
            )
            if not path:
                return None
        import json
        from pathlib import Path

        text = json.dumps(to_payload(msg), ensure_ascii=False, indent=2) + "\n"
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as exc:
            self._report("error", f"The JSON could not be written: {exc.strerror or exc}")
            return None
        self._report("ok", f"JSON exported to {path}")
        return path

    def settings(self) -> None:
        """Profiles, tokens and the receiver; the picker re-reads the profiles afterwards."""
        from ui.panels.dialogs.settings_dialog import SettingsDialog

        SettingsDialog(
            self._services,
            self._tasks,
            self._parent,
            webhooks=self._webhooks,
            current_profile=self._profiles.name(),
        ).exec()
        self._profiles.reload()

    def reopen(self, payload: dict[str, Any]) -> bool:
        """A past send from the history, asking first if it would replace unsaved work; True
        when it is in the editor."""
        if not self._keeper.may_replace("this past send"):
            return False
        problem = self._loader.load_payload(payload)
        if problem is not None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self._parent, "Open from history", problem)
        return problem is None

    def load_example(self) -> None:
        """The "Load example" button: asks first when the message is the user's unsaved work."""
        kind = self._loader.form.kind()
        title = TITLES.get(kind, kind)
        if self._keeper.has_unsaved_work() and not self._ask(
            "Replace the message?",
            f"Replace the current message with the {title} example? "
            "Your message is not saved as a draft.",
        ):
            return
        self._loader.load_example()
