"""validation.check / validate_payload: the examples, and a failing and a passing case per rule."""

from __future__ import annotations

from typing import Any

import pytest

from composer import limits
from composer.messages import (
    ListMessage,
    ListRow,
    ListSection,
    Message,
    ReplyButton,
    ReplyButtons,
    TextHeader,
)
from composer.validation import Issue, Severity, check, has_errors, validate_payload
from tests.core.rule_cases import DELETE, INVALID, VALID, edit, quick_reply_carousel

BUTTON0 = "interactive.action.buttons[0].reply"
ROW0 = "interactive.action.sections[0].rows[0]"
PARAMS = "interactive.action.parameters"
CARDS = "interactive.action.cards"
PSECTIONS = "interactive.action.sections"


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_examples_have_no_issue(name: str) -> None:
    assert validate_payload(VALID[name]) == []


@pytest.mark.parametrize("entry", INVALID, ids=lambda e: e["name"])
def test_invalid_examples_fail_with_their_rule(entry: dict[str, Any]) -> None:
    issues = validate_payload(entry["payload"])
    assert has_errors(issues)
    assert entry["rule"] in {i.rule for i in issues if i.severity is Severity.ERROR}


def _two_sections(first: int, second: int) -> dict[str, Any]:
    def rows(prefix: str, n: int) -> list[dict[str, str]]:
        return [{"id": f"{prefix}{i}", "title": f"{prefix} row {i}"} for i in range(n)]

    return edit(
        "list_single_section",
        (
            "interactive.action.sections",
            [{"title": "A", "rows": rows("a", first)}, {"title": "B", "rows": rows("b", second)}],
        ),
    )


def _products(counts: list[int]) -> list[dict[str, Any]]:
    return [
        {
            "title": f"S{s}",
            "product_items": [{"product_retailer_id": f"SKU-{s}-{i}"} for i in range(n)],
        }
        for s, n in enumerate(counts)
    ]


def _cards(n: int) -> list[dict[str, Any]]:
    card = VALID["media_carousel_url_buttons"]["interactive"]["action"]["cards"][0]
    return [{**card, "card_index": i} for i in range(n)]


E, W = Severity.ERROR, Severity.WARNING
QR = CARDS + "[0].action.buttons[0]"
MEDIA = "media_carousel_url_buttons"
_FLOW = "flow_navigate_by_id"

