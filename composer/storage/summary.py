"""What a stored message shows in a list: its kind and a line of its text.

Computed once, when a send is recorded or a draft saved, and kept beside the payload (history
columns ``kind`` and ``body``, the drafts index), so lists, searches and filters never parse
payloads again. Plain JSON walking, no model: a payload that no longer reads (an old draft, a
kind since renamed) still gets a summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

__all__ = ["TEXT_MAX", "payload_kind", "payload_text"]

TEXT_MAX: Final = 4096
"""Longest text kept: a text message's body (the longest text a message carries)."""


def payload_kind(payload: Mapping[str, Any]) -> str:
    """``interactive.type`` for an interactive message, else the top-level ``type`` ("?")."""
    inner = payload.get("interactive")
    if isinstance(inner, Mapping) and isinstance(inner.get("type"), str):
        return str(inner["type"])
    kind = payload.get("type")
    return kind if isinstance(kind, str) and kind else "?"


def _text(value: object, *keys: str) -> str:
    for key in keys:
        if not isinstance(value, Mapping):
            return ""
        value = value.get(key)
    return value if isinstance(value, str) else ""


def payload_text(payload: Mapping[str, Any]) -> str:
    """The text a reader sees first, on one line: the body (else header, footer), a text's
    body, a reaction's emoji, a template's name and language."""
    inner = payload.get("interactive")
    if isinstance(inner, Mapping):
        text = (
            _text(inner, "body", "text")
            or _text(inner, "header", "text")
            or _text(inner, "footer", "text")
        )
    elif payload.get("type") == "template":
        name, language = (
            _text(payload, "template", "name"),
            _text(payload, "template", "language", "code"),
        )
        text = f"{name} ({language})" if name and language else name
    else:
        text = _text(payload, "text", "body") or _text(payload, "reaction", "emoji")
    return " ".join(text.split())[:TEXT_MAX]
