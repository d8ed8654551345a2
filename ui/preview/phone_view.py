"""PhoneView: the live, clickable WhatsApp preview (phone canvas + copyable webhook JSON).

The canvas draws the layout (``layout.py``) with ``painter.py``. ``tap`` returns a ``Tapped``: a
tap the business hears about (decided by the kind's layout in ``ui.preview.kinds``) adds the
customer's reply and emits ``reply_webhook`` with the body from ``composer.webhooks.replies``;
any other tap says why it sends nothing; a form (address, Flow) opens as a small dialog.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace
from PySide6.QtCore import QPoint, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QLayout, QVBoxLayout, QWidget

from composer.messages import Message, MessageKind
from composer.validation.check import Issue
from composer.webhooks.envelope import WebhookContext
from ui.preview.appearance import PreviewSettings
from ui.preview.canvas import PhoneCanvas
from ui.preview.chat_base import MessageLookup, TemplateLookup, no_messages, no_templates
from ui.preview.clock import clock_text
from ui.preview.export import render_image, write_png
from ui.preview.fonts import ensure_emoji_font, fallback_note
from ui.preview.kinds import layout_for
from ui.preview.layout import ChatState, ProductPreview, Screen, ShapeItem, ThreadEntry
from ui.preview.layouter import Layouter
from ui.preview.media import MediaStore
from ui.preview.taps import SHEET_TAPS, Action, NoWebhook, ReplyForm, Tapped
from ui.preview.themes import Theme, theme_for
from ui.preview.thread_taps import tapped_message
from ui.preview.webhook_panel import WebhookPanel

if TYPE_CHECKING:
    from ui.preview.reply_form import ReplyFormDialog

_PRODUCT_KINDS = frozenset(
    {MessageKind.PRODUCT, MessageKind.PRODUCT_LIST, MessageKind.CATALOG, MessageKind.CAROUSEL}
)


class PhoneView(QWidget):
    """The preview widget D mounts in the main window (CONTRACTS.md, section E)."""

    reply_webhook = Signal(dict)
    message_shown = Signal()  # after set_message (or set_thread): ``message()`` has the new one
    thread_reply = Signal(int, object)  # rehearse: (business turn, Tapped) the customer tapped
    context_requested = Signal(tuple, QPoint)  # a right-click on a region: (action, global pos)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.has_colour_emoji = ensure_emoji_font()
        self._layouter = Layouter()
        self._media = MediaStore(self)
        self._media.changed.connect(self._relayout)
        self._theme: Theme = theme_for("android", False)
        self._msg: Message | None = None
        self._issues: tuple[Issue, ...] = ()
        self._fixed_time = ""
        self._state = ChatState()
        self._products: dict[str, ProductPreview] = {}
        self._templates: TemplateLookup = no_templates
        self._messages: MessageLookup = no_messages
        self.last_webhook: dict[str, Any] | None = None
        self._webhook_context = WebhookContext()
        self.reply_form: ReplyFormDialog | None = None  # the form a tap opened, while it is open

        self.canvas = PhoneCanvas(self)
        self.canvas.action.connect(self._on_action)
        self.canvas.context.connect(self.context_requested)
        # Under the phone: a font the preview could not have, a catalog that could not be read.
        self.note = QLabel(self)
        self.note.setObjectName("previewNote")
        self.note.setWordWrap(True)
        self.note.setVisible(False)
        self._font_note = ""
        self._catalog_note = ""
        self.panel = WebhookPanel(self)
        self._panel_docked = False
        self.json_view, self.json_label = self.panel.json_view, self.panel.json_label
        self.copy_button, self.save_png_button = self.panel.copy_button, self.panel.save_png_button
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.canvas, 1)
        box.addWidget(self.note)
        box.addWidget(self.panel)
        self._relayout()
        self._note_font()

    # --- public API -----------------------------------------------------------------------------

    def set_message(self, msg: Message | None, issues: Sequence[Issue] = ()) -> None:
        """Show ``msg`` (None: an empty chat). Only the parts that changed are laid out again."""
        previous = self._msg
        self._msg = msg
        self._issues = tuple(issues)
        errors = sum(1 for i in issues if i.is_error)
        state = replace(self._state, error_count=errors, time_text=self._fixed_time or clock_text())
        one = state.thread is None  # rehearse draws the thread: its open sheet stays open
        if one and (
            msg is None or previous is None or type(msg.content) is not type(previous.content)
        ):
            state = replace(state, replies=(), sheet="", selected=None, carousel_first=0)
            self.canvas.from_bottom = 0.0
        elif one and msg is not None and not self._row_exists(msg, state.selected):
            state = replace(state, selected=None)
        self._state = state
        self._relayout()
        self._show_notes()
        self.message_shown.emit()

    def set_thread(self, thread: Sequence[ThreadEntry] | None, typing: bool = False) -> None:
        """Show a whole conversation (rehearse mode; None: back to the one message). A thread
        that grew scrolls to its end, as a chat does when a message arrives."""
        old = self._state.thread
        new = tuple(thread) if thread is not None else None
        state = replace(self._state, thread=new, typing=typing and new is not None)
        if (old is None) != (new is None):
            state = replace(state, sheet="", selected=None, sheet_owner=-1, replies=())
        if new is not None and len(new) != len(old or ()):
            self.canvas.from_bottom = 0.0
        self._set_state(state)
        self.message_shown.emit()

    def thread_entries(self) -> tuple[ThreadEntry, ...] | None:
        """The thread on the phone (rehearse mode), None when it shows the one message."""
        return self._state.thread

    def set_appearance(self, platform: str, dark: bool, era: str = "") -> None:
        """Platform, light/dark and the chrome era ("" = today's; see ui.preview.appearance)."""
        self.set_theme(theme_for(platform, dark, era))

    def set_theme(self, theme: Theme) -> None:
        """Draw with ``theme`` (a table of ``ui.preview.themes``, or one a test changed)."""
        self._theme = theme
        self._relayout()
        self._note_font()

    def _note_font(self) -> None:
        self._font_note = fallback_note(self._theme)
        self._show_notes()

    def _show_notes(self) -> None:
        kind = self._msg.kind if self._msg is not None else None
        catalog = self._catalog_note if kind in _PRODUCT_KINDS else ""
        text = "\n".join(n for n in (self._font_note, catalog) if n)
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def theme(self) -> Theme:
        return self._theme

    def set_business_name(self, name: str) -> None:
        self._state = replace(self._state, business_name=name)
        self._relayout()

    def set_preview_settings(self, settings: PreviewSettings) -> bool:
        """Business name, avatar file, verified badge and the customer's name (in the webhooks).

        False when the avatar file cannot be read (the plain avatar is drawn then)."""
        avatar = ""
        if settings.avatar:
            avatar = f"avatar:{settings.avatar}"
            self._media.set_local_file(avatar, settings.avatar)
            if not self._media.request(avatar) and avatar not in self._media.images:
                avatar = ""
        name = settings.business_name or ChatState().business_name
        self._state = replace(
            self._state, business_name=name, avatar=avatar, verified=settings.verified
        )
        customer = settings.customer_name or None
        self._webhook_context = replace(self._webhook_context, customer_name=customer)
        self._relayout()
        return avatar != "" or not settings.avatar

    def set_fixed_time(self, text: str) -> None:
        """Draw this time ("12:34") instead of the clock's: renders that compare pixels."""
        self._fixed_time = text
        self._state = replace(self._state, time_text=text or clock_text())
        self._relayout()

    def set_webhook_panel(self, visible: bool) -> None:
        """Show (default) or hide the webhook JSON under the phone (a side-by-side companion)."""
        self.panel.setVisible(visible)

    def message(self) -> tuple[Message | None, tuple[Issue, ...]]:
        """What the phone shows and its issues (companion views mirror it)."""
        return self._msg, self._issues

    @property
    def preview_data(self) -> dict[str, ProductPreview]:
        """Product name/price/image per retailer id (the catalog's, or as a test set them)."""
        return dict(self._products)

    def set_preview_data(self, products: Mapping[str, ProductPreview], note: str = "") -> None:
        """Name, price and picture per SKU (the account's catalog); ``note``: why there are none
        (the catalog could not be read), shown under a product message."""
        self._products = dict(products)
        self._catalog_note = note
        self._relayout()
        self._show_notes()

    def set_product_preview(
        self, retailer_id: str, name: str = "", price: str = "", image: str = ""
    ) -> None:
        self._products[retailer_id] = ProductPreview(name, price, image)
        self._relayout()

    def set_template_lookup(self, lookup: TemplateLookup) -> None:
        """Where a template message's definition comes from (the window's template library)."""
        self._templates = lookup
        self._relayout()

    def template_lookup(self) -> TemplateLookup:
        return self._templates

    def set_message_lookup(self, lookup: MessageLookup) -> None:
        """Where a reply or a reaction finds the message it names (the window's history)."""
        self._messages = lookup
        self._relayout()

    def refresh(self) -> None:
        """Lay out again (what a lookup returns has changed: a library arrived)."""
        self._relayout()

    def set_webhook_context(self, context: WebhookContext) -> None:
        """Ids and names used in the simulated webhooks (default: the sandbox number)."""
        self._webhook_context = context

    def set_link_fetching(self, enabled: bool) -> None:
        """Fetch http(s) image links (default) or keep placeholders (offline, tests)."""
        self._media.fetch_links = enabled

    def set_media_file(self, key: str, path: str | Path) -> None:
        """Show a local file for a media header (key: its link, or "media-id:<id>")."""
        self._media.set_local_file(key, path)
        self._relayout()

    def save_png(self, path: str | Path, scale: float = 2) -> bool:
        """Save the phone as PNG at ``scale`` (2 = retina-sharp, for QA tickets)."""
        return write_png(self.render_image(scale), path)

    def render_image(self, scale: float = 2) -> QImage:
        """The phone as drawn now (its scroll positions too), ``scale`` x its size in px."""
        self.canvas.painter.outside = None
        return render_image(
            self.canvas.painter,
            self.preview_screen(),
            self._media.images,
            scale,
            self.canvas.chat_scroll,
            self.canvas.sheet_scroll,
        )

    def link_fetching(self) -> bool:
        return self._media.fetch_links

    def preview_screen(self) -> Screen:
        """The current layout (plain data): for tests and tools."""
        assert self.canvas.laid_out is not None
        return self.canvas.laid_out

    def state(self) -> ChatState:
        return self._state

    def tap(self, action: Action) -> Tapped:
        """Perform a layout action as if tapped (the canvas calls this for real clicks).

        Returns what the tap did: the webhook (also emitted) or the reason there is none."""
        return self._on_action(action)

    def copy_webhook(self) -> None:
        self.panel.copy()

    def close_media(self) -> None:
        self._media.close()

    # --- the webhook panel: under the phone, under a row of phones, or docked in the window's
    # Webhook tab for good (so a tap never takes the phone's room; the notes stay here) --------
    def dock_panel(self, layout: QLayout) -> None:
        self._panel_docked = True
        layout.addWidget(self.panel)

    def panel_docked(self) -> bool:
        return self._panel_docked

    def take_back_panel(self) -> None:
        layout = self.layout()
        if not self._panel_docked and layout is not None and self.panel.parentWidget() is not self:
            layout.addWidget(self.panel)

    # --- internals ------------------------------------------------------------------------------

    def _relayout(self) -> None:
        screen = self._layout()
        loaded = [
            self._media.request(item.name)
            for item in screen.all_items()
            if isinstance(item, ShapeItem)
            and item.kind == "image"
            and item.name
            and item.flags[:1] != ("video",)  # a video link is not a picture
        ]
        if any(loaded):  # local files load at once: lay out with their real size
            screen = self._layout()
        old = self.canvas.laid_out
        self.canvas.laid_out = screen
        self.canvas.images = self._media.images
        if old is None or (old.width, old.height) != (screen.width, screen.height):
            self.canvas.updateGeometry()
        self.canvas.sheet_scroll = min(self.canvas.sheet_scroll, screen.max_sheet_scroll())
        self.canvas.from_bottom = min(self.canvas.from_bottom, screen.max_chat_scroll())
        self.canvas.screen_changed()
        self.canvas.refresh()

    def _layout(self) -> Screen:
        return self._layouter.layout(
            self._msg, self._theme, self._state, self._products, self._media.sizes(),
            self._templates, self._messages,
        )  # fmt: skip

    @staticmethod
    def _row_exists(msg: Message, selected: tuple[int, int] | None) -> bool:
        if selected is None:
            return True  # nothing chosen: nothing to lose
        layout = layout_for(msg.kind)
        sheet = layout.sheet if layout is not None else None
        return sheet is not None and sheet.has_row is not None and sheet.has_row(msg, selected)

    def _on_action(self, action: Action) -> Tapped:
        msg, context, turn = self._msg, self._webhook_context, -1
        if self._state.thread is not None:  # rehearse: the tapped turn's message
            turn, msg, action, context, self._state = tapped_message(self._state, action, context)
        if msg is None or not action:
            return Tapped.silent(NoWebhook.NO_MESSAGE)
        name = action[0]
        state = self._state
        if name in SHEET_TAPS:
            change, reason = SHEET_TAPS[name]
            new = change(state, action)
            if new is not state:  # "noop" keeps the state: nothing to lay out again
                self._set_state(new)
            if name in ("open_list", "open_products"):
                self.canvas.sheet_scroll = 0.0
            return Tapped.silent(reason)
        layout = layout_for(msg.kind)
        handler = layout.taps.get(name) if layout is not None else None
        if handler is None:
            return Tapped.silent(NoWebhook.UNKNOWN_ACTION)
        tapped = handler(msg, action, state, context)
        if tapped.state is not None:
            self._set_state(tapped.state)  # a swipe: the cards move, nothing to explain
        elif tapped.no_webhook is not None:
            self._say_why(tapped.reason)
        if tapped.form is not None:
            self._open_form(tapped.form)
        if tapped.webhook is not None and tapped.reply is not None:
            if state.thread is not None:  # the rehearsal delivers it and adds the reply
                self._set_state(replace(state, sheet="", selected=None))
                self.last_webhook = tapped.webhook
                self.thread_reply.emit(turn, tapped)
                return tapped
            replies = (*state.replies, tapped.reply)
            self._publish(replace(state, sheet="", selected=None, replies=replies), tapped.webhook)
        return tapped

    def _say_why(self, reason: str) -> None:
        self.panel.say_why(reason)

    def _open_form(self, form: ReplyForm) -> None:
        """Show the tap's form (one at a time); submitting it is the form's own tap."""
        from ui.preview.reply_form import ReplyFormDialog

        if self.reply_form is not None:
            self.reply_form.close()
        dialog = ReplyFormDialog(form, self)
        dialog.submitted.connect(self.tap)
        dialog.finished.connect(lambda _r: self._forget_form(dialog))
        self.reply_form = dialog
        dialog.open()

    def _forget_form(self, dialog: QWidget) -> None:
        if self.reply_form is dialog:
            self.reply_form = None
        dialog.deleteLater()

    def _set_state(self, state: ChatState) -> None:
        self._state = state
        self._relayout()

    def _publish(self, state: ChatState, body: dict[str, Any]) -> None:
        self.canvas.from_bottom = 0.0
        self._set_state(state)
        self.last_webhook = body
        self.panel.show_webhook(body)
        self.reply_webhook.emit(body)
