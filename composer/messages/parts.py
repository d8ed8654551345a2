"""Shared parts of every message: the base model, header kinds and the message-kind enum.

Models describe SHAPE only. Limits and cross-field rules live in ``composer.validation`` so that a
21-character button title is still representable and can be reported with its rule id. A required
text that is missing from a payload is represented as ``""`` (the validator says it is empty or
missing); an optional part that is absent is ``None``.
"""

from __future__ import annotations

from typing import ClassVar, Literal, TypedDict, TypeGuard

import msgspec

from composer import limits
from composer.messages.kind import MessageKind

__all__ = ["Header", "Interactive", "InteractiveParts", "MediaHeader", "MediaKindName",
           "MessageKind", "Model", "TextHeader", "is_media_kind"]  # fmt: skip


class Model(msgspec.Struct, frozen=True, kw_only=True):
    """Base of every message model: immutable, built by keyword only (an unknown one is a
    TypeError). A msgspec Struct, not a pydantic model: the classes are made in C when the
    window starts (about 0.02 ms each, against pydantic's import, class building and schema:
    about 90 ms of the editor's start). Nothing here validates values: the payload reader
    checks every JSON type before it builds a model, and mypy checks the code that builds one.
    Subclasses repeat ``kw_only=True`` (msgspec applies it to the fields a class adds)."""


MediaKindName = Literal["image", "video", "document"]  # = limits.HEADER_MEDIA_KINDS


def is_media_kind(value: object) -> TypeGuard[MediaKindName]:
    """True when ``value`` names a media header kind (image, video or document)."""
    return value in limits.HEADER_MEDIA_KINDS


class TextHeader(Model, frozen=True, kw_only=True):
    """``{"type": "text", "text": ...}``."""

    text: str


class MediaHeader(Model, frozen=True, kw_only=True):
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


class Interactive(Model, frozen=True, kw_only=True):
    """Parts shared by every ``type: interactive`` message.

    Every interactive model carries header, body and footer, even types that forbid some of
    them, so that a payload that breaks the rule still parses and gets a precise issue.
    """

    kind: ClassVar[MessageKind]

    header: Header | None = None
    body: str | None = None
    footer: str | None = None


class InteractiveParts(TypedDict):
    """The parts every interactive kind takes, as keywords (what the editors' parts hold)."""

    header: Header | None
    body: str | None
    footer: str | None
