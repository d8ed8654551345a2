"""``Layouter.layout``: a message + theme + click-through state -> a ``Screen`` (plain data).

The phone chrome comes first, then the chat (each kind's bubble from ``ui.preview.kinds``), then
an open sheet. Text goes through a cached ``TextEngine`` so a keystroke re-lays-out only the
paragraph it changed; the rest is arithmetic on a few dozen items.
"""

from __future__ import annotations

from collections.abc import Mapping

from composer.messages import Message
from ui.preview.chat import build_chat
from ui.preview.chat_base import MessageLookup, TemplateLookup, no_messages, no_templates
from ui.preview.chrome import build_chrome
from ui.preview.layout import ChatState, ProductPreview, Screen
from ui.preview.sheet import build_sheet
from ui.preview.text_engine import TextEngine
from ui.preview.themes import Theme
from ui.preview.thread_chat import build_thread, thread_message


class Layouter:
    """Builds Screens; holds the text cache that makes re-layout incremental."""

    def __init__(self) -> None:
        self.text = TextEngine()

    def layout(
        self,
        msg: Message | None,
        theme: Theme,
        state: ChatState,
        products: Mapping[str, ProductPreview] | None = None,
        image_sizes: Mapping[str, tuple[int, int]] | None = None,
        templates: TemplateLookup = no_templates,
        messages: MessageLookup = no_messages,
    ) -> Screen:
        """``templates``: the definitions a template message is drawn from (the window's);
        ``messages``: the earlier messages a reply or a reaction names (the send history).
        With ``state.thread`` the chat is that whole thread and ``msg`` is not drawn."""
        screen = build_chrome(self.text, theme, state)
        products, sizes = products or {}, image_sizes or {}
        if state.thread is not None:  # rehearse: the whole thread; a sheet is its turn's
            build_thread(self.text, screen, state, products, sizes, templates, messages)
            msg = thread_message(state, state.sheet_owner)
        else:
            build_chat(self.text, screen, msg, state, products, sizes, templates, messages)
        if state.sheet and msg is not None:
            build_sheet(self.text, screen, msg, state, products)
        return screen
