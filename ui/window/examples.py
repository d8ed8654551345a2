"""Which messages are the user's own work, so nothing replaces them without asking.

A message is worth protecting when its content is neither the empty form of its type nor the
type's sample (composer.samples) and it differs from the last draft saved or opened. The empty
form's content comes from a fresh editor of the type, so the rule follows the editors' defaults
(e.g. the flow editor's message version) instead of repeating them here.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from composer.messages import Content, Message


@cache
def blank_content(kind: str) -> Content:
    """What a new, untouched editor of ``kind`` produces."""
    from ui.editors.registry import editor_for

    cls = editor_for(kind)
    if cls is None:
        raise KeyError(kind)
    editor = cls()
    try:
        return editor.content()
    finally:
        editor.deleteLater()


def is_own_work(msg: Message | None, saved_payload: dict[str, Any] | None = None) -> bool:
    """True when replacing ``msg`` would lose something the user wrote and did not save."""
    if msg is None:
        return False
    kind = str(msg.content.kind)
    if msg.content == blank_content(kind):
        return False
    from composer.samples import sample_kinds, sample_message

    if kind in sample_kinds() and msg.content == sample_message(kind).content:
        return False
    if saved_payload is not None:
        from composer.payload import to_payload

        return to_payload(msg) != saved_payload
    return True
