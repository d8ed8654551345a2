"""A Flow message: its call-to-action row opens the Flow (here a small dialog with the
``response_json`` the flow would return, editable and checked as JSON before it is sent);
submitting sends the ``nfm_reply`` named ``flow``."""

from __future__ import annotations

from composer.messages import Flow, Message, MessageKind
from composer.webhooks.nfm import default_flow_response, flow_response_problem
from composer.webhooks.replies import WebhookContext, flow_reply_webhook
from ui.preview.chat_base import ChatBase
from ui.preview.kinds.base import PreviewLayout, action_bubble, content_of
from ui.preview.layout import ChatState, Reply
from ui.preview.taps import Action, NoWebhook, ReplyForm, Tapped

NOTE = (
    "The flow's answer as your endpoint receives it (response_json). Edit it to match what "
    "your flow's last screen returns; it must keep the flow_token."
)
SENT = "Sent"  # the nfm_reply body of every completed flow


def _bubble(chat: ChatBase, msg: Message) -> None:
    c = content_of(msg, Flow)
    action_bubble(chat, msg, c, c.flow_cta, "", ("flow",))


def _tap_open(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    c = content_of(msg, Flow)
    form = ReplyForm(
        title=c.flow_cta or "Flow",
        submit="flow_submit",
        json_text=default_flow_response(c),
        check=flow_response_problem,
        note=NOTE,
    )
    return Tapped.opens(form, NoWebhook.OPENS_FLOW)


def _tap_submit(msg: Message, action: Action, state: ChatState, ctx: WebhookContext) -> Tapped:
    content_of(msg, Flow)
    body = flow_reply_webhook(msg, action[1], context=ctx)
    return Tapped.sent(body, Reply("text", SENT))


LAYOUT = PreviewLayout(
    MessageKind.FLOW, _bubble, taps={"flow": _tap_open, "flow_submit": _tap_submit}
)
