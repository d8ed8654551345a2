"""The scrollable chat: the business message as WhatsApp draws it, then the customer's replies."""

from __future__ import annotations

from collections.abc import Mapping

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
from ui.preview.chat_base import (
    CALL_PERMISSION,
    PROVIDE_ADDRESS,
    SEND_LOCATION,
    VIEW_CATALOG,
    VIEW_ITEMS,
    VIEW_PRODUCT,
    ChatBase,
    media_key,
    quoted_text,
    short_id,
)
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


class _Chat(ChatBase):
    # --- the business message ---------------------------------------------------------------------

    def business(self, msg: Message) -> None:
        t = self.t
        c = msg.content
        parts = BubbleParts(self.e, t, self.max_w)
        if msg.context_message_id:
            self._quote(
                parts,
                "You",
                short_id(msg.context_message_id),
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
            size = t.product_thumb
            rect = parts.block_top(size + 12)
            parts.add(ShapeItem("round_rect", rect, t.bubble_in_deeper, 6, "catalog_card"))
            thumb = Rect(rect.x + 6, rect.y + 6, size, size)
            parts.add(ShapeItem("image", thumb, t.media_placeholder, 4, p.image, ("product",)))
            self._card_text(
                parts,
                Rect(thumb.right + 10, rect.y + 6, rect.right - thumb.right - 16, size),
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
            if t.reply_buttons_in_bubble:
                for i, button in enumerate(c.buttons):
                    parts.action_row(button.title, "reply", ("button", i))
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
        if isinstance(c, ReplyButtons) and not t.reply_buttons_in_bubble:
            self._reply_buttons(c, rect)
        elif isinstance(c, Carousel):
            self._carousel(c)

    def _summary_card(self, parts: BubbleParts, c: MultiProduct) -> None:
        t = self.t
        ids = [rid for s in c.sections for rid in s.product_retailer_ids]
        first = self._product(ids[0]) if ids else ProductPreview()
        size = t.product_thumb
        rect = parts.block_top(size + 12)
        parts.add(ShapeItem("round_rect", rect, t.bubble_in_deeper, 6, "products_card"))
        thumb = Rect(rect.x + 6, rect.y + 6, size, size)
        parts.add(ShapeItem("image", thumb, t.media_placeholder, 4, first.image, ("product",)))
        title = c.header.text if isinstance(c.header, TextHeader) else ""
        count = f"{len(ids)} item" + ("" if len(ids) == 1 else "s")
        self._card_text(
            parts,
            Rect(thumb.right + 10, rect.y + 6, rect.right - thumb.right - 16, size),
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
        parts.text("body", f"Your message {short_id(r.message_id)}", t.text_primary, "reacted_to")
        parts.time(self.state.time_text, ticks=True)
        rect = self._emit(parts, outgoing=True)
        if not r.emoji:
            self.y += 6
            self.chip("Reaction removed", t.chip_bg, t.chip_text, role="reaction_removed")
            return
        para = self.e.paragraph(t, "body", r.emoji, 80, max_lines=1)
        w, h = para.natural_width + 14, para.height + 6
        x = rect.right - 10 - w if t.reaction_out_right else rect.x + 10
        pill = Rect(x, rect.bottom - t.reaction_offset, w, h)
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
            quoted_text(msg),
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
