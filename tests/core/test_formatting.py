"""WhatsApp markup parsing: table of cases, checked as (text, styles) spans per line."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from composer.formatting import Block, BlockKind, Span, Style, parse, plain_text, text_direction

B, It, S, M, C, L = Style.BOLD, Style.ITALIC, Style.STRIKE, Style.MONO, Style.CODE, Style.LINK


def spans(text: str) -> list[tuple[str, set[Style]]]:
    (block,) = parse(text)
    return [(s.text, set(s.styles)) for s in block.spans]


INLINE_CASES: list[tuple[str, list[tuple[str, set[Style]]]]] = [
    ("plain text", [("plain text", set())]),
    ("*bold*", [("bold", {B})]),
    ("_italic_", [("italic", {It})]),
    ("~strike~", [("strike", {S})]),
    ("`code`", [("code", {C})]),
    ("```mono```", [("mono", {M})]),
    ("a *b* c", [("a ", set()), ("b", {B}), (" c", set())]),
    # nested markers
    ("*_both_*", [("both", {B, It})]),
    ("_*both*_", [("both", {B, It})]),
    ("*bold _and italic_ end*", [("bold ", {B}), ("and italic", {B, It}), (" end", {B})]),
    ("~*_all three_*~", [("all three", {B, It, S})]),
    # unmatched markers stay literal
    ("*not closed", [("*not closed", set())]),
    ("closed not opened*", [("closed not opened*", set())]),
    ("_a *b_ c*", [("a *b", {It}), (" c*", set())]),
    ("5 * 3 * 2", [("5 * 3 * 2", set())]),
    ("a * spaced *", [("a * spaced *", set())]),
    ("**double**", [("**double**", set())]),
    ("``", [("``", set())]),
    # markers inside words are not markup
    ("a*b*c", [("a*b*c", set())]),
    ("snake_case_name", [("snake_case_name", set())]),
    ("x*bold*", [("x*bold*", set())]),
    ("*bold*x", [("*bold*x", set())]),
    # punctuation is a word boundary
    ("(*bold*)!", [("(", set()), ("bold", {B}), (")!", set())]),
    ("*bold*, then", [("bold", {B}), (", then", set())]),
    # code content is literal
    ("`*not bold*`", [("*not bold*", {C})]),
    ("```*not bold*```", [("*not bold*", {M})]),
    ("say ```hi``` now", [("say ", set()), ("hi", {M}), (" now", set())]),
    # emoji and non-Latin letters
    ("*مرحبا* 👋", [("مرحبا", {B}), (" 👋", set())]),
    ("ä*b*", [("ä*b*", set())]),
    # URLs are auto-linked, markup around them still applies
    ("see https://example.com/x.", [("see ", set()), ("https://example.com/x", {L}), (".", set())]),
    ("*https://a.io*", [("https://a.io", {B, L})]),
    ("Visit WWW.Shop.io now", [("Visit ", set()), ("WWW.Shop.io", {L}), (" now", set())]),
    ("HTTPS://A.io", [("HTTPS://A.io", {L})]),
    ("a *b* then www.x.io", [("a ", set()), ("b", {B}), (" then ", set()), ("www.x.io", {L})]),
    (
        "`https://a.io` and https://b.io",
        [("https://a.io", {C}), (" and ", set()), ("https://b.io", {L})],
    ),
    ("```https://a.io``` x", [("https://a.io", {M}), (" x", set())]),
    ("no link here: www or ://", [("no link here: www or ://", set())]),
]


@pytest.mark.parametrize(("text", "expected"), INLINE_CASES)
def test_inline_spans(text: str, expected: list[tuple[str, set[Style]]]) -> None:
    assert spans(text) == expected


P, BU, NU = BlockKind.PARAGRAPH, BlockKind.BULLET, BlockKind.NUMBERED
BLOCK_CASES: list[tuple[str, list[tuple[BlockKind, str, str]]]] = [
    ("- one\n- two", [(BlockKind.BULLET, "•", "one"), (BlockKind.BULLET, "•", "two")]),
    ("* star item", [(BlockKind.BULLET, "•", "star item")]),
    (
        "1. first\n12. twelfth",
        [(NU, "1.", "first"), (NU, "12.", "twelfth")],
    ),
    ("> quoted", [(BlockKind.QUOTE, "", "quoted")]),
    (">no space", [(BlockKind.PARAGRAPH, "", ">no space")]),
    ("-no space", [(BlockKind.PARAGRAPH, "", "-no space")]),
    ("1.no space", [(BlockKind.PARAGRAPH, "", "1.no space")]),
    (" - indented", [(BlockKind.PARAGRAPH, "", " - indented")]),
    ("```line 1\nline 2```", [(BlockKind.CODE, "", "line 1"), (BlockKind.CODE, "", "line 2")]),
    (
        "a\n\nb",
        [
            (BlockKind.PARAGRAPH, "", "a"),
            (BlockKind.PARAGRAPH, "", ""),
            (BlockKind.PARAGRAPH, "", "b"),
        ],
    ),
    ("", [(BlockKind.PARAGRAPH, "", "")]),
]


@pytest.mark.parametrize(("text", "expected"), BLOCK_CASES)
def test_blocks(text: str, expected: list[tuple[BlockKind, str, str]]) -> None:
    assert [(b.kind, b.marker, b.text) for b in parse(text)] == expected


def test_markup_inside_list_and_quote() -> None:
    bullet, quote = parse("- *bold* item\n> _it_")
    assert bullet.spans == (Span("bold", frozenset({B})), Span(" item"))
    assert quote.kind is BlockKind.QUOTE
    assert quote.spans == (Span("it", frozenset({It})),)


def test_markers_do_not_cross_lines() -> None:
    blocks = parse("*start\nend*")
    assert [b.text for b in blocks] == ["*start", "end*"]
    assert all(not s.styles for b in blocks for s in b.spans)


def test_fence_without_close_is_literal() -> None:
    assert plain_text(parse("```open only")) == "```open only"


def test_plain_text_of_the_formatting_example() -> None:
    body = (
        "*Order #4471 confirmed* ✅\n_Estimated delivery:_ Tuesday\n~Old date: Monday~\n"
        "Tracking code: `TRK-88213`\n```LINE 1\nLINE 2```\n> Reply STOP to opt out\n"
        "- Item A\n- Item B\n1. Step one\n2. Step two"
    )
    blocks = parse(body)
    assert plain_text(blocks) == (
        "Order #4471 confirmed ✅\nEstimated delivery: Tuesday\nOld date: Monday\n"
        "Tracking code: TRK-88213\nLINE 1\nLINE 2\nReply STOP to opt out\n"
        "Item A\nItem B\nStep one\nStep two"
    )
    assert [b.kind for b in blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.CODE,
        BlockKind.CODE,
        BlockKind.QUOTE,
        BlockKind.BULLET,
        BlockKind.BULLET,
        BlockKind.NUMBERED,
        BlockKind.NUMBERED,
    ]


def test_text_without_markup_round_trips() -> None:
    text = "Hello 2 * 3 = 6, a_b, ~tilde and `tick\nsecond line"
    assert plain_text(parse(text)) == text


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Hello", "ltr"),
        ("مرحبا بك", "rtl"),
        ("שלום עולם", "rtl"),
        ("123 שלום", "rtl"),
        ("123 abc שלום", "ltr"),
        ("👍 !", "ltr"),
    ],
)
def test_direction(text: str, direction: str) -> None:
    assert text_direction(text) == direction
    assert Block(BlockKind.PARAGRAPH, (Span(text),)).direction == direction


MARKUP_ALPHABET = "ab *_~`>-1. \n\u05d0👍"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=MARKUP_ALPHABET, max_size=60))
def test_parse_is_total_and_only_removes_markup(text: str) -> None:
    blocks = parse(text)
    assert len(blocks) == len(text.split("\n")) or "```" in text
    visible = plain_text(blocks)
    # every visible character comes from the input, in order (markers are only ever removed)
    it = iter(text)
    assert all(ch in it for ch in visible)
    for block in blocks:
        assert all(span.text for span in block.spans)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="*_~`>-\n"), max_size=80))
def test_text_without_markers_is_unchanged(text: str) -> None:
    (block,) = parse(text)
    if not (text[:1].isdigit() and ". " in text):
        assert block.text == text


def _reference_inline(text: str, styles: frozenset[Style]) -> list[Span]:
    """The scanner before it jumped between markers: one character at a time (the reference)."""
    from composer.formatting import _INLINE_MARKERS, _find_closer, _is_opener

    spans: list[Span] = []
    literal_start = i = 0
    while i < len(text):
        style = _INLINE_MARKERS.get(text[i])
        if style is not None and style not in styles and _is_opener(text, i):
            j = _find_closer(text, i)
            if j > 0:
                if literal_start < i:
                    spans.append(Span(text[literal_start:i], styles))
                inner = text[i + 1 : j]
                if style is Style.CODE:
                    spans.append(Span(inner, styles | {Style.CODE}))
                else:
                    spans.extend(_reference_inline(inner, styles | {style}))
                i = literal_start = j + 1
                continue
        i += 1
    if literal_start < len(text):
        spans.append(Span(text[literal_start:], styles))
    return spans


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab *_~` 1.\u05d0👍", max_size=80))
def test_the_marker_jumping_scanner_reads_like_the_character_scanner(text: str) -> None:
    from composer.formatting import _parse_inline

    assert _parse_inline(text, frozenset()) == _reference_inline(text, frozenset())
