"""WhatsApp markup -> blocks of styled spans, the way the phone reads it.

The preview must render ``*bold*`` exactly where WhatsApp does and nowhere else, so the rules are
the phone's, not Markdown's: markers are single characters that must hug non-space text, sit at a
word boundary (``a*b*c`` stays literal) and close on the same line; ```` ```mono``` ```` may span
lines and keeps its content literal; ``- ``/``* ``, ``1. `` and ``> `` at the start of a line make
list items and quotes. Pure Python so that it is testable without Qt.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from functools import lru_cache
from typing import Final
from urllib.parse import urlsplit

import msgspec


class Style(StrEnum):
    BOLD = "bold"
    ITALIC = "italic"
    STRIKE = "strike"
    MONO = "mono"  # ```triple backticks```
    CODE = "code"  # `inline code` (drawn in a pill)
    LINK = "link"  # auto-linked URL


class BlockKind(StrEnum):
    PARAGRAPH = "paragraph"
    BULLET = "bullet"
    NUMBERED = "numbered"
    QUOTE = "quote"
    CODE = "code"  # a line that is entirely ```monospace```


class Span(msgspec.Struct, frozen=True):
    """A run of visible text with one set of styles (markers already removed)."""

    text: str
    styles: frozenset[Style] = frozenset()


class Block(msgspec.Struct, frozen=True):
    """One line of the message as the phone draws it.

    ``marker`` is what the phone draws in the hanging indent: "•" for bullets, "3." for numbered
    items, "" otherwise.
    """

    kind: BlockKind
    spans: tuple[Span, ...]
    marker: str = ""

    @property
    def text(self) -> str:
        """The visible text of the block (its spans joined)."""
        return "".join(s.text for s in self.spans)

    @property
    def direction(self) -> str:
        return text_direction(self.text)


_INLINE_MARKERS: dict[str, Style] = {
    "*": Style.BOLD,
    "_": Style.ITALIC,
    "~": Style.STRIKE,
    "`": Style.CODE,
}
_NEXT_MARKER = re.compile("[" + re.escape("".join(_INLINE_MARKERS)) + "]")
_FENCE = "```"
MARKER_OF: Final[dict[Style, str]] = {
    **{style: marker for marker, style in _INLINE_MARKERS.items()},
    Style.MONO: _FENCE,
}
"""The marker a style is written with (``*bold*``, ```` ```mono``` ````): editors wrap with it."""
_NUMBERED = re.compile(r"(\d{1,9})\. ")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+[^\s<>\".,;:!?)\]}'`]", re.IGNORECASE)


def parse(text: str) -> list[Block]:
    """Split ``text`` into one block per line, each a tuple of styled spans."""
    if _FENCE not in text:
        # Markers never cross lines without a fence: parse (and cache) line by line, so a
        # keystroke re-parses only the line it changed.
        return [_parse_plain_line(line) for line in text.split("\n")]
    return [_parse_line(segments) for segments in _lines_with_fences(text)]


@lru_cache(maxsize=4096)
def _parse_plain_line(line: str) -> Block:
    return _parse_line([(line, False)] if line else [])


def preview_link(text: str) -> str | None:
    """The URL WhatsApp draws a link preview for (``preview_url``): the first http(s) link.

    Meta's rule: with ``preview_url`` true the client previews a URL of the body that begins with
    ``http://`` or ``https://`` (a bare ``www.`` link is linked but not previewed). Found with the
    same pattern that auto-links URLs, so the card and the blue link always agree.
    """
    for m in _URL.finditer(text):
        url = m.group(0)
        if url[:8].lower().startswith(("http://", "https://")) and link_domain(url):
            return url
    return None


def link_domain(url: str) -> str:
    """The domain a link preview names: the host, lower case, without ``www.`` ("" if none)."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return ""
    return host.removeprefix("www.")


def plain_text(blocks: list[Block]) -> str:
    """The visible text (markers removed, list markers not included), lines joined by \\n."""
    return "\n".join(b.text for b in blocks)


