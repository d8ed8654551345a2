"""The left column: recipient, the editor of the chosen type, and the envelope options.

It turns its widgets into one NEW ``Message`` per edit (``edited(message)``), loads a message with
signals blocked, and marks fields with the issues it is given (by JSON path). Editors are built on
first use of their type and kept, so switching types back and forth loses nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui import look
from ui.editors.base import field_for
from ui.editors.envelope import EnvelopeEditor
from ui.editors.fields import Markable
from ui.panels.recipient import RecipientPanel

if TYPE_CHECKING:
    from composer.messages import Content, Message
    from composer.validation.check import Issue
    from ui.editors.base import Editor


class _Page(QWidget):
    """The scrolled form. Tab follows the form top to bottom, however items were added (the
    window walks its widgets in reading order: ``ui.window.tab_chain``)."""

    def tab_chain(self) -> list[QWidget]:
        """Focusable inputs in layout order (the reading order of the form)."""
        from ui.window.tab_chain import reading_order

        return reading_order(self)


class ComposerForm(QWidget):
    edited = Signal(object)  # Message
    editor_made = Signal(object)  # Editor, once, when a type's editor is first built

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recipient = RecipientPanel()
        self.stack = QStackedWidget()
        self.envelope = EnvelopeEditor()
        self._editors: dict[str, Editor] = {}
        self._kind = ""
        self._marked: dict[int, tuple[Markable, list[Issue]]] = {}  # what each field shows
        inner = _Page()
        look.name(inner, "editorPage")
        column = QVBoxLayout(inner)
        column.setContentsMargins(16, 12, 16, 16)
        column.setSpacing(14)
        column.addWidget(self.stack)
        column.addWidget(self.envelope)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("editorScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(inner)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        top = look.Bar("recipientBar")
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(16, 12, 16, 12)
        top_layout.addWidget(self.recipient)
        layout.addWidget(top)
        layout.addWidget(self.scroll_area, 1)
        self.recipient.changed.connect(self.rebuild)
        for w in self.envelope.widgets:
            w.changed.connect(self.rebuild)

    # --- editors ------------------------------------------------------------------------------
    def kind(self) -> str:
        return self._kind

    def editor(self, kind: str | None = None) -> Editor:
        key = kind or self._kind
        if key not in self._editors:
            from ui.editors.registry import editor_for

            cls = editor_for(key)
            if cls is None:
                raise KeyError(key)
            editor = cls()
            editor.setParent(self.stack)  # owned with the form; not polished until it is shown
            editor.edited.connect(self._editor_edited)
            self._editors[key] = editor
            self.editor_made.emit(editor)
        return self._editors[key]

    def reset_editor(self, kind: str) -> Editor:
        """A new, empty editor for ``kind`` in place of the one kept (File > New message)."""
        old = self._editors.pop(kind, None)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        editor = self.editor(kind)
        if kind == self._kind:
            self.set_kind(kind, emit=False)
        return editor

    def set_kind(self, kind: str, *, emit: bool = True) -> None:
        editor = self.editor(kind)
        self._kind = kind
        if self.stack.indexOf(editor) < 0:
            # Added when first shown, not when made: a visible stack polishes a new child at
            # once, and an editor filled after that is re-polished field by field.
            self.stack.addWidget(editor)
        self.stack.setCurrentWidget(editor)
        # the stack is as tall as its tallest page; keep only the current one's height
        for other in self._editors.values():
            other.setVisible(other is editor)
        if emit:
            self.rebuild()

    # --- message in and out -------------------------------------------------------------------
    def build(self, content: Content | None = None) -> Message:
        """The message the widgets hold (``content``: the current editor's, if already made)."""
        from composer.messages import Message

        return Message(
            to=self.recipient.field.number(),
            content=self.editor().content() if content is None else content,
            **self.envelope.values(),
        )

    def rebuild(self, *_: object) -> None:
        if self._kind:
            self.edited.emit(self.build())

    def _editor_edited(self, content: Content) -> None:
        """An editor's edit carries its content: the current one's is not made a second time."""
        current = self._editors.get(self._kind) if self._kind else None
        if current is not None:
            self.edited.emit(self.build(content if self.sender() is current else None))

    def load(self, msg: Message) -> None:
        """Fill every widget from ``msg`` without a single ``edited`` signal."""
        kind = str(msg.content.kind)
        editor = self.editor(kind)
        with QSignalBlocker(self), QSignalBlocker(editor):
            editor.load(msg.content)  # before it is shown: a new editor is polished once, filled
            self.set_kind(kind, emit=False)
            self.recipient.field.set_number(msg.to)
            self.envelope.load(msg.context_message_id, msg.biz_opaque_callback_data)

    def other_contents(self) -> dict[str, Content]:
        """What the editors of the types not shown hold (kept when the user switched type)."""
        return {k: e.content() for k, e in self._editors.items() if k != self._kind}

    # --- issues -------------------------------------------------------------------------------
    def fields(self) -> dict[str, Markable]:
        out: dict[str, Markable] = {"to": self.recipient.field, "recipient": self.recipient.field}
        out.update(self.envelope.fields())
        if self._kind:
            out.update(self.editor().fields())
        return out

    def field_for(self, path: str) -> Markable | None:
        return field_for(self.fields(), path)

    def mark(self, issues: Sequence[Issue]) -> None:
        fields = self.fields()
        grouped: dict[int, tuple[Markable, list[Issue]]] = {}
        for issue in issues:
            widget = field_for(fields, issue.path)
            if widget is not None:
                grouped.setdefault(id(widget), (widget, []))[1].append(issue)
        for key, (widget, _shown) in self._marked.items():
            if key not in grouped or grouped[key][0] is not widget:
                with contextlib.suppress(RuntimeError):  # deleted with its repeater item
                    widget.show_issues([])
        for key, (widget, found) in grouped.items():
            before = self._marked.get(key)
            if before is None or before[0] is not widget or before[1] != found:
                widget.show_issues(found)  # a field whose issues are the same is left alone
        self._marked = grouped

    def focus_path(self, path: str) -> bool:
        widget = self.field_for(path)
        if widget is None:
            return False
        self.scroll_area.ensureWidgetVisible(widget, 20, 40)
        widget.focus_field()
        return True
