"""Shared parts of every message: the base model, header kinds and the message-kind enum.

Models describe SHAPE only. Limits and cross-field rules live in ``composer.validation`` so that a
21-character button title is still representable and can be reported with its rule id. A required
text that is missing from a payload is represented as ``""`` (the validator says it is empty or
missing); an optional part that is absent is ``None``.
"""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict

from composer.messages.kind import MessageKind

__all__ = ["Header", "Interactive", "MediaHeader", "MediaKindName", "MessageKind", "Model",
           "TextHeader"]  # fmt: skip


class Model(BaseModel):
    """Base of every message model: immutable, no unknown attributes."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


MediaKindName = Literal["image", "video", "document"]


class TextHeader(Model):
    """``{"type": "text", "text": ...}``."""

    text: str


class MediaHeader(Model):
    """``{"type": kind, kind: {"id" | "link", "filename"?}}``.

    Both ``id`` and ``link`` may be set (or neither) so that the validator can report it;
    ``caption`` exists only so that a caption can be reported as not allowed.
    """

    kind: MediaKindName
    id: str | None = None
    link: str | None = None
    filename: str | None = None
    caption: str | None = None


Header = TextHeader | MediaHeader


class Interactive(Model):
    """Parts shared by every ``type: interactive`` message.

    Every interactive model carries header, body and footer, even types that forbid some of
    them, so that a payload that breaks the rule still parses and gets a precise issue.
    """

    kind: ClassVar[MessageKind]

    header: Header | None = None
    body: str | None = None
    footer: str | None = None
