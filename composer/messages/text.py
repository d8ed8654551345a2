"""Plain text message (``type: text``): not interactive, but the simplest thing one can send."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import MessageKind, Model


class TextMessage(Model, frozen=True, kw_only=True):
    """``{"type": "text", "text": {"body", "preview_url"?}}``."""

    kind: ClassVar[MessageKind] = MessageKind.TEXT

    body: str
    preview_url: bool | None = None
