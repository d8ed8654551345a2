"""The scrollable chat: the business message as WhatsApp draws it, then the customer's replies."""

from __future__ import annotations

from collections.abc import Mapping

from composer.formatting import parse, plain_text
from composer.messages import (
    AddressMessage,
    CallPermissionRequest,
    Carousel,
    CatalogMessage,
    CtaUrl,
    Flow,
    Interactive,
    ListMessage,
    LocationRequest,
    MediaCard,
    MediaHeader,
    Message,
    MultiProduct,
    ProductCard,
    Reaction,
    ReplyButtons,
    SingleProduct,
    TextHeader,
    TextMessage,
)
from ui.preview.bubble import BubbleParts, row_content
from ui.preview.layout import (
    ChatState,
    Hit,
    ProductPreview,
    Rect,
    Reply,
    Screen,
    ShapeItem,
    TextItem,
)
from ui.preview.text_engine import TextEngine
from ui.preview.themes import Theme

# Fixed labels WhatsApp draws itself (spec / look notes; localised on real phones).
SEND_LOCATION = "Send location"
VIEW_ITEMS = "View items"
VIEW_CATALOG = "View catalog"
VIEW_PRODUCT = "View"
PROVIDE_ADDRESS = "Provide address"
CALL_PERMISSION = "Allow calls"
SAMPLE_LOCATION = (38.7223, -9.1393)


def media_key(header: MediaHeader) -> str:
    """The key an image is cached under: its link, else its media id."""
    if header.link:
        return header.link
    return f"media-id:{header.id}" if header.id else ""


def build_chat(
    engine: TextEngine,
    screen: Screen,
    msg: Message | None,
    state: ChatState,
    products: Mapping[str, ProductPreview],
    image_sizes: Mapping[str, tuple[int, int]],
) -> None:
    t = screen.theme
    chat = _Chat(engine, screen, state, products, image_sizes)
    chat.chip("Today", t.chip_bg, t.chip_text)
    if state.error_count:
        noun = "problem" if state.error_count == 1 else "problems"
        chat.chip(
            f"⚠ {state.error_count} {noun}: WhatsApp would reject this message",
            t.error_chip_bg,
            t.error_chip_text,
            role="error_chip",
        )
    if msg is None:
        chat.chip("No message to preview yet", t.chip_bg, t.chip_text, role="empty_chip")
    elif isinstance(msg.content, Reaction):
        chat.reaction(msg.content)
    else:
        chat.business(msg)
    for reply in state.replies:
        chat.reply(reply, msg)
    screen.content_height = chat.y + 12


