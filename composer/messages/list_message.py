"""List message (``interactive.type: list``): a button that opens sections of rows."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind, Model


class ListRow(Model, frozen=True, kw_only=True):
    id: str
    title: str
    description: str | None = None


class ListSection(Model, frozen=True, kw_only=True):
    """``title`` is None when the payload has none (allowed only with one section)."""

    title: str | None = None
    rows: tuple[ListRow, ...] = ()


class ListMessage(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.LIST

    button: str = ""
    sections: tuple[ListSection, ...] = ()
