"""Pieces the chat is built from: date/error chips, placed bubbles, media headers, quotes.

``ChatBase`` is what every kind's layout (``ui.preview.kinds``) draws with: it starts a bubble
(with the quoted message), adds the shared header/body/footer/time parts and places it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from composer.formatting import parse, plain_text
from composer.messages import Interactive, MediaHeader, Message, TextHeader
from ui.preview.bubble import BubbleParts
from ui.preview.layout import ChatState, ProductPreview, Rect, Screen, ShapeItem, TextItem
from ui.preview.text_engine import TextEngine
from ui.preview.themes import Theme

if TYPE_CHECKING:
    from composer.templates import TemplateDefinition

TemplateLookup = Callable[[str, str], "TemplateDefinition | None"]
"""(name, language) -> the account's definition of that template; what the window installs."""

MessageLookup = Callable[[str], "Message | None"]
"""wamid -> the business message it names (the window reads its send history), None: unknown
(most often the customer's own message, whose text the business never stored)."""

UNKNOWN_MESSAGE = "Message"
"""What a quote or a reacted-to bubble says when the message it names is unknown: its type,
never its raw wamid (WhatsApp shows the message itself)."""


def no_templates(name: str, language: str) -> TemplateDefinition | None:
    """The lookup before the window installs one: no template is known."""
    return None


def no_messages(wamid: str) -> Message | None:
    """The lookup before the window installs one: no earlier message is known."""
    return None


def media_key(header: MediaHeader) -> str:
    """The key an image is cached under: its link, else its media id."""
    if header.link:
        return header.link
    return f"media-id:{header.id}" if header.id else ""