class _Chat:
    def __init__(
        self,
        engine: TextEngine,
        screen: Screen,
        state: ChatState,
        products: Mapping[str, ProductPreview],
        image_sizes: Mapping[str, tuple[int, int]],
    ) -> None:
        self.e = engine
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

    def _emit(self, parts: BubbleParts, outgoing: bool, tail: bool = True) -> Rect:
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

    def _image(self, parts: BubbleParts, key: str, kind: str, aspect: float) -> None:
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

    def _header(self, parts: BubbleParts, header: TextHeader | MediaHeader | None) -> None:
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
                self._card_text(
                    parts,
                    Rect(rect.x + 46, rect.y + 10, rect.w - 56, 40),
                    name,
                    _doc_kind(name),
                    "document_name",
                )
            else:
                self._image(parts, key, header.kind, 0.56 if header.kind == "video" else 0.62)

    def _card_text(self, parts: BubbleParts, rect: Rect, title: str, sub: str, role: str) -> None:
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

    def _quote(self, parts: BubbleParts, author: str, text: str, bar: str, deeper: str) -> None:
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

    def _product(self, rid: str) -> ProductPreview:
        return self.products.get(rid) or ProductPreview()

    # --- the business message ---------------------------------------------------------------------

    def business(self, msg: Message) -> None:
        t = self.t
        c = msg.content
        parts = BubbleParts(self.e, t, self.max_w)
        if msg.context_message_id:
            self._quote(
                parts,
                "You",
                _short_id(msg.context_message_id),
                t.quote_bar_self,
                t.bubble_in_deeper,
            )
        if isinstance(c, TextMessage):
            parts.body(c.body)
            parts.time(self.state.time_text)
            self._emit(parts, outgoing=False)
            return
        assert isinstance(c, Interactive)
        if isinstance(c, SingleProduct):
            p = self._product(c.product_retailer_id)
            self._image(parts, p.image, "product", 0.75)
            parts.text(
                "bold", p.name or c.product_retailer_id or "Product", t.text_primary, "product_name"
            )
            if p.price:
                parts.text("small", p.price, t.text_secondary, "product_price")
        elif isinstance(c, MultiProduct):
            self._summary_card(parts, c)
        elif isinstance(c, CatalogMessage):
            p = self._product(c.thumbnail_product_retailer_id or "")
            rect = parts.block_top(76)
            parts.add(ShapeItem("round_rect", rect, t.bubble_in_deeper, 6, "catalog_card"))
            thumb = Rect(rect.x + 6, rect.y + 6, 64, 64)
            parts.add(ShapeItem("image", thumb, t.media_placeholder, 4, p.image, ("product",)))
            self._card_text(
                parts,
                Rect(thumb.right + 10, rect.y + 6, rect.right - thumb.right - 16, 64),
                f"View {self.state.business_name}'s catalog on WhatsApp",
                "Browse pictures and details of their offerings.",
                "catalog_title",
            )
        else:
            self._header(parts, c.header)
        if c.body:
            parts.body(c.body)
        if c.footer:
            parts.text("footer", c.footer, t.text_secondary, "footer")
        parts.time(self.state.time_text)
        if isinstance(c, ReplyButtons):
            parts.full = True
        elif isinstance(c, ListMessage):
            parts.action_row(c.button, "list", ("open_list",))
        elif isinstance(c, LocationRequest):
            parts.action_row(SEND_LOCATION, "pin", ("send_location",))
        elif isinstance(c, CtaUrl):
            parts.action_row(c.display_text, "link", ("cta_url", c.url), tooltip=c.url)
        elif isinstance(c, Flow):
            parts.action_row(c.flow_cta, "", ("flow",))
        elif isinstance(c, SingleProduct):
            parts.action_row(VIEW_PRODUCT, "", ("view_product",))
        elif isinstance(c, MultiProduct):
            parts.action_row(VIEW_ITEMS, "", ("open_products",))
        elif isinstance(c, CatalogMessage):
            parts.action_row(VIEW_CATALOG, "", ("view_catalog",))
        elif isinstance(c, AddressMessage):
            parts.action_row(PROVIDE_ADDRESS, "", ("address",))
        elif isinstance(c, CallPermissionRequest):
            parts.action_row(CALL_PERMISSION, "phone", ("call_permission",))
        rect = self._emit(parts, outgoing=False)
        if isinstance(c, ReplyButtons):
            self._reply_buttons(c, rect)
        elif isinstance(c, Carousel):
            self._carousel(c)

    def _summary_card(self, parts: BubbleParts, c: MultiProduct) -> None:
        t = self.t
        ids = [rid for s in c.sections for rid in s.product_retailer_ids]
        first = self._product(ids[0]) if ids else ProductPreview()
        rect = parts.block_top(76)
        parts.add(ShapeItem("round_rect", rect, t.bubble_in_deeper, 6, "products_card"))
        thumb = Rect(rect.x + 6, rect.y + 6, 64, 64)
        parts.add(ShapeItem("image", thumb, t.media_placeholder, 4, first.image, ("product",)))
        title = c.header.text if isinstance(c.header, TextHeader) else ""
        count = f"{len(ids)} item" + ("" if len(ids) == 1 else "s")
        self._card_text(
            parts,
            Rect(thumb.right + 10, rect.y + 6, rect.right - thumb.right - 16, 64),
            title,
            count,
            "header",
        )

    def _reply_buttons(self, c: ReplyButtons, bubble: Rect) -> None:
        t = self.t
        y = bubble.bottom
        for i, button in enumerate(c.buttons):
            y += t.button_gap
            row = Rect(bubble.x, y, bubble.w, t.button_row_h)
            self.s.chat.append(
                ShapeItem("round_rect", row, t.bubble_in, t.bubble_radius, "reply_button")
            )
            self.s.chat.extend(row_content(self.e, t, row, button.title, "reply", t.action_label))
            self.s.chat_hits.append(Hit(row, ("button", i)))
            y = row.bottom
        self.y = y + t.bubble_gap

    def _carousel(self, c: Carousel) -> None:
        t = self.t
        card_w = min(t.screen_w * 0.7, 260.0)
        x = self.left
        top = self.y + 4
        bottom = top
        for card in c.cards:
            parts = BubbleParts(self.e, t, card_w)
            if isinstance(card, MediaCard):
                key = media_key(card.header) if isinstance(card.header, MediaHeader) else ""
                kind = card.header.kind if isinstance(card.header, MediaHeader) else "image"
                self._image(parts, key, kind, 0.56)
                if card.body:
                    parts.body(card.body, "card_body")
                if card.url_button is not None:
                    b = card.url_button
                    parts.action_row(b.display_text, "link", ("cta_url", b.url), tooltip=b.url)
                for qr in card.quick_replies or ():
                    parts.action_row(qr.title, "reply", ("carousel_reply", card.card_index, qr.id))
            elif isinstance(card, ProductCard):
                p = self._product(card.product_retailer_id)
                self._image(parts, p.image, "product", 0.75)
                parts.text(
                    "bold", p.name or card.product_retailer_id, t.text_primary, "product_name"
                )
                if p.price:
                    parts.text("small", p.price, t.text_secondary, "product_price")
                parts.action_row(VIEW_PRODUCT, "", ("view_product",))
            parts.full = True
            rect, items, hits = parts.place(x, top)
            self.s.chat.append(ShapeItem("bubble", rect, t.bubble_in, t.bubble_radius, "card"))
            self.s.chat.extend(items)
            self.s.chat_hits.extend(hits)
            bottom = max(bottom, rect.bottom)
            x = rect.right + 8
        self.y = bottom + t.bubble_gap

    # --- reactions and replies ---------------------------------------------------------------

    def reaction(self, r: Reaction) -> None:
        t = self.t
        parts = BubbleParts(self.e, t, self.max_w)
        parts.text("body", f"Your message {_short_id(r.message_id)}", t.text_primary, "reacted_to")
        parts.time(self.state.time_text, ticks=True)
        rect = self._emit(parts, outgoing=True)
        if not r.emoji:
            self.y += 6
            self.chip("Reaction removed", t.chip_bg, t.chip_text, role="reaction_removed")
            return
        para = self.e.paragraph(t, "body", r.emoji, 80, max_lines=1)
        w, h = para.natural_width + 14, para.height + 6
        pill = Rect(rect.x + 10, rect.bottom - t.reaction_offset, w, h)
        self.s.chat.append(
            ShapeItem("pill", pill, t.reaction_pill, h / 2, "reaction_pill", (t.reaction_border,))
        )
        self.s.chat.append(
            TextItem(
                Rect(pill.x + 7, pill.y + 3, para.width, para.height),
                "reaction",
                r.emoji,
                t.text_primary,
                para,
            )
        )
        self.y = pill.bottom + 6

    def reply(self, reply: Reply, msg: Message | None) -> None:
        t = self.t
        self.y += t.sender_gap - t.bubble_gap
        parts = BubbleParts(self.e, t, self.max_w)
        self._quote(
            parts,
            self.state.business_name,
            _quoted_text(msg),
            t.quote_bar_other,
            t.bubble_out_deeper,
        )
        if reply.kind == "location":
            rect = parts.block_top(140)
            parts.add(ShapeItem("map", rect, t.media_placeholder, 4, "map"))
            parts.text("small", reply.title, t.text_primary, "reply_title")
        else:
            parts.text("body", reply.title, t.text_primary, "reply_title")
            if reply.description:
                parts.text("small", reply.description, t.text_secondary, "reply_description")
        parts.time(self.state.time_text, ticks=True)
        self._emit(parts, outgoing=True)


def _short_id(wamid: str) -> str:
    return wamid if len(wamid) <= 18 else wamid[:14] + "…"


def _quoted_text(msg: Message | None) -> str:
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


def _doc_kind(name: str) -> str:
    ext = name.rsplit(".", 1)[-1].upper() if "." in name else "FILE"
    return f"{ext} · Document"