# (rule, severity, failing payload, passing payload)
CASES: list[tuple[str, Severity, dict[str, Any], dict[str, Any]]] = [
    (
        "envelope.messaging_product",
        E,
        edit("reaction_add", ("messaging_product", "WhatsApp")),
        VALID["reaction_add"],
    ),
    ("envelope.to", E, edit("reaction_add", ("to", "  ")), VALID["reaction_add"]),
    (
        "envelope.to_format",
        E,
        edit("reaction_add", ("to", "+1 650 CALL-NOW")),
        edit("reaction_add", ("to", "+1 (650) 555-0123")),
    ),
    (
        "envelope.to_format",
        E,
        edit("reaction_add", ("to", "+123456")),
        edit("reaction_add", ("to", "+1234567")),
    ),
    ("envelope.to_plus", W, edit("reaction_add", ("to", "16505550123")), VALID["reaction_add"]),
    (
        "envelope.recipient_type",
        E,
        edit("reaction_add", ("recipient_type", "person")),
        edit("reaction_add", ("recipient_type", "group"), ("to", "120363025246125486")),
    ),
    (
        "envelope.biz_opaque_len",
        E,
        edit("reaction_add", ("biz_opaque_callback_data", "x" * 513)),
        edit("reaction_add", ("biz_opaque_callback_data", "x" * 512)),
    ),
    (
        "envelope.context_message_id",
        E,
        edit("location_request", ("context", {"message_id": ""})),
        edit("location_request", ("context", {"message_id": "wamid.X"})),
    ),
    (
        "body.required",
        E,
        edit("reply_buttons_text_header", ("interactive.body", DELETE)),
        VALID["product_single_minimal"],
    ),
    (
        "body.text_len",
        E,
        edit("list_single_section", ("interactive.body.text", "b" * 4097)),
        edit("list_single_section", ("interactive.body.text", "b" * 4096)),
    ),
    (
        "body.text_len",
        E,
        edit("reply_buttons_text_header", ("interactive.body.text", "")),
        edit("reply_buttons_text_header", ("interactive.body.text", "b" * 1024)),
    ),
    (
        "body.text_len",
        W,
        edit("list_single_section", ("interactive.body.text", "b" * 1025)),
        edit("list_single_section", ("interactive.body.text", "b" * 1024)),
    ),
    (
        "body.text_len.utf16",
        W,
        edit("cta_url_text_header", ("interactive.body.text", "b" * 1020 + "😀😀😀")),
        edit("cta_url_text_header", ("interactive.body.text", "b" * 1020 + "😀😀")),
    ),
    (
        "header.required",
        E,
        edit("product_list_two_sections", ("interactive.header", DELETE)),
        VALID["product_list_two_sections"],
    ),
    (
        "header.not_allowed",
        E,
        edit("location_request", ("interactive.header", {"type": "text", "text": "Hi"})),
        VALID["location_request"],
    ),
    (
        "header.not_allowed",
        E,
        edit("catalog_message", ("interactive.header", {"type": "text", "text": "Hi"})),
        VALID["catalog_message"],
    ),
    (
        "header.type",
        E,
        edit(
            "list_single_section", ("interactive.header", {"type": "video", "video": {"id": "1"}})
        ),
        VALID["list_single_section"],
    ),
    (
        "header.text_len",
        E,
        edit("cta_url_text_header", ("interactive.header.text", "h" * 61)),
        edit("cta_url_text_header", ("interactive.header.text", "h" * 60)),
    ),
    (
        "header.media.id_xor_link",
        E,
        edit("reply_buttons_image_header_by_media_id", ("interactive.header.image", {})),
        VALID["reply_buttons_video_header_by_link"],
    ),
    (
        "header.media.link",
        E,
        edit(
            "reply_buttons_video_header_by_link",
            ("interactive.header.video.link", "ftp://cdn.example.com/a.mp4"),
        ),
        VALID["reply_buttons_video_header_by_link"],
    ),
    (
        "header.media.caption",
        E,
        edit(
            "reply_buttons_image_header_by_media_id", ("interactive.header.image.caption", "New!")
        ),
        VALID["reply_buttons_image_header_by_media_id"],
    ),
    (
        "footer.not_allowed",
        E,
        edit("location_request", ("interactive.footer", {"text": "Thanks"})),
        VALID["cta_url_text_header"],
    ),
    (
        "footer.text_len",
        E,
        edit("cta_url_text_header", ("interactive.footer.text", "")),
        edit("cta_url_text_header", ("interactive.footer.text", "f" * 60)),
    ),
    (
        "button.count",
        E,
        edit("reply_buttons_text_header", ("interactive.action.buttons", [])),
        VALID["reply_buttons_text_header"],
    ),
    (
        "button.type",
        E,
        edit("reply_buttons_text_header", ("interactive.action.buttons[0].type", "postback")),
        VALID["reply_buttons_text_header"],
    ),
    (
        "button.id_len",
        E,
        edit("reply_buttons_text_header", (BUTTON0 + ".id", "")),
        edit("reply_buttons_text_header", (BUTTON0 + ".id", "i" * 256)),
    ),
    (
        "button.id_spaces",
        E,
        edit("reply_buttons_text_header", (BUTTON0 + ".id", "keep ")),
        edit("reply_buttons_text_header", (BUTTON0 + ".id", "keep it")),
    ),
    (
        "button.title_len",
        E,
        edit("reply_buttons_text_header", (BUTTON0 + ".title", "t" * 21)),
        edit("reply_buttons_text_header", (BUTTON0 + ".title", "t" * 20)),
    ),
    (
        "button.title_len.utf16",
        W,
        edit("reply_buttons_text_header", (BUTTON0 + ".title", "😀" * 11)),
        edit("reply_buttons_text_header", (BUTTON0 + ".title", "😀" * 10)),
    ),
    (
        "button.id_unique",
        E,
        edit("reply_buttons_text_header", (BUTTON0 + ".id", "appt_move_4471")),
        VALID["reply_buttons_text_header"],
    ),
    (
        "button.title_unique",
        E,
        edit("reply_buttons_text_header", (BUTTON0 + ".title", "RESCHEDULE")),
        edit("reply_buttons_text_header", (BUTTON0 + ".title", "Reschedule it")),
    ),
    (
        "list.button_len",
        E,
        edit("list_single_section", ("interactive.action.button", "")),
        edit("list_single_section", ("interactive.action.button", "l" * 20)),
    ),
    (
        "list.sections_count",
        E,
        edit("list_single_section", ("interactive.action.sections", [])),
        VALID["list_single_section"],
    ),
    (
        "list.section_rows_min",
        E,
        edit("list_single_section", ("interactive.action.sections[0].rows", [])),
        VALID["list_single_section"],
    ),
    ("list.rows_total", E, _two_sections(6, 5), _two_sections(5, 5)),
    (
        "list.section_title_len",
        E,
        edit("list_single_section", ("interactive.action.sections[0].title", "s" * 25)),
        edit("list_single_section", ("interactive.action.sections[0].title", "s" * 24)),
    ),
    (
        "list.section_title_required",
        E,
        edit(_two_sections(1, 1), ("interactive.action.sections[1].title", DELETE)),
        _two_sections(1, 1),
    ),
    (
        "list.section_title_required",
        W,
        edit("list_single_section", ("interactive.action.sections[0].title", DELETE)),
        VALID["list_single_section"],
    ),
    (
        "list.row_id_len",
        E,
        edit("list_single_section", (ROW0 + ".id", "")),
        edit("list_single_section", (ROW0 + ".id", "r" * 200)),
    ),
    (
        "list.row_id_unique",
        E,
        edit("list_single_section", (ROW0 + ".id", "ship_pickup")),
        VALID["list_single_section"],
    ),
    (
        "list.row_title_len",
        E,
        edit("list_single_section", (ROW0 + ".title", "t" * 25)),
        edit("list_single_section", (ROW0 + ".title", "t" * 24)),
    ),
    (
        "list.row_desc_len",
        E,
        edit("list_single_section", (ROW0 + ".description", "d" * 73)),
        edit("list_single_section", (ROW0 + ".description", "d" * 72)),
    ),
    (
        "list.row_title_unique",
        W,
        edit("list_single_section", (ROW0 + ".title", "STANDARD")),
        VALID["list_single_section"],
    ),
    (
        "product.fields",
        E,
        edit("product_single", ("interactive.action.catalog_id", "")),
        VALID["product_single"],
    ),
    (
        "product_list.catalog_id",
        E,
        edit("product_list_two_sections", ("interactive.action.catalog_id", DELETE)),
        VALID["product_list_two_sections"],
    ),
    (
        "product_list.sections_count",
        E,
        edit("product_list_two_sections", (PSECTIONS, [])),
        edit("product_list_two_sections", (PSECTIONS, _products([1] * 10))),
    ),
    (
        "product_list.section_items_min",
        E,
        edit("product_list_two_sections", (PSECTIONS, _products([3, 0]))),
        edit("product_list_two_sections", (PSECTIONS, _products([3, 1]))),
    ),
    (
        "product_list.items_total",
        E,
        edit("product_list_two_sections", (PSECTIONS, _products([16, 15]))),
        edit("product_list_two_sections", (PSECTIONS, _products([15, 15]))),
    ),
    (
        "product_list.section_title_len",
        E,
        edit("product_list_two_sections", (PSECTIONS + "[0].title", "s" * 25)),
        edit("product_list_two_sections", (PSECTIONS + "[0].title", "s" * 24)),
    ),
    (
        "product_list.section_title_required",
        E,
        edit("product_list_two_sections", (PSECTIONS + "[1].title", DELETE)),
        edit(
            "product_list_two_sections",
            (PSECTIONS, [{"product_items": [{"product_retailer_id": "A"}]}]),
        ),
    ),
    (
        "product_list.item_id",
        E,
        edit(
            "product_list_two_sections",
            (PSECTIONS + "[0].product_items[1].product_retailer_id", ""),
        ),
        VALID["product_list_two_sections"],
    ),
    (
        "catalog.thumbnail",
        W,
        edit("catalog_message", ("interactive.action.parameters", DELETE)),
        VALID["catalog_message"],
    ),
    (
        "catalog.action_name",
        E,
        edit("catalog_message", ("interactive.action.name", "catalog")),
        VALID["catalog_message"],
    ),
    (
        "cta_url.action_name",
        E,
        edit("cta_url_text_header", ("interactive.action.name", "url")),
        VALID["cta_url_text_header"],
    ),
    (
        "cta_url.display_text_len",
        E,
        edit("cta_url_text_header", (PARAMS + ".display_text", "")),
        edit("cta_url_text_header", (PARAMS + ".display_text", "d" * 20)),
    ),
    (
        "cta_url.url",
        E,
        edit("cta_url_text_header", (PARAMS + ".url", "www.example.com/dates")),
        edit("cta_url_text_header", (PARAMS + ".url", "http://example.com")),
    ),
    ("flow.action_name", E, edit(_FLOW, ("interactive.action.name", "flows")), VALID[_FLOW]),
    ("flow.version", E, edit(_FLOW, (PARAMS + ".flow_message_version", "3.0")), VALID[_FLOW]),
    (
        "flow.id_xor_name",
        E,
        edit(_FLOW, (PARAMS + ".flow_id", DELETE)),
        edit(_FLOW, (PARAMS + ".flow_id", DELETE), (PARAMS + ".flow_name", "booking")),
    ),
    (
        "flow.cta_len",
        E,
        edit(_FLOW, (PARAMS + ".flow_cta", "c" * 31)),
        edit(_FLOW, (PARAMS + ".flow_cta", "c" * 30)),
    ),
    (
        "flow.cta_len",
        W,
        edit(_FLOW, (PARAMS + ".flow_cta", "c" * 21)),
        edit(_FLOW, (PARAMS + ".flow_cta", "c" * 20)),
    ),
    (
        "flow.cta_emoji",
        E,
        edit(_FLOW, (PARAMS + ".flow_cta", "Book now 📅")),
        edit(_FLOW, (PARAMS + ".flow_cta", "Réserver")),
    ),
    (
        "flow.mode",
        E,
        edit(_FLOW, (PARAMS + ".mode", "live")),
        edit(_FLOW, (PARAMS + ".mode", "draft")),
    ),
    (
        "flow.action",
        E,
        edit(_FLOW, (PARAMS + ".flow_action", "open")),
        edit(
            _FLOW,
            (PARAMS + ".flow_action", "data_exchange"),
            (PARAMS + ".flow_action_payload", DELETE),
        ),
    ),
    (
        "flow.payload_only_navigate",
        E,
        edit(_FLOW, (PARAMS + ".flow_action", "data_exchange")),
        VALID[_FLOW],
    ),
    (
        "flow.data_empty",
        E,
        edit(_FLOW, (PARAMS + ".flow_action_payload.data", {})),
        edit(_FLOW, (PARAMS + ".flow_action_payload.data", DELETE)),
    ),
    (
        "location_request.action_name",
        E,
        edit("location_request", ("interactive.action.name", DELETE)),
        VALID["location_request"],
    ),
    (
        "address.action_name",
        E,
        edit("address_message_india", ("interactive.action.name", "address")),
        VALID["address_message_india"],
    ),
    (
        "address.country",
        E,
        edit("address_message_india", (PARAMS + ".country", "")),
        VALID["address_message_india"],
    ),
    (
        "address.pin_code_len",
        E,
        edit("address_message_india", (PARAMS + ".values.in_pin_code", "5600011")),
        edit("address_message_india", (PARAMS + ".values.in_pin_code", "560001")),
    ),
    (
        "call_permission.action_name",
        E,
        edit("call_permission_request", ("interactive.action.name", "call")),
        VALID["call_permission_request"],
    ),
    ("carousel.card_count", E, edit(MEDIA, (CARDS, _cards(1))), edit(MEDIA, (CARDS, _cards(2)))),
    ("carousel.card_count", E, edit(MEDIA, (CARDS, _cards(11))), edit(MEDIA, (CARDS, _cards(10)))),
    (
        "carousel.card_index",
        E,
        edit(MEDIA, (CARDS + "[2].card_index", 10)),
        edit(MEDIA, (CARDS + "[2].card_index", 9)),
    ),
    ("carousel.card_index_unique", E, edit(MEDIA, (CARDS + "[2].card_index", 0)), VALID[MEDIA]),
    ("carousel.card_type", E, edit(MEDIA, (CARDS + "[1].type", "image")), VALID[MEDIA]),
    (
        "carousel.card_type_mixed",
        E,
        edit(
            MEDIA,
            (
                CARDS + "[2]",
                VALID["product_carousel"]["interactive"]["action"]["cards"][0] | {"card_index": 2},
            ),
        ),
        VALID[MEDIA],
    ),
    ("carousel.header_required", E, edit(MEDIA, (CARDS + "[1].header", DELETE)), VALID[MEDIA]),
    (
        "carousel.header_type",
        E,
        edit(MEDIA, (CARDS + "[0].header", {"type": "text", "text": "Hi"})),
        VALID[MEDIA],
    ),
    (
        "carousel.header_type_mixed",
        E,
        edit(
            MEDIA,
            (CARDS + "[1].header", {"type": "video", "video": {"link": "https://e.com/v.mp4"}}),
        ),
        VALID[MEDIA],
    ),
    (
        "header.media.id_xor_link",
        E,
        edit(MEDIA, (CARDS + "[1].header.image.id", "123")),
        edit(MEDIA, (CARDS + "[1].header.image", {"id": "123"})),
    ),
    (
        "carousel.card_body_len",
        E,
        edit(MEDIA, (CARDS + "[0].body.text", "c" * 161)),
        edit(MEDIA, (CARDS + "[0].body.text", "c" * 160)),
    ),
    (
        "carousel.card_body_lines",
        E,
        edit(MEDIA, (CARDS + "[0].body.text", "a\nb\nc\nd")),
        edit(MEDIA, (CARDS + "[0].body.text", "a\nb\nc")),
    ),
    ("carousel.card_action", E, edit(MEDIA, (CARDS + "[0].action", {})), VALID[MEDIA]),
    (
        "carousel.button_shape_mixed",
        E,
        edit(
            MEDIA,
            (
                CARDS + "[0].action",
                quick_reply_carousel()["interactive"]["action"]["cards"][0]["action"],
            ),
        ),
        quick_reply_carousel(),
    ),
    (
        "carousel.button_shape_mixed",
        E,
        edit(
            quick_reply_carousel(2),
            (
                CARDS + "[1].action.buttons",
                [{"type": "quick_reply", "quick_reply": {"id": "x", "title": "X"}}],
            ),
        ),
        quick_reply_carousel(2),
    ),
    ("carousel.quick_reply_count", E, quick_reply_carousel(4), quick_reply_carousel(3)),
    (
        "carousel.quick_reply_id_len",
        E,
        edit(quick_reply_carousel(), (QR + ".quick_reply.id", "q" * 257)),
        edit(quick_reply_carousel(), (QR + ".quick_reply.id", "q" * 256)),
    ),
    (
        "carousel.quick_reply_id_len",
        W,
        edit(quick_reply_carousel(), (QR + ".quick_reply.id", "q" * 21)),
        edit(quick_reply_carousel(), (QR + ".quick_reply.id", "q" * 20)),
    ),
    (
        "carousel.quick_reply_title_len",
        E,
        edit(quick_reply_carousel(), (QR + ".quick_reply.title", "t" * 21)),
        edit(quick_reply_carousel(), (QR + ".quick_reply.title", "t" * 20)),
    ),
    (
        "carousel.quick_reply_type",
        E,
        edit(quick_reply_carousel(), (QR + ".type", "reply")),
        quick_reply_carousel(),
    ),
    (
        "cta_url.display_text_len",
        E,
        edit(MEDIA, (CARDS + "[0].action.parameters.display_text", "d" * 21)),
        VALID[MEDIA],
    ),
    ("cta_url.url", E, edit(MEDIA, (CARDS + "[0].action.parameters.url", "")), VALID[MEDIA]),
    (
        "carousel.same_catalog",
        E,
        edit("product_carousel", (CARDS + "[1].action.catalog_id", "1")),
        VALID["product_carousel"],
    ),
    (
        "carousel.product_fields",
        E,
        edit("product_carousel", (CARDS + "[1].action.product_retailer_id", "")),
        VALID["product_carousel"],
    ),
    (
        "reaction.message_id",
        E,
        edit("reaction_add", ("reaction.message_id", "")),
        VALID["reaction_add"],
    ),
    (
        "reaction.emoji",
        E,
        edit("reaction_add", ("reaction.emoji", "👍👍")),
        edit("reaction_add", ("reaction.emoji", "👍🏽")),
    ),
    (
        "reaction.emoji",
        E,
        edit("reaction_add", ("reaction.emoji", "🇧")),
        edit("reaction_add", ("reaction.emoji", "🇧🇷")),
    ),
    (
        "reaction.context",
        E,
        edit("reaction_add", ("context", {"message_id": "wamid.X"})),
        VALID["reaction_add"],
    ),
    (
        "text.body_len",
        E,
        edit("text_with_formatting", ("text.body", "t" * 4097)),
        edit("text_with_formatting", ("text.body", "t" * 4096)),
    ),
    (
        "text.body_len",
        E,
        edit("text_with_formatting", ("text.body", "")),
        VALID["text_with_formatting"],
    ),
    (
        "payload.shape",
        E,
        edit("text_with_formatting", ("text.body", 42)),
        VALID["text_with_formatting"],
    ),
    (
        "payload.type",
        E,
        edit("text_with_formatting", ("type", "image")),
        VALID["text_with_formatting"],
    ),
    (
        "payload.unknown_field",
        E,
        edit("text_with_formatting", ("text.preview", True)),
        VALID["text_with_formatting"],
    ),
]


