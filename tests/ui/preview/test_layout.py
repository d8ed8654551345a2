"""The preview's layout as data: texts, spans, order, direction, wrapping, incremental re-layout."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from composer.formatting import Style, parse, plain_text
from composer.messages import (
    Message,
    ReplyButton,
    ReplyButtons,
    TextHeader,
)
from composer.payload import from_payload
from tests.examples import examples
from ui.preview.layout import ChatState, Screen, ShapeItem, TextItem
from ui.preview.layouter import Layouter
from ui.preview.themes import PLATFORMS, theme_for

EXAMPLES: dict[str, Any] = examples()
VALID = EXAMPLES
APPEARANCES = [(p, d) for p in PLATFORMS for d in (False, True)]


@pytest.fixture
def layouter(qapp: QApplication) -> Layouter:
    return Layouter()


def lay(
    layouter: Layouter,
    msg: Message,
    platform: str = "android",
    dark: bool = False,
    state: ChatState | None = None,
) -> Screen:
    return layouter.layout(msg, theme_for(platform, dark), state or ChatState())


def payload_body(payload: dict[str, Any]) -> str | None:
    if payload["type"] == "text":
        return str(payload["text"]["body"])
    body = payload.get("interactive", {}).get("body")
    return None if body is None else str(body["text"])


def buttons(*titles: str, body: str = "Body", header: str | None = None) -> Message:
    return Message(
        to="+16505550123",
        content=ReplyButtons(
            header=TextHeader(text=header) if header is not None else None,
            body=body,
            buttons=tuple(ReplyButton(id=f"b{i}", title=t) for i, t in enumerate(titles)),
        ),
    )


@pytest.mark.parametrize("name", sorted(VALID))
@pytest.mark.parametrize(("platform", "dark"), APPEARANCES)
def test_body_text_equals_payload_body(
    layouter: Layouter, name: str, platform: str, dark: bool
) -> None:
    payload = VALID[name]
    screen = lay(layouter, from_payload(payload), platform, dark)
    body = payload_body(payload)
    laid_out = "\n".join(screen.texts("body"))
    if body is None:
        assert screen.texts("body") == []
    else:
        assert laid_out == plain_text(parse(body))
        # markers are removed only where they are markup
        if not any(m in body for m in "*_~`>") and "\n- " not in body:
            assert laid_out == body


def test_formatting_example_spans(layouter: Layouter) -> None:
    screen = lay(layouter, from_payload(VALID["text_with_formatting"]))
    items = screen.text_items("body")
    first = items[0]
    assert first.spans[0] == ("Order #4471 confirmed", frozenset({Style.BOLD}))
    assert [i.marker for i in items if i.marker] == ["•", "•", "1.", "2."]
    assert screen.texts("list_marker") == ["•", "•", "1.", "2."]
    assert len(screen.shapes("blockquote_bar")) == 1
    code = [i for i in items if i.text in ("LINE 1", "LINE 2")]
    assert all(i.spans[0][1] == frozenset({Style.MONO}) for i in code)


SPAN_CASES = [
    ("*bold* and _it_", [("bold", {Style.BOLD}), (" and ", set()), ("it", {Style.ITALIC})]),
    ("*_both_*", [("both", {Style.BOLD, Style.ITALIC})]),
    ("a*b*c", [("a*b*c", set())]),
    ("*open", [("*open", set())]),
    ("use `x`", [("use ", set()), ("x", {Style.CODE})]),
    ("~gone~", [("gone", {Style.STRIKE})]),
]


@pytest.mark.parametrize(("body", "expected"), SPAN_CASES)
def test_body_spans_in_the_layout(
    layouter: Layouter, body: str, expected: list[tuple[str, set[Style]]]
) -> None:
    (item,) = lay(layouter, buttons("OK", body=body)).text_items("body")
    assert [(t, set(s)) for t, s in item.spans] == expected


def test_header_footer_and_labels_stay_plain(layouter: Layouter) -> None:
    screen = lay(layouter, buttons("*Yes*", body="x", header="*Big* news"))
    assert screen.texts("header") == ["*Big* news"]
    assert screen.texts("button") == ["*Yes*"]
    (header,) = screen.text_items("header")
    assert header.spans == (("*Big* news", frozenset()),)


@pytest.mark.parametrize(("platform", "dark"), APPEARANCES)
def test_buttons_in_order_below_the_bubble(layouter: Layouter, platform: str, dark: bool) -> None:
    screen = lay(layouter, buttons("One", "Two", "Three"), platform, dark)
    assert screen.texts("button") == ["One", "Two", "Three"]
    assert screen.hit_actions() == [("button", 0), ("button", 1), ("button", 2)]
    (bubble,) = screen.shapes("bubble_in")
    labels = screen.text_items("button")
    assert [i.rect.y for i in labels] == sorted(i.rect.y for i in labels)
    if screen.theme.reply_buttons_in_bubble:  # rows inside the bubble, each under a divider
        (body,) = screen.text_items("body")
        dividers = screen.shapes("divider")
        assert len(dividers) == 3 and body.rect.bottom <= dividers[0].rect.y
        assert all(bubble.rect.y < i.rect.y < i.rect.bottom <= bubble.rect.bottom for i in labels)
        assert all(d.rect.x == bubble.rect.x and d.rect.w == bubble.rect.w for d in dividers)
    else:  # the older look: detached cards under the bubble, as wide as it
        rows = screen.shapes("reply_button")
        assert rows[0].rect.y >= bubble.rect.bottom
        assert all(r.rect.x == bubble.rect.x and r.rect.w == bubble.rect.w for r in rows)


def test_detached_reply_buttons_are_a_theme_choice(layouter: Layouter) -> None:
    from msgspec.structs import replace

    theme = replace(theme_for("android", False), reply_buttons_in_bubble=False)
    screen = layouter.layout(buttons("One", "Two"), theme, ChatState())
    (bubble,) = screen.shapes("bubble_in")
    rows = screen.shapes("reply_button")
    assert len(rows) == 2 and rows[0].rect.y >= bubble.rect.bottom
    assert screen.hit_actions() == [("button", 0), ("button", 1)]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("location_request", "Send location"),
        ("catalog_message", "View catalog"),
        ("cta_url_text_header", None),
        ("flow_navigate_by_id", None),
        ("product_single", "View"),
    ],
)
def test_action_rows(layouter: Layouter, name: str, label: str | None) -> None:
    payload = EXAMPLES[name]
    screen = lay(layouter, from_payload(payload))
    action = payload["interactive"]["action"]
    if name.startswith("cta_url"):
        label = action["parameters"]["display_text"]
        (hit,) = screen.chat_hits
        assert hit.tooltip == action["parameters"]["url"]
    elif name.startswith("flow"):
        label = action["parameters"]["flow_cta"]
    assert screen.texts("button") == [label]
    assert len(screen.shapes("divider")) == 1


def test_reaction_pill_sits_on_the_reacted_bubble(layouter: Layouter) -> None:
    screen = lay(layouter, from_payload(EXAMPLES["reaction_add"]))
    assert screen.texts("reaction") == ["👍"]
    (bubble,) = screen.shapes("bubble_out")
    (pill,) = screen.shapes("reaction_pill")
    assert bubble.rect.y < pill.rect.y < bubble.rect.bottom < pill.rect.bottom
    removed = lay(layouter, from_payload(EXAMPLES["reaction_remove"]))
    assert removed.texts("reaction") == [] and removed.shapes("reaction_pill") == []
    assert len(removed.shapes("bubble_out")) == 1  # the message stays, bare, as on WhatsApp
    assert removed.texts("reaction_removed") == []  # no chip: WhatsApp draws none


def test_context_reply_shows_the_quote(layouter: Layouter) -> None:
    payload = EXAMPLES["reply_buttons_document_header_contextual_reply"]
    screen = lay(layouter, from_payload(payload))
    assert screen.texts("quote_author") == ["You"]
    assert screen.texts("document_name") == [
        payload["interactive"]["header"]["document"]["filename"]
    ]


@pytest.mark.parametrize(
    ("text", "rtl"), [("مرحبا بك في متجرنا", True), ("שלום וברכה", True), ("Hello", False)]
)
def test_rtl_detected_and_right_aligned(layouter: Layouter, text: str, rtl: bool) -> None:
    screen = lay(layouter, buttons("OK", body=text, header=text))
    for role in ("body", "header"):
        (item,) = screen.text_items(role)
        assert item.rtl is rtl
        line = item.para.layout.lineAt(0)
        left, right = line.naturalTextRect().left(), line.naturalTextRect().right()
        if rtl:
            assert right == pytest.approx(item.para.width, abs=1.5)
            assert left > 20
        else:
            assert left == pytest.approx(0, abs=1.5)


def test_rtl_text_stays_inside_a_shrunk_bubble(layouter: Layouter) -> None:
    from composer.messages import TextMessage

    screen = lay(layouter, Message(to="1", content=TextMessage(body="שלום")))
    (bubble,) = screen.shapes("bubble_in")
    (item,) = screen.text_items("body")
    line = item.para.layout.lineAt(0).naturalTextRect()
    assert (
        bubble.rect.x <= item.rect.x + line.left() < item.rect.x + line.right() <= bubble.rect.right
    )


def test_long_words_break_anywhere(layouter: Layouter) -> None:
    word = "x" * 300
    (item,) = lay(layouter, buttons("OK", body=word)).text_items("body")
    assert item.para.line_count > 2
    layout = item.para.layout
    for i in range(layout.lineCount()):
        assert layout.lineAt(i).naturalTextWidth() <= item.para.width + 0.5


def test_time_sits_inside_the_bubble_bottom_right(layouter: Layouter) -> None:
    screen = lay(layouter, buttons("OK", body="Short"), state=ChatState(time_text="09:41"))
    (bubble,) = screen.shapes("bubble_in")
    (time,) = screen.text_items("time")
    assert time.text == "09:41"
    assert bubble.rect.x < time.rect.x and time.rect.right <= bubble.rect.right
    assert bubble.rect.y < time.rect.y and time.rect.bottom <= bubble.rect.bottom + 1
    assert screen.texts("status_time") == ["09:41"]  # the phone's clock agrees with the bubble


def test_only_the_changed_paragraph_is_laid_out_again(layouter: Layouter) -> None:
    body = "\n".join(f"Line {i} with *some* markup 👍" for i in range(12))
    lay(layouter, buttons("A", "B", body=body))
    before = layouter.text.misses
    lay(layouter, buttons("A", "B", body=body + "!"))
    assert layouter.text.misses - before == 1
    lay(layouter, buttons("A", "B", body=body + "!"))
    assert layouter.text.misses - before == 1


def test_every_example_in_every_appearance(layouter: Layouter) -> None:
    for name, payload in VALID.items():
        for platform, dark in APPEARANCES:
            screen = lay(layouter, from_payload(payload), platform, dark)
            bubbles = screen.shapes("bubble_in") + screen.shapes("bubble_out")
            assert bubbles, name
            for item in screen.chat:
                assert item.rect.x >= screen.chat_rect.x - 1, (name, item)
            texts = [i for i in screen.chat if isinstance(i, TextItem)]
            assert texts, name


def test_carousel_cards_in_order(layouter: Layouter) -> None:
    payload = EXAMPLES["media_carousel_url_buttons"]
    screen = lay(layouter, from_payload(payload))
    cards = payload["interactive"]["action"]["cards"]
    assert screen.texts("body") == [payload["interactive"]["body"]["text"]]
    bodies = [plain_text(parse(c["body"]["text"])) for c in cards if "body" in c]
    laid_out = screen.text_items("card_body")
    assert "\n".join(i.text for i in laid_out) == "\n".join(bodies)
    assert screen.texts("button") == [c["action"]["parameters"]["display_text"] for c in cards]
    card_boxes = screen.shapes("card")
    assert len(card_boxes) == len(cards)
    assert [c.rect.x for c in card_boxes] == sorted(c.rect.x for c in card_boxes)
    products = lay(layouter, from_payload(EXAMPLES["product_carousel"]))
    ids = [
        c["action"]["product_retailer_id"]
        for c in EXAMPLES["product_carousel"]["interactive"]["action"]["cards"]
    ]
    assert products.texts("product_name") == ids


@pytest.mark.parametrize(
    ("platform", "icons"),
    [
        ("android", ["video", "phone", "more"]),
        ("ios", ["video", "phone"]),  # no overflow menu in the iOS chat header
        ("web", ["search", "more"]),
    ],
)
def test_header_icons_per_platform(layouter: Layouter, platform: str, icons: list[str]) -> None:
    screen = lay(layouter, buttons("OK"), platform)
    title = screen.text_items("chat_title")[0].rect
    right_of_title = [
        i.name
        for i in screen.chrome
        if isinstance(i, ShapeItem)
        and i.kind == "icon"
        and i.rect.x >= title.right
        and title.y - i.rect.h <= i.rect.y <= title.bottom  # on the header bar's row
    ]
    assert right_of_title == icons


@pytest.mark.parametrize("out", [False, True])
def test_ios_tail_curls_out_of_the_bottom_corner(qapp: QApplication, out: bool) -> None:
    from PySide6.QtCore import QRectF

    from ui.preview.shapes import tail_path

    t = theme_for("ios", False)
    bubble = QRectF(100, 100, 200, 80)
    box = tail_path(bubble, out, t.tail_w, t.tail_h, t.tail_at_bottom, t.tail_style).boundingRect()
    assert t.tail_style == "curl" and t.tail_at_bottom
    assert box.bottom() <= bubble.bottom() + 1 and box.top() >= bubble.bottom() - t.tail_h - 1
    tip = box.right() if out else box.left()
    edge = bubble.right() if out else bubble.left()
    assert abs(tip - edge) == pytest.approx(t.tail_w, abs=0.5)  # hooks outwards by tail_w
    web = theme_for("web", False)
    notch = tail_path(bubble, out, web.tail_w, web.tail_h, web.tail_at_bottom, web.tail_style)
    assert notch.boundingRect().top() == pytest.approx(bubble.top())  # Web: at the top corner


@pytest.mark.parametrize("right", [False, True])
def test_reaction_pill_side_is_a_theme_token(layouter: Layouter, right: bool) -> None:
    from msgspec.structs import replace

    theme = replace(theme_for("web", False), reaction_out_right=right)
    screen = layouter.layout(from_payload(EXAMPLES["reaction_add"]), theme, ChatState())
    (bubble,) = screen.shapes("bubble_out")
    (pill,) = screen.shapes("reaction_pill")
    centre = bubble.rect.x + bubble.rect.w / 2
    assert (pill.rect.x > centre) is right and bubble.rect.x < pill.rect.x < bubble.rect.right


def test_a_card_title_cut_to_two_lines_ends_in_an_ellipsis(layouter: Layouter) -> None:
    msg = from_payload(EXAMPLES["catalog_message"])
    name = "The Very Long Named Corner Shop of Fine Things"
    screen = lay(layouter, msg, state=ChatState(business_name=name))
    (title,) = screen.text_items("catalog_title")
    assert title.para.line_count == 2 and title.text.startswith("View The Very")
    assert title.para.layout.text().endswith("\u2026")  # shown cut, not silently dropped
    short = lay(layouter, msg, state=ChatState(business_name="Shop"))
    (whole,) = short.text_items("catalog_title")
    assert whole.para.layout.text() == "View Shop's catalog on WhatsApp"


@pytest.mark.parametrize("platform", PLATFORMS)
@pytest.mark.parametrize("name", ["catalog_message", "product_list_two_sections"])
def test_card_thumbnail_size_comes_from_the_theme(
    layouter: Layouter, platform: str, name: str
) -> None:
    screen = lay(layouter, from_payload(EXAMPLES[name]), platform)
    (thumb,) = [i for i in screen.chat if isinstance(i, ShapeItem) and i.kind == "image"]
    size = theme_for(platform, False).product_thumb
    assert (thumb.rect.w, thumb.rect.h) == (size, size)
