"""Rule cases for the envelope, shared parts, reply buttons, lists and catalog messages.

Each case is (rule, severity, a payload that must raise it, a payload that must not); the test
is ``test_rule_fails_and_passes`` in test_validation.py.
"""

from __future__ import annotations

from tests.core.validation.rule_cases import (
    BUTTON0,
    DELETE,
    PSECTIONS,
    ROW0,
    VALID,
    Case,
    E,
    W,
    edit,
    products,
    two_sections,
)

CASES: list[Case] = [
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
    # a business-scoped user id goes in "recipient" (docs/spec/bsuid.md)
    (
        "envelope.recipient",
        E,
        edit("reaction_add", ("to", DELETE), ("recipient", " ")),
        edit("reaction_add", ("to", DELETE), ("recipient", "US.13491208655302741918")),
    ),
    (
        "envelope.recipient_format",
        E,
        edit("reaction_add", ("to", DELETE), ("recipient", "us.13491208655302741918")),
        edit("reaction_add", ("to", DELETE), ("recipient", "US.ENT.11815799212886844830")),
    ),
    (
        "envelope.recipient_format",
        E,
        edit("reaction_add", ("to", DELETE), ("recipient", "US." + "7" * 129)),
        edit("reaction_add", ("to", DELETE), ("recipient", "US." + "7" * 128)),
    ),
    (
        "envelope.recipient_format",
        E,
        edit("reaction_add", ("to", "BR.1502-5763")),
        edit("reaction_add", ("to", DELETE), ("recipient", "BR.1502576394655843aB")),
    ),
    (
        "envelope.recipient_field",
        E,
        edit("reaction_add", ("to", "US.13491208655302741918")),
        edit("reaction_add", ("to", DELETE), ("recipient", "US.13491208655302741918")),
    ),
    (
        "envelope.recipient_field",
        E,
        edit("reaction_add", ("to", DELETE), ("recipient", "+16505550123")),
        edit("reaction_add", ("to", "+16505550123")),
    ),
    (
        "envelope.recipient_both",
        E,
        edit("reaction_add", ("recipient", "US.13491208655302741918")),
        edit("reaction_add", ("to", DELETE), ("recipient", "US.13491208655302741918")),
    ),
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
    ("list.rows_total", E, two_sections(6, 5), two_sections(5, 5)),
    (
        "list.section_title_len",
        E,
        edit("list_single_section", ("interactive.action.sections[0].title", "s" * 25)),
        edit("list_single_section", ("interactive.action.sections[0].title", "s" * 24)),
    ),
    (
        "list.section_title_required",
        E,
        edit(two_sections(1, 1), ("interactive.action.sections[1].title", DELETE)),
        two_sections(1, 1),
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
        edit("product_list_two_sections", (PSECTIONS, products([1] * 10))),
    ),
    (
        "product_list.section_items_min",
        E,
        edit("product_list_two_sections", (PSECTIONS, products([3, 0]))),
        edit("product_list_two_sections", (PSECTIONS, products([3, 1]))),
    ),
    (
        "product_list.items_total",
        E,
        edit("product_list_two_sections", (PSECTIONS, products([16, 15]))),
        edit("product_list_two_sections", (PSECTIONS, products([15, 15]))),
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
]