def _matching(issues: list[Issue], rule: str, severity: Severity) -> list[Issue]:
    return [i for i in issues if i.rule == rule and i.severity is severity]


@pytest.mark.parametrize(
    ("rule", "severity", "failing", "passing"),
    CASES,
    ids=[f"{c[0]}-{c[1].value}-{n}" for n, c in enumerate(CASES)],
)
def test_rule_fails_and_passes(
    rule: str, severity: Severity, failing: dict[str, Any], passing: dict[str, Any]
) -> None:
    found = _matching(validate_payload(failing), rule, severity)
    assert found, f"{rule} not reported"
    for issue in found:
        assert issue.message.endswith(".") and issue.path
    assert not _matching(validate_payload(passing), rule, severity)


def test_every_section_18_rule_has_a_case() -> None:
    covered = {rule for rule, *_ in CASES} | {e["rule"] for e in INVALID}
    for limit in limits.ALL_LIMITS:
        if limit.rule.startswith(("carousel.", "list.", "product_list.", "button.", "flow.")):
            assert limit.rule in covered, limit.rule
    spec_rules = {
        "envelope.messaging_product",
        "envelope.to",
        "envelope.to_format",
        "envelope.to_plus",
        "envelope.biz_opaque_len",
        "body.required",
        "body.text_len",
        "header.required",
        "header.not_allowed",
        "header.type",
        "header.text_len",
        "footer.not_allowed",
        "footer.text_len",
        "product.fields",
        "catalog.thumbnail",
        "location_request.action_name",
        "address.country",
        "reaction.message_id",
        "reaction.emoji",
        "reaction.context",
    }
    assert spec_rules <= covered
    assert any(rule.endswith(".utf16") for rule in covered)


