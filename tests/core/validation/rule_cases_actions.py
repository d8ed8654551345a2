"""Rule cases for CTA URL, flow, location, address, call permission, carousel, reaction,
text and payload-shape rules.

Each case is (rule, severity, a payload that must raise it, a payload that must not); the test
is ``test_rule_fails_and_passes`` in test_validation.py.
"""

from __future__ import annotations

from tests.core.validation.rule_cases import (
    CARDS,
    DELETE,
    FLOW,
    MEDIA,
    PARAMS,
    QR,
    VALID,
    Case,
    E,
    W,
    cards,
    edit,
    quick_reply_carousel,
)

CASES: list[Case] = [
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
    ("flow.action_name", E, edit(FLOW, ("interactive.action.name", "flows")), VALID[FLOW]),
    ("flow.version", E, edit(FLOW, (PARAMS + ".flow_message_version", "3.0")), VALID[FLOW]),
    (
        "flow.id_xor_name",
        E,
        edit(FLOW, (PARAMS + ".flow_id", DELETE)),
        edit(FLOW, (PARAMS + ".flow_id", DELETE), (PARAMS + ".flow_name", "booking")),
    ),
    (
        "flow.cta_len",
        E,
        edit(FLOW, (PARAMS + ".flow_cta", "c" * 31)),
        edit(FLOW, (PARAMS + ".flow_cta", "c" * 30)),
    ),
    (
        "flow.cta_len",
        W,
        edit(FLOW, (PARAMS + ".flow_cta", "c" * 21)),
        edit(FLOW, (PARAMS + ".flow_cta", "c" * 20)),
    ),
    (
        "flow.cta_emoji",
        E,
        edit(FLOW, (PARAMS + ".flow_cta", "Book now 📅")),
        edit(FLOW, (PARAMS + ".flow_cta", "Réserver")),
    ),
    (
        "flow.mode",
        E,
        edit(FLOW, (PARAMS + ".mode", "live")),
        edit(FLOW, (PARAMS + ".mode", "draft")),
    ),
    (
        "flow.action",
        E,
        edit(FLOW, (PARAMS + ".flow_action", "open")),
        edit(
            FLOW,
            (PARAMS + ".flow_action", "data_exchange"),
            (PARAMS + ".flow_action_payload", DELETE),
        ),
    ),
    (
        "flow.payload_only_navigate",
        E,
        edit(FLOW, (PARAMS + ".flow_action", "data_exchange")),
        VALID[FLOW],
    ),
    (
        "flow.data_empty",
        E,
        edit(FLOW, (PARAMS + ".flow_action_payload.data", {})),
        edit(FLOW, (PARAMS + ".flow_action_payload.data", DELETE)),
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
    ("carousel.card_count", E, edit(MEDIA, (CARDS, cards(1))), edit(MEDIA, (CARDS, cards(2)))),
    ("carousel.card_count", E, edit(MEDIA, (CARDS, cards(11))), edit(MEDIA, (CARDS, cards(10)))),
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
