"""Template: pick an approved template of the account, then fill in its variables.

The picker lists the account's library (``composer.templates.TemplateLibrary``, given by the
window through ``set_library``: the editor never fetches anything). The form below it is
generated from the picked definition. A loaded template the library does not know (not fetched
yet, or not in this account) keeps its name, language and values exactly as loaded, and says so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from composer.messages import MessageKind, TemplateMessage
from ui import look
from ui.editors.base import Editor
from ui.editors.fields import Markable, section_title
from ui.editors.template_form import TemplateForm
from ui.editors.template_picker import TemplatePicker

if TYPE_CHECKING:
    from composer.messages import Content
    from composer.templates import TemplateDefinition, TemplateLibrary

LOADING_TEXT = "Loading the account's templates…"
PICK_TEXT = "Pick a template above to fill in its variables."


class TemplateEditor(Editor):
    kind = MessageKind.TEMPLATE

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = TemplatePicker()
        self.refresh_requested = self.picker.refresh_requested
        self.chosen = QLabel()
        look.name(self.chosen, "sectionTitle")
        self.note = QLabel(LOADING_TEXT)
        self.note.setObjectName("templateNote")
        self.note.setWordWrap(True)
        self.form = TemplateForm()
        self.add(section_title("Template"), self.picker, self.chosen, self.note, self.form)
        self.picker.picked.connect(self._on_picked)
        self.form.changed.connect(self._emit)
        self._library: TemplateLibrary | None = None
        self._definition: TemplateDefinition | None = None
        self._kept: TemplateMessage | None = None  # loaded, not (yet) in the library
        self._policy: str | None = "deterministic"
        self._show_choice()
        self.finish()

    # --- the library (from the window) ---------------------------------------------------------
    def library(self) -> TemplateLibrary | None:
        return self._library

    def set_library(self, library: TemplateLibrary | None) -> None:
        """A (new) library: the list follows; a kept template is resolved once it is known."""
        self._library = library
        self.picker.set_library(library)
        d = self._definition
        if d is not None and library is not None:
            self._definition = library.get(*d.key) or d  # a webhook may have paused it
        if self._kept is not None and library is not None and library.get(*_key(self._kept)):
            before = self._kept
            self.load(before)
            if self.content() != before:
                self._emit()
        self._show_choice()

    def definition(self) -> TemplateDefinition | None:
        return self._definition

    # --- Editor --------------------------------------------------------------------------------
    def content(self) -> Content:
        d = self._definition
        if d is None:
            return self._kept or TemplateMessage(name="", language_code="")
        return TemplateMessage(
            name=d.name,
            language_code=d.language,
            language_policy=self._policy,
            components=self.form.components(),
        )

    def load(self, content: Content) -> None:
        assert isinstance(content, TemplateMessage)
        self._policy = content.language_policy
        found = self._library.get(*_key(content)) if self._library is not None else None
        self._definition = found
        self._kept = None if found is not None else content
        self.form.build(found)
        if found is not None:
            self.form.load(content.components)
        blank = not content.name and not content.language_code and not content.components
        if blank:
            self._kept = None
        self.picker.set_current(_key(content) if found is not None else None)
        self._show_choice()

    def fields(self) -> dict[str, Markable]:
        out: dict[str, Markable] = {
            "template": self.picker,
            "template.name": self.picker,
            "template.language": self.picker,
            "template.components": self.picker,
        }
        for i, (_comp, widgets) in enumerate(self.form.built()):
            path = f"template.components[{i}]"
            if widgets:
                out[path] = widgets[0]
                out[f"{path}.parameters"] = widgets[0]
            for j, widget in enumerate(widgets):
                out[f"{path}.parameters[{j}]"] = widget
        return out

    # --- internals -----------------------------------------------------------------------------
    def _on_picked(self, definition: TemplateDefinition) -> None:
        if self._definition is not None and definition.key == self._definition.key:
            return
        self._definition, self._kept = definition, None
        self._policy = "deterministic"
        self.form.build(definition)
        self._show_choice()
        self._emit()

    def _show_choice(self) -> None:
        d, kept = self._definition, self._kept
        if d is not None:
            facts = [d.name, d.language, d.category.lower(), d.parameter_format.lower()]
            self.chosen.setText(" · ".join(facts))
            self.note.setText("")
        elif kept is not None:
            self.chosen.setText(f"{kept.name or '(no name)'} · {kept.language_code or '?'}")
            self.note.setText(
                LOADING_TEXT
                if self._library is None
                else f"'{kept.name}' ({kept.language_code}) is not in this account's template "
                "list: its values are kept as loaded. Refresh the list, or pick a template."
            )
        else:
            self.chosen.setText("")
            self.note.setText(LOADING_TEXT if self._library is None else PICK_TEXT)
        self.chosen.setVisible(bool(self.chosen.text()))
        self.note.setVisible(bool(self.note.text()))


def _key(content: TemplateMessage) -> tuple[str, str]:
    return (content.name, content.language_code)
