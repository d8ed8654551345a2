"""The earlier messages a reply or a reaction names, for the preview: the business's own sends
from the history (by wamid), read as messages. A wamid the history does not know (the
customer's message) stays unknown, and the preview quotes it by its type."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from composer.messages import Message
    from ui.window.main_window import MainWindow


class HistoryMessages:
    """wamid -> the sent message (remembered once found: a send's payload never changes)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._found: dict[str, Message] = {}

    def __call__(self, wamid: str) -> Message | None:
        if wamid in self._found:
            return self._found[wamid]
        from composer.codec.errors import PayloadError
        from composer.payload.reader import from_payload
        from composer.storage.history import StoreError

        try:
            record = self._window.services.store().find_by_wamid(wamid)
        except StoreError:
            return None
        if record is None:
            return None
        try:
            msg = from_payload(record.payload)
        except PayloadError:
            return None
        self._found[wamid] = msg
        return msg


def wire_quotes(window: MainWindow) -> None:
    window.preview.set_message_lookup(HistoryMessages(window))
