"""Reaction: the wamid reacted to, an emoji picked from a searchable grid, or "remove reaction"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from composer.messages import MessageKind, Reaction
from ui import look
from ui.editors.base import Editor
from ui.editors.emoji_table import EMOJI
from ui.editors.fields import FieldRow, Markable, TextField, section_title

if TYPE_CHECKING:
    from composer.messages import Content

COLUMNS = 12


class EmojiPicker(QWidget):
    """Search box over a grid of emoji buttons; clicking one puts it into ``target``."""

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search emoji (e.g. heart, thanks, party)")
        self.search.setAccessibleName("Search emoji")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        grid_box = QWidget()
        self._grid = QGridLayout(grid_box)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self.buttons: list[tuple[QToolButton, str]] = []
        for emoji, name in EMOJI:
            b = QToolButton()
            b.setAutoRaise(True)  # flat until the mouse is over it
            look.name(b, "emojiButton")
            b.setText(emoji)
            b.setToolTip(name)
            b.setAccessibleName(f"React with {name}")
            b.clicked.connect(lambda _c=False, e=emoji: self._target.setText(e))
            self.buttons.append((b, name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addWidget(grid_box)
        self._filter("")

    def _filter(self, query: str) -> None:
        words = query.lower().split()
        shown = [(b, n) for b, n in self.buttons if all(w in n for w in words)]
        for b, _ in self.buttons:
            self._grid.removeWidget(b)
            b.hide()
        for i, (b, _) in enumerate(shown):
            self._grid.addWidget(b, i // COLUMNS, i % COLUMNS)
            b.show()

    def visible_emoji(self) -> list[str]:
        return [b.text() for b, _ in self.buttons if not b.isHidden()]


class ReactionEditor(Editor):
    kind = MessageKind.REACTION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message_id = TextField("Message id", None, placeholder="wamid.HBgL…")
        chosen = QWidget()
        self.emoji_edit = QLineEdit()
        look.name(self.emoji_edit, "emojiField")
        self.emoji_edit.setPlaceholderText("empty: removes it")
        self.remove = QPushButton("Remove reaction")
        self.remove.setAccessibleName("Remove reaction (send an empty emoji)")
        self.remove.setToolTip("Sends an empty emoji, which removes an earlier reaction")
        self.remove.clicked.connect(lambda: self.emoji_edit.setText(""))
        row = QHBoxLayout(chosen)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.emoji_edit, 1)
        row.addWidget(self.remove)
        self.emoji = FieldRow("Emoji", chosen)
        self.emoji_edit.setAccessibleName("Emoji")
        self.emoji.focus_field = lambda: self.emoji_edit.setFocus(Qt.FocusReason.OtherFocusReason)  # type: ignore[method-assign]
        self.emoji_edit.textChanged.connect(lambda _t: self.emoji.changed.emit())
        self.picker = EmojiPicker(self.emoji_edit)
        self.add(self.message_id, self.emoji, section_title("Pick an emoji"), self.picker)
        self.watch(self.message_id, self.emoji)
        self.finish()

    def content(self) -> Content:
        return Reaction(message_id=self.message_id.text(), emoji=self.emoji_edit.text())

    def load(self, content: Content) -> None:
        assert isinstance(content, Reaction)
        self.message_id.set_text(content.message_id)
        with QSignalBlocker(self.emoji_edit):
            self.emoji_edit.setText(content.emoji)

    def fields(self) -> dict[str, Markable]:
        return {
            "reaction": self.emoji,
            "reaction.message_id": self.message_id,
            "reaction.emoji": self.emoji,
        }
