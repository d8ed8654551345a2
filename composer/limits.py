"""Every WhatsApp Cloud API limit the composer knows, written once.

Editors, counters, validation, the sandbox and the preview all read these values; nothing else
in the code base may repeat a number from this file. Each limit carries the rule id of the fact
sheet (spec section 18) so that a counter turning red and the validator's issue agree.

Characters are counted in Unicode code points (what we block on). The UTF-16 length is offered
as well because some clients count that way; going over a limit in UTF-16 only is a warning.
"""

from __future__ import annotations

from typing import Final

import msgspec


def char_count(text: str) -> int:
    """Length as the composer enforces it: Unicode code points (Python ``len``)."""
    return len(text)


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units (what JavaScript's ``.length`` reports)."""
    if text.isascii():  # one unit per character: no encoding needed (most spans of a body)
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class Limit(msgspec.Struct, frozen=True):
    """One bounded quantity: a text length or a number of items.

    ``warn_above`` marks a softer, documented alternative limit (spec conflicts): values above it
    but within ``maximum`` produce a warning, not an error.
    """

    rule: str
    label: str
    maximum: int
    minimum: int = 0
    unit: str = "characters"
    warn_above: int | None = None

    def is_over(self, value: int) -> bool:
        return value > self.maximum

    def is_under(self, value: int) -> bool:
        return value < self.minimum

    def is_near(self, value: int, ratio: float = 0.9) -> bool:
        """True when a counter should turn amber: close to (but not over) the limit."""
        soft = self.warn_above if self.warn_above is not None else self.maximum
        return value > soft or value >= max(1, int(self.maximum * ratio))


# --- Envelope (spec section 1) ---------------------------------------------------------------
BIZ_OPAQUE_CALLBACK_DATA: Final = Limit("envelope.biz_opaque_len", "Callback data", 512)
# E.164: at most 15 digits including the country code; the shortest numbers in use have 7.
PHONE_DIGITS: Final = Limit(
    "envelope.to_format", "Recipient phone number", 15, minimum=7, unit="digits"
)
# A business-scoped user id: a two-letter country code, a period, then at most 128 letters and
# digits (docs/spec/bsuid.md); sent as ``recipient`` instead of ``to``.
BSUID_CHARS: Final = Limit("envelope.recipient_format", "Business-scoped user id", 128, minimum=1)

# --- Shared parts (section 2) ------------------------------------------------------------------
HEADER_TEXT: Final = Limit("header.text_len", "Header text", 60, minimum=1)
BODY_TEXT: Final = Limit("body.text_len", "Body text", 1024, minimum=1)
# The list guide says 4096, the OpenAPI schema 1024 (conflict 1): allow 4096, warn above 1024.
LIST_BODY_TEXT: Final = Limit("body.text_len", "Body text", 4096, minimum=1, warn_above=1024)
FOOTER_TEXT: Final = Limit("footer.text_len", "Footer text", 60, minimum=1)

# --- List (section 3) --------------------------------------------------------------------------
LIST_BUTTON: Final = Limit("list.button_len", "List button label", 20, minimum=1)
LIST_SECTIONS: Final = Limit("list.sections_count", "Sections", 10, minimum=1, unit="sections")
LIST_ROWS_TOTAL: Final = Limit("list.rows_total", "Rows in total", 10, minimum=1, unit="rows")
LIST_SECTION_ROWS: Final = Limit(
    "list.section_rows_min", "Rows in this section", 10, minimum=1, unit="rows"
)
LIST_SECTION_TITLE: Final = Limit("list.section_title_len", "Section title", 24)
LIST_ROW_ID: Final = Limit("list.row_id_len", "Row id", 200, minimum=1)
LIST_ROW_TITLE: Final = Limit("list.row_title_len", "Row title", 24, minimum=1)
LIST_ROW_DESCRIPTION: Final = Limit("list.row_desc_len", "Row description", 72)

# --- Reply buttons (section 4) -----------------------------------------------------------------
BUTTONS: Final = Limit("button.count", "Buttons", 3, minimum=1, unit="buttons")
BUTTON_ID: Final = Limit("button.id_len", "Button id", 256, minimum=1)
BUTTON_TITLE: Final = Limit("button.title_len", "Button title", 20, minimum=1)

# --- Multi-product (section 7) -----------------------------------------------------------------
PRODUCT_SECTIONS: Final = Limit(
    "product_list.sections_count", "Sections", 10, minimum=1, unit="sections"
)
PRODUCT_ITEMS_TOTAL: Final = Limit(
    "product_list.items_total", "Products in total", 30, minimum=1, unit="products"
)
PRODUCT_SECTION_ITEMS: Final = Limit(
    "product_list.section_items_min", "Products in this section", 30, minimum=1, unit="products"
)
PRODUCT_SECTION_TITLE: Final = Limit("product_list.section_title_len", "Section title", 24)

# --- CTA URL, flow (section 9) -----------------------------------------------------------------
CTA_DISPLAY_TEXT: Final = Limit("cta_url.display_text_len", "Button label", 20, minimum=1)
# Conflict 5: OpenAPI allows 30, older docs 20: error above 30, warn above 20.
FLOW_CTA: Final = Limit("flow.cta_len", "Flow button label", 30, minimum=1, warn_above=20)

# --- Address (section 9.4) ---------------------------------------------------------------------
ADDRESS_PIN_CODE: Final = Limit("address.pin_code_len", "PIN code", 6)
ADDRESS_POST_CODE: Final = Limit("address.post_code_len", "Post code", 6)

# --- Voice call button (docs/spec/calling-and-replies.md) --------------------------------------
VOICE_CALL_DISPLAY_TEXT: Final = Limit("voice_call.display_text_len", "Button label", 20, minimum=1)
VOICE_CALL_TTL_MINUTES: Final = Limit(
    "voice_call.ttl_minutes", "Button lifetime", 43200, minimum=1, unit="minutes"
)
VOICE_CALL_PAYLOAD: Final = Limit("voice_call.payload_len", "Call payload", 512)
# What WhatsApp uses when the parameters leave them out.
VOICE_CALL_DEFAULT_LABEL: Final = "Call Now"
VOICE_CALL_DEFAULT_TTL_MINUTES: Final = 10080  # 7 days

# --- Carousel (sections 9.5, 9.6) --------------------------------------------------------------
CAROUSEL_CARDS: Final = Limit("carousel.card_count", "Cards", 10, minimum=2, unit="cards")
CAROUSEL_CARD_BODY: Final = Limit("carousel.card_body_len", "Card body", 160)
CAROUSEL_CARD_BODY_LINE_BREAKS: Final = Limit(
    "carousel.card_body_lines", "Line breaks in card body", 2, unit="line breaks"
)
# Conflict 6: 256 (English page) vs 20 (pt-BR page): error above 256, warn above 20.
CAROUSEL_QUICK_REPLY_ID: Final = Limit(
    "carousel.quick_reply_id_len", "Quick-reply id", 256, minimum=1, warn_above=20
)
CAROUSEL_QUICK_REPLY_TITLE: Final = Limit(
    "carousel.quick_reply_title_len", "Quick-reply title", 20, minimum=1
)
# Undocumented; PYWA says up to 3 (uncertain).
CAROUSEL_QUICK_REPLIES: Final = Limit(
    "carousel.quick_reply_count", "Quick replies per card", 3, minimum=1, unit="buttons"
)
CAROUSEL_CARD_INDEX: Final = Limit("carousel.card_index", "Card index", 9)

# --- Plain text messages (section 10) ----------------------------------------------------------
TEXT_BODY: Final = Limit("text.body_len", "Message text", 4096, minimum=1)

# --- Templates (docs/spec/templates.md) ---------------------------------------------------------
TEMPLATE_NAME: Final = Limit("template.name_len", "Template name", 512, minimum=1)
# The header and body limits apply to the text once its variables are filled in.
TEMPLATE_HEADER_TEXT: Final = Limit("template.header_len", "Header with its variable", 60)
TEMPLATE_BODY_TEXT: Final = Limit("template.body_len", "Body with its variables", 1024)
# A template that is only a body (no header, footer or buttons) may be far longer once filled.
TEMPLATE_BODY_ONLY_TEXT: Final = Limit("template.body_len", "Body with its variables", 32768)
TEMPLATE_URL: Final = Limit("template.url_len", "Button link with its suffix", 2000)
TEMPLATE_COUPON_CODE: Final = Limit("template.coupon_code_len", "Coupon code", 15, minimum=1)
TEMPLATE_BODY_SPACES: Final = Limit(
    "template.param_whitespace", "Consecutive spaces in a variable", 4, unit="spaces"
)
# Reading the library: 100 a page [RULE] (Meta states no maximum), at most 100 pages: more than
# the 6,000 templates a verified WABA may hold.
TEMPLATE_PAGE_SIZE: Final = 100
GRAPH_MAX_PAGES: Final = 100  # any Graph list the app reads page by page
# Reading the catalog's products (docs/spec/catalog.md): 100 a page [RULE], so 10,000 at most.
CATALOG_PAGE_SIZE: Final = 100


# --- Media upload (section 15) -----------------------------------------------------------------
class MediaKind(msgspec.Struct, frozen=True):
    """What the /media endpoint accepts for one kind of attachment."""

    name: str
    mime_types: tuple[str, ...]
    max_bytes: int


_MB = 1024 * 1024
MEDIA_IMAGE: Final = MediaKind("image", ("image/jpeg", "image/png"), 5 * _MB)
MEDIA_VIDEO: Final = MediaKind("video", ("video/mp4", "video/3gpp"), 16 * _MB)
MEDIA_AUDIO: Final = MediaKind(
    "audio", ("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"), 16 * _MB
)
MEDIA_DOCUMENT: Final = MediaKind(
    "document",
    (
        "text/plain",
        "application/pdf",
        "application/msword",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-powerpoint",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    100 * _MB,
)
MEDIA_STICKER: Final = MediaKind("sticker", ("image/webp",), 500 * 1024)
MEDIA_KINDS: Final = {
    k.name: k for k in (MEDIA_IMAGE, MEDIA_VIDEO, MEDIA_AUDIO, MEDIA_DOCUMENT, MEDIA_STICKER)
}
# Interactive headers accept only these media kinds (section 2).
HEADER_MEDIA_KINDS: Final = ("image", "video", "document")

# --- Flow (section 9.3) ------------------------------------------------------------------------
FLOW_MESSAGE_VERSION: Final = "3"  # the only version the Cloud API accepts

# --- Time rules (sections 5, 11, 17) -----------------------------------------------------------
SERVICE_WINDOW_SECONDS: Final = 24 * 3600
WINDOW_CLOSING_SECONDS: Final = 3600
REACTION_MAX_AGE_SECONDS: Final = 30 * 24 * 3600
# A temporary call permission lasts 7 days from the customer's approval (calling spec).
CALL_PERMISSION_TEMPORARY_SECONDS: Final = 7 * 24 * 3600
# Section 17: default per-number throughput (messages per second; 130429 above it).
NUMBER_THROUGHPUT_PER_SECOND: Final = 80
PAIR_RATE_SECONDS: Final = 6
PAIR_RATE_BURST: Final = 45

ALL_LIMITS: Final[tuple[Limit, ...]] = tuple(
    v for v in dict(globals()).values() if isinstance(v, Limit)
)