def test_messages_name_the_field_the_limit_and_the_value() -> None:
    payload = edit("reply_buttons_text_header", (BUTTON0 + ".title", "Keep it for me, please"))
    (issue,) = validate_payload(payload)
    assert issue == Issue(
        "button.title_len",
        "interactive.action.buttons[0].reply.title",
        Severity.ERROR,
        'Button title "Keep it for me, please" is 22 characters; the limit is 20.',
    )
    assert issue.to_dict()["severity"] == "error"


def test_all_issues_at_once_with_exact_paths() -> None:
    payload = edit(
        _two_sections(2, 2),
        ("interactive.action.sections[1].rows[0].title", "t" * 25),
        ("interactive.action.sections[0].rows[1].description", "d" * 73),
        ("interactive.action.button", "b" * 21),
        ("interactive.footer.text", "f" * 61),
        ("to", "16505550123"),
    )
    got = {(i.rule, i.path, i.severity) for i in validate_payload(payload)}
    assert got == {
        ("list.row_title_len", "interactive.action.sections[1].rows[0].title", E),
        ("list.row_desc_len", "interactive.action.sections[0].rows[1].description", E),
        ("list.button_len", "interactive.action.button", E),
        ("footer.text_len", "interactive.footer.text", E),
        ("envelope.to_plus", "to", W),
    }


