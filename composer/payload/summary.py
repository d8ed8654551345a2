"""What a list of past sends shows for one message body: its kind's title and a short snippet.

A history row used to show ``button`` and nothing of the text; people recognise a message by
its title ("Reply buttons") and its first words. Reads the POST body as stored (any shape: an
old or damaged record gives an empty snippet and the raw type, never an exception).
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from composer.kinds import interactive_spec, title, top_level_spec

__all__ = ["SNIPPET_CHARS", "Summary", "snippet", "summary"]

SNIPPET_CHARS: Final = 60


class Summary(NamedTuple):
    kind: str  # the kind's id ("button"), or the payload's own type when it is not a kind
    title: str  # "Reply buttons"
    snippet: str  # the first words of the body (or the emoji, the template's name)


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if flat[len(cut)] != " " and space >= limit // 2:  # mid-word: back to the last whole word
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def _get(obj: object, *keys: str) -> object:
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def _text_of(payload: dict[str, Any], kind: str) -> str:
    candidates: tuple[tuple[str, ...], ...] = (
        ("interactive", "body", "text"),
        ("text", "body"),
        ("reaction", "emoji"),
        ("template", "name"),
    )
    for path in candidates:
        value = _get(payload, *path)
        if isinstance(value, str) and value.strip():
            if kind == "template":
                language = _get(payload, "template", "language", "code")
                return f"{value} ({language})" if isinstance(language, str) else value
            return value
    return ""


def summary(payload: object) -> Summary:
    """The title and snippet of a stored message body (``{"type": "interactive", ...}``)."""
    if not isinstance(payload, dict):
        return Summary("?", "?", "")
    kind_type = payload.get("type")
    spec = (
        interactive_spec(_get(payload, "interactive", "type"))
        if kind_type == "interactive"
        else top_level_spec(kind_type)
    )
    if spec is not None:
        kind = str(spec.kind)
    else:
        inner = _get(payload, "interactive", "type")
        kind = str(inner if isinstance(inner, str) else kind_type or "?")
    return Summary(kind, title(kind), snippet(_text_of(payload, kind)))
