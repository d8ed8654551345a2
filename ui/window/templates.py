"""The account's template library in the window: loaded off the UI thread, then handed to the
template editor (its picker), the session (the checks against a definition) and the preview
(which draws a template from its definition).

Loading starts when the template editor is first built (the window's start-up never waits for
it) and again on Refresh or when the profile changes. ``Services.template_library`` is the one
seam to the loader.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from composer.messages import MessageKind
from ui.window.account_reader import AccountReader, Report

if TYPE_CHECKING:
    from composer.templates import TemplateDefinition, TemplateLibrary
    from ui.editors.base import Editor
    from ui.editors.template import TemplateEditor
    from ui.services import Services
    from ui.tasks import TaskRunner
    from ui.window.main_window import MainWindow


class TemplateLink(QObject):
    """``changed(library)`` each time a library arrives; ``lookup`` is the preview's seam."""

    changed = Signal(object)

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        profile: Callable[[], str],
        report: Report,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._library: TemplateLibrary | None = None
        self._editor: TemplateEditor | None = None
        self._reader: AccountReader[TemplateLibrary] = AccountReader(
            tasks, profile, self._read, self._arrived, report, "The template list"
        )
        self._reader.busy = self._busy  # the picker's spinner

    def library(self) -> TemplateLibrary | None:
        return self._library

    def lookup(self, name: str, language: str) -> TemplateDefinition | None:
        """The definition the preview draws a template message from (None: unknown)."""
        return self._library.get(name, language) if self._library is not None else None

    def adopt(self, editor: Editor) -> None:
        """A new editor of the form: the template editor gets the library, and the first one
        starts loading it."""
        if editor.kind is not MessageKind.TEMPLATE or self._editor is not None:
            return
        from ui.editors.template import TemplateEditor

        assert isinstance(editor, TemplateEditor)
        self._editor = editor
        editor.picker.clock = self._services.clock
        editor.refresh_requested.connect(lambda: self.load(refresh=True))
        editor.set_library(self._library)
        if self._library is None:
            self.load()

    def webhook_event(self, event: object) -> None:
        """A template webhook has updated the cached library: read it again (no request)."""
        from composer.webhooks.template_events import (
            TemplateCategoryUpdate,
            TemplateQualityUpdate,
            TemplateStatusUpdate,
        )

        kinds = (TemplateStatusUpdate, TemplateQualityUpdate, TemplateCategoryUpdate)
        if self._editor is not None and isinstance(event, kinds):
            self.load()

    def profile_changed(self) -> None:
        """Another account: its own library (only once templates are in use)."""
        if self._editor is not None:
            self._library = None
            self._publish()
            self.load()

    def load(self, *, refresh: bool = False) -> None:
        """Read the library on a worker thread (``ui.window.account_reader``)."""
        self._reader.load(refresh=refresh)

    def _read(self, name: str, refresh: bool) -> TemplateLibrary:
        profile = self._services.profile(name)
        return self._services.template_library(
            None if profile.is_sandbox else profile, refresh=refresh
        )

    def _arrived(self, library: TemplateLibrary) -> None:
        self._library = library
        self._publish()

    def _busy(self, running: bool) -> None:
        if self._editor is not None:
            self._editor.picker.set_loading(running)

    def _publish(self) -> None:
        if self._editor is not None:
            self._editor.set_library(self._library)
        self.changed.emit(self._library)


def wire_templates(window: MainWindow) -> TemplateLink:
    """The link between the library and the window's form, session, preview and send bar."""
    link = TemplateLink(
        window.services, window.tasks, window.profile_name, window.send_bar.show_result, window
    )
    window.form.editor_made.connect(link.adopt)
    window.webhooks.event_received.connect(link.webhook_event)
    window.preview.set_template_lookup(link.lookup)
    link.changed.connect(window.session.set_templates)
    link.changed.connect(lambda _library: window.preview.refresh())

    def switch_to_template() -> None:
        combo = window.type_combo
        combo.setCurrentIndex(combo.findData(MessageKind.TEMPLATE.value))  # the user's pick

    window.send_bar.template_requested.connect(switch_to_template)
    return link
