"""Reply-button message (``interactive.type: button``): 1-3 tappable buttons."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import Interactive, MessageKind, Model


class ReplyButton(Model, frozen=True, kw_only=True):
    """``{"type": "reply", "reply": {"id", "title"}}``; ``type`` kept so a wrong one is reported."""

    id: str
    title: str
    type: str = "reply"


class ReplyButtons(Interactive, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.BUTTON

    buttons: tuple[ReplyButton, ...] = ()
