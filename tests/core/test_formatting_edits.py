"""The link WhatsApp previews (preview_url) and its domain; wrapping a selection in markers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from composer.formatting import Style, link_domain, parse, preview_link, wrap

B, It, S, M = Style.BOLD, Style.ITALIC, Style.STRIKE, Style.MONO


@pytest.mark.parametrize(
    ("body", "url"),
    [
        ("Track it: https://www.example.com/t?id=1", "https://www.example.com/t?id=1"),
        ("see http://shop.example.org.", "http://shop.example.org"),  # end punctuation is not in it
        ("(HTTPS://Example.COM/a)", "HTTPS://Example.COM/a"),
        ("first https://a.example.com then https://b.example.com", "https://a.example.com"),
        ("bare www.example.com, then https://b.example.com", "https://b.example.com"),
        ("only www.example.com is here", None),  # linked, but no scheme: not previewed
        ("no link at all", None),
        ("ftp://files.example.com/x", None),
        ("https://", None),
        ("", None),
    ],
)
def test_preview_link_is_the_first_http_or_https_url(body: str, url: str | None) -> None:
    assert preview_link(body) == url


def test_the_previewed_link_is_one_the_text_shows_as_a_link() -> None:
    body = "Order *#12* at https://www.example.com/o/12!"
    url = preview_link(body)
    links = [s.text for b in parse(body) for s in b.spans if Style.LINK in s.styles]
    assert url is not None and links == [url]


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.example.com/track?id=1", "example.com"),
        ("HTTPS://Shop.Example.COM:8443/a", "shop.example.com"),
        ("http://user:pw@example.net/x", "example.net"),
        ("http://[::1]:8080/", "::1"),
        ("http://[::1/", ""),  # an unclosed bracket: no domain rather than an exception
        ("https://wwwexample.com", "wwwexample.com"),
    ],
)
def test_link_domain(url: str, domain: str) -> None:
    assert link_domain(url) == domain


def test_a_link_without_a_host_is_not_previewed() -> None:
    assert preview_link("go to http://[::1/ now") is None


def apply(text: str, start: int, end: int, style: Style) -> tuple[str, str]:
    """The new text and what ends up selected."""
    w = wrap(text, start, end, style)
    new = text[: w.start] + w.insert + text[w.end :]
    return new, new[w.select[0] : w.select[1]]


@pytest.mark.parametrize(
    ("text", "sel", "style", "new", "selected"),
    [
        ("make this bold", (5, 9), B, "make *this* bold", "this"),
        ("make this bold", (5, 9), It, "make _this_ bold", "this"),
        ("make this bold", (5, 9), S, "make ~this~ bold", "this"),
        ("make this bold", (5, 9), M, "make ```this``` bold", "this"),
        # spaces at the ends stay outside the markers (markers must hug text)
        ("make this bold", (4, 10), B, "make *this* bold", "this"),
        # a selected end-to-start range is the same range
        ("make this bold", (9, 5), B, "make *this* bold", "this"),
        # inline markers close on their line: each line is wrapped, blank lines left alone
        ("one\n\n two ", (0, 10), B, "*one*\n\n *two* ", "*one*\n\n *two*"),
        # a fence may span lines
        ("a\nb", (0, 3), M, "```a\nb```", "a\nb"),
        # no selection: a pair of markers with the cursor between them
        ("ab", (1, 1), B, "a**b", ""),
        # already wrapped: the button takes the markers off
        ("make *this* bold", (6, 10), B, "make this bold", "this"),
        ("x ```y``` z", (5, 6), M, "x y z", "y"),
    ],
)
def test_wrap(text: str, sel: tuple[int, int], style: Style, new: str, selected: str) -> None:
    assert apply(text, *sel, style) == (new, selected)


def test_a_wrapped_word_is_styled_by_the_parser() -> None:
    for style in (B, It, S, M):
        new, _ = apply("a word here", 2, 6, style)
        spans = [(s.text, s.styles) for b in parse(new) for s in b.spans]
        assert ("word", frozenset({style})) in spans, style


@given(st.text(alphabet="ab \n", max_size=20), st.data())
def test_a_second_press_takes_the_markers_off_again(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    style = data.draw(st.sampled_from([B, It, S, M]))
    chosen = text[start:end].strip()
    if not chosen or ("\n" in chosen and style is not M):
        return  # nothing to wrap, or a per-line wrap (it selects the whole block)
    once = wrap(text, start, end, style)
    new = text[: once.start] + once.insert + text[once.end :]
    assert new[once.select[0] : once.select[1]] == chosen
    twice = wrap(new, *once.select, style)
    assert new[: twice.start] + twice.insert + new[twice.end :] == text