def text_direction(text: str) -> str:
    """ "rtl" or "ltr" from the first strong character (Unicode bidi rule P2), "ltr" if none."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi == "L":
            return "ltr"
        if bidi in ("R", "AL"):
            return "rtl"
    return "ltr"


# --- lines and fences ---------------------------------------------------------------------------


def _lines_with_fences(text: str) -> list[list[tuple[str, bool]]]:
    """Lines as lists of (segment, is_mono); a ```fence``` may run across line breaks."""
    lines: list[list[tuple[str, bool]]] = [[]]

    def add(segment: str, mono: bool) -> None:
        parts = segment.split("\n")
        for i, part in enumerate(parts):
            if i:
                lines.append([])
            if part:
                lines[-1].append((part, mono))

    pos = 0
    while True:
        start = text.find(_FENCE, pos)
        if start < 0:
            break
        end = text.find(_FENCE, start + len(_FENCE))
        # Content must be non-empty and must not start with a 4th backtick (````x```` is literal).
        while end == start + len(_FENCE):
            end = text.find(_FENCE, end + 1)
        if end < 0:
            break
        add(text[pos:start], False)
        add(text[start + len(_FENCE) : end], True)
        pos = end + len(_FENCE)
    add(text[pos:], False)
    return lines


def _parse_line(segments: list[tuple[str, bool]]) -> Block:
    if segments and all(mono for _, mono in segments):
        return Block(BlockKind.CODE, tuple(Span(s, frozenset({Style.MONO})) for s, _ in segments))
    kind, marker = BlockKind.PARAGRAPH, ""
    if segments and not segments[0][1]:
        first = segments[0][0]
        prefix_len = 0
        if first.startswith("> "):
            kind, prefix_len = BlockKind.QUOTE, 2
        elif first.startswith(("- ", "* ")):
            kind, marker, prefix_len = BlockKind.BULLET, "•", 2
        elif m := _NUMBERED.match(first):
            kind, marker, prefix_len = BlockKind.NUMBERED, m.group(1) + ".", m.end()
        if prefix_len:
            rest = first[prefix_len:]
            segments = ([(rest, False)] if rest else []) + segments[1:]
    spans: list[Span] = []
    for segment, mono in segments:
        if mono:
            spans.append(Span(segment, frozenset({Style.MONO})))
        else:
            spans.extend(_parse_inline(segment, frozenset()))
    if _may_link(segments):
        spans = _linkify(spans)
    return Block(kind, tuple(_merge(spans)), marker)


def _may_link(segments: list[tuple[str, bool]]) -> bool:
    """Whether a URL could start in the line: every match of ``_URL`` holds ``://`` or ``www.``
    (any case), and looking for those is a fraction of running ``_URL`` over each span."""
    return any(
        not mono and ("://" in segment or "www." in segment.lower()) for segment, mono in segments
    )


# --- inline markers ------------------------------------------------------------------------------


def _is_opener(text: str, i: int) -> bool:
    marker = text[i]
    prev = text[i - 1] if i > 0 else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if not nxt or nxt.isspace() or nxt == marker:
        return False
    return not prev or not (prev.isalnum() or prev == marker)


def _find_closer(text: str, i: int) -> int:
    marker = text[i]
    j = text.find(marker, i + 2)
    while j >= 0:
        prev = text[j - 1]
        nxt = text[j + 1] if j + 1 < len(text) else ""
        if not prev.isspace() and not (nxt and (nxt.isalnum() or nxt == marker)):
            return j
        j = text.find(marker, j + 1)
    return -1


def _parse_inline(text: str, styles: frozenset[Style]) -> list[Span]:
    """Spans of one line's text; jumps from one candidate marker to the next (a long body is
    mostly plain text, and looking at it character by character cost milliseconds a key)."""
    spans: list[Span] = []
    literal_start = 0
    n = len(text)
    found = _NEXT_MARKER.search(text)
    while found is not None:
        i = found.start()
        style = _INLINE_MARKERS[text[i]]
        if style not in styles and _is_opener(text, i):
            j = _find_closer(text, i)
            if j > 0:
                if literal_start < i:
                    spans.append(Span(text[literal_start:i], styles))
                inner = text[i + 1 : j]
                if style is Style.CODE:
                    spans.append(Span(inner, styles | {Style.CODE}))
                else:
                    spans.extend(_parse_inline(inner, styles | {style}))
                literal_start = j + 1
                found = _NEXT_MARKER.search(text, literal_start)
                continue
        found = _NEXT_MARKER.search(text, i + 1)
    if literal_start < n:
        spans.append(Span(text[literal_start:], styles))
    return spans


def _linkify(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if Style.CODE in span.styles or Style.MONO in span.styles:
            out.append(span)
            continue
        pos = 0
        matches = list(_URL.finditer(span.text))
        if not matches:
            out.append(span)  # the common case: kept as it is, not copied
            continue
        for m in matches:
            if m.start() > pos:
                out.append(Span(span.text[pos : m.start()], span.styles))
            out.append(Span(m.group(0), span.styles | {Style.LINK}))
            pos = m.end()
        if pos < len(span.text):
            out.append(Span(span.text[pos:], span.styles))
    return out


def _merge(spans: list[Span]) -> list[Span]:
    """Join neighbours with equal styles and drop empty spans (stable, minimal output)."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].styles == span.styles:
            out[-1] = Span(out[-1].text + span.text, span.styles)
        else:
            out.append(span)
    return out


# --- wrapping a selection in markers (the editor's Bold/Italic/... buttons) ---------------------


class Wrap(msgspec.Struct, frozen=True):
    """Replace ``text[start:end]`` with ``insert``, then select ``select`` (in the new text)."""

    start: int
    end: int
    insert: str
    select: tuple[int, int]


def wrap(text: str, start: int, end: int, style: Style) -> Wrap:
    """The edit that styles ``text[start:end]`` as WhatsApp reads it, or unstyles it.

    Markers must hug non-space text, so spaces at the ends of the selection stay outside them;
    markers close on their line, so inline styles wrap each line of a multi-line selection (a
    fence may span lines and wraps it whole). A selection already between the markers loses
    them (the buttons toggle); an empty selection gets a pair with the cursor between.
    """
    marker = MARKER_OF[style]
    start, end = sorted((max(0, start), min(len(text), end)))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    n = len(marker)
    chosen = text[start:end]
    if chosen and text[max(0, start - n) : start] == marker and text[end : end + n] == marker:
        return Wrap(start - n, end + n, chosen, (start - n, end - n))
    if style is not Style.MONO and "\n" in chosen:
        insert = "\n".join(_wrap_line(line, marker) for line in chosen.split("\n"))
        return Wrap(start, end, insert, (start, start + len(insert)))
    return Wrap(start, end, marker + chosen + marker, (start + n, start + n + len(chosen)))


def _wrap_line(line: str, marker: str) -> str:
    core = line.strip()
    if not core:
        return line
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()) :]
    return f"{lead}{marker}{core}{marker}{trail}"
