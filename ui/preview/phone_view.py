"""PhoneView: the live, clickable WhatsApp preview (phone canvas + copyable webhook JSON).

The canvas shows the layout (``layout.py``) drawn by ``painter.py``; taps go through the Screen's
hit regions, and a tap that the business would hear about (reply button, list row + send,
"Send location") adds the customer's reply bubble and emits ``reply_webhook`` with the exact
webhook body from ``composer.webhooks.replies``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QImageWriter,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from composer.messages import ListMessage, LocationRequest, Message, ReplyButtons
from composer.validation.check import Issue
from composer.webhooks.replies import (
    WebhookContext,
    button_reply_webhook,
    list_reply_webhook,
    location_reply_webhook,
)
from ui.preview.canvas import PhoneCanvas
from ui.preview.chat_base import SAMPLE_LOCATION
from ui.preview.export import render_image
from ui.preview.fonts import ensure_emoji_font
from ui.preview.layout import ChatState, Layouter, ProductPreview, Reply, Screen, ShapeItem
from ui.preview.media import MediaStore
from ui.preview.themes import Theme, theme_for

_CLOCK: list[tuple[int, str]] = [(-1, "")]


def _clock() -> str:
    """Local "HH:MM" for the bubbles' time (formatted once a minute: strftime is not free)."""
    minute = int(time.time() // 60)
    if _CLOCK[0][0] != minute:
        _CLOCK[0] = (minute, datetime.now().strftime("%H:%M"))
    return _CLOCK[0][1]


_HINT = "Tap a button in the phone to see the webhook JSON your business would receive."


class PhoneView(QWidget):
    """The preview widget D mounts in the main window (CONTRACTS.md, section E)."""

    reply_webhook = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.has_colour_emoji = ensure_emoji_font()
        self._layouter = Layouter()
        self._media = MediaStore(self)
        self._media.changed.connect(self._relayout)
        self._theme: Theme = theme_for("android", False)
        self._msg: Message | None = None
        self._state = ChatState()
        self._products: dict[str, ProductPreview] = {}
        self.last_webhook: dict[str, Any] | None = None
        self._webhook_context = WebhookContext()

        self.canvas = PhoneCanvas(self)
        self.canvas.action.connect(self._on_action)
        self.json_view = QPlainTextEdit(self)
        self.json_view.setReadOnly(True)
        self.json_view.setObjectName("webhookJson")
        self.json_view.setPlaceholderText(
            "Tap a reply button, send a list row or share a location in the preview to see the "
            "webhook JSON your business endpoint would receive."
        )
        self.json_view.setMaximumHeight(160)
        self.json_view.setVisible(False)  # shown with the first webhook: the phone gets the room
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setToolTip("Copy the webhook JSON")
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy_webhook)
        head = QHBoxLayout()
        self.json_label = QLabel(_HINT, self)
        self.json_label.setWordWrap(True)
        head.addWidget(self.json_label, 1)
        head.addWidget(self.copy_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.canvas, 1)
        box.addLayout(head)
        box.addWidget(self.json_view)
        self._relayout()

    # --- public API -----------------------------------------------------------------------------

    def set_message(self, msg: Message | None, issues: Sequence[Issue] = ()) -> None:
        """Show ``msg`` (None: an empty chat). Only the parts that changed are laid out again."""
        previous = self._msg
        self._msg = msg
        errors = sum(1 for i in issues if i.is_error)
        state = replace(self._state, error_count=errors, time_text=_clock())
        if msg is None or previous is None or type(msg.content) is not type(previous.content):
            state = replace(state, replies=(), sheet="", selected=None)
            self.canvas.from_bottom = 0.0
        elif state.selected is not None and not self._row_exists(msg, *state.selected):
            state = replace(state, selected=None)
        self._state = state
        self._relayout()

    def set_appearance(self, platform: str, dark: bool) -> None:
        self._theme = theme_for(platform, dark)
        self._relayout()

    def set_business_name(self, name: str) -> None:
        self._state = replace(self._state, business_name=name)
        self._relayout()

    @property
    def preview_data(self) -> dict[str, ProductPreview]:
        """Product name/price/image per retailer id, as the user typed them."""
        return dict(self._products)

    def set_preview_data(self, products: Mapping[str, ProductPreview]) -> None:
        self._products = dict(products)
        self._relayout()

    def set_product_preview(
        self, retailer_id: str, name: str = "", price: str = "", image: str = ""
    ) -> None:
        self._products[retailer_id] = ProductPreview(name, price, image)
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
        self.canvas.painter.outside = None
        image = render_image(
            self.canvas.painter,
            self.preview_screen(),
            self._media.images,
            scale,
            self.canvas.chat_scroll,
            self.canvas.sheet_scroll,
        )
        writer = QImageWriter(str(path), QByteArray(b"png"))
        return bool(writer.write(image))

    def preview_screen(self) -> Screen:
        """The current layout (plain data): for tests and tools."""
        assert self.canvas.laid_out is not None
        return self.canvas.laid_out

    def state(self) -> ChatState:
        return self._state

    def tap(self, action: tuple[Any, ...]) -> None:
        """Perform a layout action as if tapped (the canvas calls this for real clicks)."""
        self._on_action(action)

    def copy_webhook(self) -> None:
        QGuiApplication.clipboard().setText(self.json_view.toPlainText())

    def close_media(self) -> None:
        self._media.close()

    # --- internals ------------------------------------------------------------------------------

    def _relayout(self) -> None:
        screen = self._layouter.layout(
            self._msg, self._theme, self._state, self._products, self._media.sizes()
        )
        loaded = [
            self._media.request(item.name)
            for item in screen.all_items()
            if isinstance(item, ShapeItem)
            and item.kind == "image"
            and item.name
            and item.flags[:1] != ("video",)  # a video link is not a picture
        ]
        if any(loaded):  # local files load at once: lay out with their real size
            screen = self._layouter.layout(
                self._msg, self._theme, self._state, self._products, self._media.sizes()
            )
        old = self.canvas.laid_out
        self.canvas.laid_out = screen
        self.canvas.images = self._media.images
        if old is None or (old.width, old.height) != (screen.width, screen.height):
            self.canvas.updateGeometry()
        self.canvas.sheet_scroll = min(self.canvas.sheet_scroll, screen.max_sheet_scroll())
        self.canvas.from_bottom = min(self.canvas.from_bottom, screen.max_chat_scroll())
        self.canvas.update()

    @staticmethod
    def _row_exists(msg: Message, section: int, row: int) -> bool:
        c = msg.content
        return (
            isinstance(c, ListMessage)
            and 0 <= section < len(c.sections)
            and 0 <= row < len(c.sections[section].rows)
        )

    def _on_action(self, action: tuple[Any, ...]) -> None:
        msg = self._msg
        if msg is None or not action:
            return
        name = action[0]
        c = msg.content
        state = self._state
        if name == "button" and isinstance(c, ReplyButtons):
            body = button_reply_webhook(msg, action[1], context=self._webhook_context)
            title = c.buttons[action[1]].title
            state = replace(state, replies=(*state.replies, Reply("text", title)))
            self._publish(state, body)
        elif name == "open_list":
            self._set_state(replace(state, sheet="list", selected=None))
            self.canvas.sheet_scroll = 0.0
        elif name == "open_products":
            self._set_state(replace(state, sheet="products"))
            self.canvas.sheet_scroll = 0.0
        elif name == "close_sheet":
            self._set_state(replace(state, sheet="", selected=None))
        elif name == "row":
            self._set_state(replace(state, selected=(action[1], action[2])))
        elif name == "send_list" and isinstance(c, ListMessage) and state.selected is not None:
            s, r = state.selected
            row = c.sections[s].rows[r]
            body = list_reply_webhook(msg, s, r, context=self._webhook_context)
            reply = Reply("list", row.title, row.description or "")
            self._publish(
                replace(state, sheet="", selected=None, replies=(*state.replies, reply)), body
            )
        elif name == "send_location" and isinstance(c, LocationRequest):
            lat, lon = SAMPLE_LOCATION
            body = location_reply_webhook(msg, lat, lon, context=self._webhook_context)
            reply = Reply("location", f"📍 {lat}, {lon}")
            self._publish(replace(state, replies=(*state.replies, reply)), body)

    def _set_state(self, state: ChatState) -> None:
        self._state = state
        self._relayout()

    def _publish(self, state: ChatState, body: dict[str, Any]) -> None:
        self.canvas.from_bottom = 0.0
        self._set_state(state)
        self.last_webhook = body
        self.json_view.setPlainText(json.dumps(body, indent=2, ensure_ascii=False))
        self.json_view.setVisible(True)
        self.json_label.setText("Webhook the business receives")
        self.copy_button.setEnabled(True)
        self.reply_webhook.emit(body)