@pytest.mark.parametrize(("to", "words"), [("+1", "has 1 digit;"), ("+1234", "has 4 digits;")])
def test_short_recipient_names_its_digit_count(to: str, words: str) -> None:
    (issue,) = validate_payload(edit("text_with_formatting", ("to", to)))
    assert issue.rule == "envelope.to_format" and words in issue.message
    assert "7 to 15" in issue.message


def test_check_on_models_built_directly() -> None:
    rows = tuple(ListRow(id=f"r{i}", title=f"Row {i}", description="d" * 72) for i in range(11))
    msg = Message(
        to="+16505550123",
        content=ListMessage(
            header=TextHeader(text="Pick"),
            body="Choose",
            button="Open",
            sections=(ListSection(title="All", rows=rows),),
        ),
    )
    assert [(i.rule, i.path) for i in check(msg)] == [
        ("list.rows_total", "interactive.action.sections")
    ]
    buttons = ReplyButtons(
        body="Hi",
        buttons=(ReplyButton(id="a", title="WhatsApp"), ReplyButton(id="b", title="Whatsapp")),
    )
    issues = check(Message(to="+16505550123", content=buttons))
    assert [i.rule for i in issues] == ["button.title_unique"]
    assert has_errors(issues) and not has_errors([])


@pytest.mark.parametrize("emoji", ["👍", "👍🏽", "❤️", "1️⃣", "👨‍👩‍👧", "🇧🇷", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🏳️‍🌈", "#️⃣", ""])
def test_reaction_accepts_one_emoji_grapheme(emoji: str) -> None:
    assert validate_payload(edit("reaction_add", ("reaction.emoji", emoji))) == []


@pytest.mark.parametrize("emoji", ["ok", "👍👍", "👍 ", "❤︎", "1", "🇧🇷🇧", "a👍", ":)"])
def test_reaction_rejects_anything_else(emoji: str) -> None:
    rules = [i.rule for i in validate_payload(edit("reaction_add", ("reaction.emoji", emoji)))]
    assert rules == ["reaction.emoji"]
