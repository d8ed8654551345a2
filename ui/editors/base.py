"""The contract every per-type editor follows, and the path -> field lookup they share.

An editor turns its widgets into a NEW immutable content model (``content()``) whenever the user
edits something and emits ``edited(content)``; it never reads the session back. ``load(content)``
fills the widgets with signals blocked (drafts, imports), so loading never looks like an edit.
Issues arrive with JSON paths (``interactive.action.buttons[1].reply.title``); each editor
publishes the field for every path it owns, and ``field_for`` picks the longest matching prefix.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.editors.fields import Markable

if TYPE_CHECKING:
    from composer.messages import Content, MessageKind

_SEGMENT = re.compile(r"[^.\[\]]+|\[\d+\]")


def split_path(path: str) -> list[str]:
    """``a.b[2].c`` -> ``["a", "b", "[2]", "c"]`` (segment-wise prefix matching)."""
    return _SEGMENT.findall(path)


def field_for(fields: dict[str, Markable], path: str) -> Markable | None:
    """The field registered at the longest prefix of ``path`` (None when nothing matches)."""
    for key in _prefixes(path):
        if key in fields:
            return fields[key]
    return None


@lru_cache(maxsize=4096)
def _prefixes(path: str) -> tuple[str, ...]:
    """``a.b[2].c`` -> ``("a.b[2].c", "a.b[2]", "a.b", "a")``: the issues of every key are
    looked up again on every key, for the same few paths."""
    parts = split_path(path)
    return tuple(
        "".join(p if p.startswith("[") or i == 0 else "." + p for i, p in enumerate(parts[:end]))
        for end in range(len(parts), 0, -1)
    )


def opt(text: str) -> str | None:
    """Optional text parts: an empty field means the key is absent."""
    return text if text != "" else None


class Editor(QWidget):
    """Base class: one editor per message type, looked up in ``ui.editors.registry``."""

    edited = Signal(object)  # the new content model

    kind: ClassVar[MessageKind]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)

    # --- to implement -------------------------------------------------------------------------
    def content(self) -> Content:
        raise NotImplementedError

    def load(self, content: Content) -> None:
        raise NotImplementedError

    def fields(self) -> dict[str, Markable]:
        raise NotImplementedError

    # --- shared -------------------------------------------------------------------------------
    def watch(self, *widgets: Markable) -> None:
        for widget in widgets:
            widget.changed.connect(self._emit)

    def _emit(self) -> None:
        self.edited.emit(self.content())

    def add(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self._layout.addWidget(widget)

    def finish(self) -> None:
        self._layout.addStretch(1)


def indexed(
    prefix: str, items: Iterable[Any], build: Callable[[str, Any], dict[str, Markable]]
) -> dict[str, Markable]:
    """Field maps of repeated items: ``prefix[i]...`` for each item ``i``."""
    out: dict[str, Markable] = {}
    for i, item in enumerate(items):
        out.update(build(f"{prefix}[{i}]", item))
    return out