class ChatBase:
    """Shared pieces of the chat: chips, bubbles, media, cards, quotes."""

    def __init__(
        self,
        engine: TextEngine,
        screen: Screen,
        state: ChatState,
        products: Mapping[str, ProductPreview],
        image_sizes: Mapping[str, tuple[int, int]],
        templates: TemplateLookup = no_templates,
        messages: MessageLookup = no_messages,
        quote_of: Callable[[ChatBase, Message], str] | None = None,
    ) -> None:
        self.e = engine
        self.templates = templates
        self.messages = messages
        self.quote_of = quote_of or (lambda _chat, msg: quoted_text(msg))
        self.s = screen
        self.t: Theme = screen.theme
        self.state = state
        self.products = products
        self.sizes = image_sizes
        t = self.t
        self.left = screen.chat_rect.x + t.side_margin + t.tail_w
        self.right = screen.chat_rect.right - t.side_margin - t.tail_w
        self.max_w = min(t.screen_w * t.max_width_ratio, self.right - self.left)
        self.y = 8.0

    # --- a business bubble ------------------------------------------------------------------------

    def start(self, msg: Message) -> BubbleParts:
        """A new business bubble, opening with the quoted message when ``msg`` replies to one."""
        parts = BubbleParts(self.e, self.t, self.max_w)
        if msg.context_message_id:
            author, text, by_business = self.replied_to(msg.context_message_id)
            bar = self.t.quote_bar_other if by_business else self.t.quote_bar_self
            self.quote(parts, author, text, bar, self.t.bubble_in_deeper)
        return parts

    def replied_to(self, wamid: str) -> tuple[str, str, bool]:
        """(author, text, sent by the business) of the message ``wamid`` names, as the customer
        sees it: the business's own message (from the history) under its name, else the
        customer's message ("You") by its type."""
        found = self.messages(wamid)
        if found is None:
            return "You", UNKNOWN_MESSAGE, False
        return self.state.business_name, self.quote_of(self, found) or UNKNOWN_MESSAGE, True

    def texts(self, parts: BubbleParts, c: Interactive) -> None:
        """Body, footer and time: the parts every interactive bubble shares, in WhatsApp's order."""
        if c.body:
            parts.body(c.body)
        if c.footer:
            parts.text("footer", c.footer, self.t.text_secondary, "footer")
        parts.time(self.state.time_text)

    def product_top(self, parts: BubbleParts, rid: str, fallback: str) -> None:
        """A product's picture, name (``fallback`` when the user gave none) and price."""
        t = self.t
        p = self.product(rid)
        self.image(parts, p.image, "product", 0.75)
        parts.text("bold", p.name or fallback, t.text_primary, "product_name")
        if p.price:
            parts.text("small", p.price, t.text_secondary, "product_price")

    def thumb_card(
        self, parts: BubbleParts, card_role: str, image: str, title: str, sub: str, role: str
    ) -> None:
        """The catalog/products card at the top of a bubble: a thumbnail, a title and a line."""
        t = self.t
        size = t.product_thumb
        rect = parts.block_top(size + 12)
        parts.add(ShapeItem("round_rect", rect, t.bubble_in_deeper, 6, card_role))
        thumb = Rect(rect.x + 6, rect.y + 6, size, size)
        parts.add(ShapeItem("image", thumb, t.media_placeholder, 4, image, ("product",)))
        self.card_text(
            parts,
            Rect(thumb.right + 10, rect.y + 6, rect.right - thumb.right - 16, size),
            title,
            sub,
            role,
        )

    # --- small pieces -----------------------------------------------------------------------------

    def chip(self, text: str, bg: str, fg: str, role: str = "chip") -> None:
        t = self.t
        para = self.e.paragraph(t, "small", text, t.screen_w * 0.8, center=True)
        w = min(para.natural_width + 20, t.screen_w * 0.8 + 20)
        rect = Rect(self.s.chat_rect.x + (t.screen_w - w) / 2, self.y, w, para.height + 10)
        self.s.chat.append(ShapeItem("round_rect", rect, bg, 7.5, role))
        self.s.chat.append(
            TextItem(
                Rect(rect.x + (w - para.width) / 2, rect.y + 5, para.width, para.height),
                role,
                text,
                fg,
                para,
            )
        )
        self.y = rect.bottom + 10

    def emit(self, parts: BubbleParts, outgoing: bool, tail: bool = True) -> Rect:
        t = self.t
        if outgoing:
            rect, items, hits = parts.place(0, self.y, right_edge=self.right)
        else:
            rect, items, hits = parts.place(self.left, self.y)
        kind = "bubble_out" if outgoing else "bubble_in"
        colour = t.bubble_out if outgoing else t.bubble_in
        flags = ("tail", "out" if outgoing else "in") if tail else ()
        self.s.chat.append(ShapeItem("bubble", rect, colour, t.bubble_radius, kind, flags))
        self.s.chat.extend(items)
        self.s.chat_hits.extend(hits)
        self.y = rect.bottom + t.bubble_gap
        return rect

    def image(self, parts: BubbleParts, key: str, kind: str, aspect: float) -> None:
        size = self.sizes.get(key)
        w = parts.bw - 2 * self.t.media_pad
        if size and kind == "image":
            aspect = min(1.25, max(0.5, size[1] / max(1, size[0])))
        rect = parts.block_top(w * aspect)
        parts.add(
            ShapeItem(
                "image",
                rect,
                self.t.media_placeholder,
                max(2.0, self.t.bubble_radius - 3),
                key,
                (kind,),
            )
        )

    def header(self, parts: BubbleParts, header: TextHeader | MediaHeader | None) -> None:
        t = self.t
        if isinstance(header, TextHeader):
            parts.text("bold", header.text, t.text_primary, "header")
        elif isinstance(header, MediaHeader):
            key = media_key(header)
            if header.kind == "document":
                rect = parts.block_top(58)
                parts.add(ShapeItem("round_rect", rect, t.bubble_in_deeper, 6, "document"))
                parts.add(
                    ShapeItem("icon", Rect(rect.x + 10, rect.y + 12, 26, 34), t.doc_icon, 0, "doc")
                )
                name = header.filename or (header.link or "").rsplit("/", 1)[-1] or "Document"
                self.card_text(
                    parts,
                    Rect(rect.x + 46, rect.y + 10, rect.w - 56, 40),
                    name,
                    doc_kind(name),
                    "document_name",
                )
            else:
                self.image(parts, key, header.kind, 0.56 if header.kind == "video" else 0.62)

    def card_text(self, parts: BubbleParts, rect: Rect, title: str, sub: str, role: str) -> None:
        t = self.t
        tp = self.e.paragraph(t, "small_bold", title or " ", rect.w, max_lines=2)
        sp = self.e.paragraph(t, "small", sub or " ", rect.w, max_lines=1)
        y = rect.y + max(0.0, (rect.h - tp.height - sp.height) / 2)
        parts.add(TextItem(Rect(rect.x, y, rect.w, tp.height), role, title, t.text_primary, tp))
        parts.add(
            TextItem(
                Rect(rect.x, y + tp.height, rect.w, sp.height),
                role + "_sub",
                sub,
                t.text_secondary,
                sp,
            )
        )

    def quote(self, parts: BubbleParts, author: str, text: str, bar: str, deeper: str) -> None:
        t = self.t
        rect = parts.block_top(50)
        parts.add(ShapeItem("round_rect", rect, deeper, 6, "quote"))
        parts.add(ShapeItem("rect", Rect(rect.x, rect.y, 4, rect.h), bar, 2, "quote_bar"))
        ap = self.e.paragraph(t, "small_bold", author or " ", rect.w - 20, max_lines=1)
        qp = self.e.paragraph(t, "small", text or " ", rect.w - 20, max_lines=1)
        parts.add(
            TextItem(
                Rect(rect.x + 12, rect.y + 6, rect.w - 20, ap.height),
                "quote_author",
                author,
                bar,
                ap,
            )
        )
        parts.add(
            TextItem(
                Rect(rect.x + 12, rect.y + 8 + ap.height, rect.w - 20, qp.height),
                "quote_text",
                text,
                t.text_secondary,
                qp,
            )
        )

    def product(self, rid: str) -> ProductPreview:
        return self.products.get(rid) or ProductPreview()


def quoted_text(msg: Message | None) -> str:
    if msg is None:
        return ""
    c = msg.content
    body = getattr(c, "body", None)
    if isinstance(body, str) and body:
        return plain_text(parse(body)).split("\n", 1)[0]
    header = getattr(c, "header", None)
    if isinstance(header, TextHeader):
        return header.text
    return "Message"


def doc_kind(name: str) -> str:
    ext = name.rsplit(".", 1)[-1].upper() if "." in name else "FILE"
    return f"{ext} · Document"
