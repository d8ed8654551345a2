"""A Flow message: its call-to-action row (the Flow itself is not simulated)."""

from __future__ import annotations

from composer.messages import Flow, Message, MessageKind
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, action_bubble, content_of, no_webhook
from ui.preview.taps import NoWebhook


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, Flow)
    action_bubble(chat, msg, c, c.flow_cta, "", ("flow",))


LAYOUT = PreviewLayout(
    MessageKind.FLOW, _bubble, taps={"flow": no_webhook(NoWebhook.FLOW_NOT_SIMULATED)}
)
