"""Reaction (``type: reaction``): one emoji on an earlier message; ``""`` removes it."""

from __future__ import annotations

from typing import ClassVar

from composer.messages.parts import MessageKind, Model


class Reaction(Model, frozen=True, kw_only=True):
    kind: ClassVar[MessageKind] = MessageKind.REACTION

    message_id: str
    emoji: str
