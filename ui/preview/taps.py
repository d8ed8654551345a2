"""What a tap in the preview did: the customer's reply and its webhook, or why there is none.

Every tap returns a ``Tapped``. A tap the business would hear about carries the webhook body
(from ``composer.webhooks.replies``) and the reply bubble; any other tap names its reason as a
``NoWebhook`` value, so a tap that silently does nothing cannot pass for one that works.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

import msgspec
from msgspec.structs import replace

from ui.preview.layout import ChatState, Reply

Action = tuple[Any, ...]


class NoWebhook(StrEnum):
    """Why a tap sends the business nothing (shown to tests and tools, not to the user)."""

    NO_MESSAGE = "there is no message in the preview to tap"
    UNKNOWN_ACTION = "this message has no such tap"
    OPENS_SHEET = "opens a sheet in the phone: nothing is sent until the customer sends"
    CLOSES_SHEET = "closes the sheet: nothing is sent"
    INSIDE_SHEET = "a tap on the sheet itself does nothing"
    SELECTS_ROW = "selects a row: nothing is sent until the customer presses send"
    NOTHING_SELECTED = "no row is selected: there is nothing to send"
    OPENS_LINK = "opens the link in the browser: WhatsApp sends the business no webhook"
    OPENS_PRODUCT = "opens the product page in WhatsApp: the business receives no webhook"
    OPENS_CATALOG = "opens the catalog in WhatsApp: a webhook comes only with an order"
    SCROLLS_CARDS = "shows other cards of the carousel: nothing is sent"
    OPENS_FLOW = "opens the Flow: its nfm_reply webhook is sent when the customer submits it"
    TEMPLATE_FLOW_NOT_SIMULATED = "opens the template's Flow: its nfm_reply is not simulated yet"
    OPENS_ADDRESS_FORM = "opens the address form: its nfm_reply is sent when the customer submits"
    STARTS_WHATSAPP_CALL = (
        "starts a WhatsApp call to the business: call webhooks come from the Calling API, "
        "not as a message"
    )
    CALLS_NUMBER = "starts a phone call: WhatsApp sends the business no webhook"
    COPIES_CODE = "copies the code to the customer's clipboard: no webhook is sent"
    SHOWS_ALL_OPTIONS = "lists every button of the template in the phone: nothing is sent yet"


class ReplyForm(msgspec.Struct, frozen=True):
    """A small form the customer fills before the reply goes out (WhatsApp's address form, a
    Flow's last screen). Submitting it is the tap ``(submit, values, preset_id)`` for fields,
    ``(submit, text)`` for a JSON box; ``check`` (from the core) vets the text first.

    ``presets`` are ready-made value sets (saved addresses) by id; the first one is chosen.
    """

    title: str
    submit: str
    fields: tuple[tuple[str, str], ...] = ()  # (key, label)
    values: Mapping[str, str] = msgspec.field(default_factory=dict)
    presets: tuple[tuple[str, Mapping[str, str]], ...] = ()
    json_text: str | None = None
    check: Callable[[str], str | None] | None = None
    note: str = ""


class Tapped(msgspec.Struct, frozen=True):
    """One tap's outcome: ``webhook`` and ``reply`` together, or ``no_webhook`` saying why not
    (with the ``form`` the tap opened, if any: its submission is a tap of its own); ``state`` is
    what the phone shows next for a tap that changes only that (a swiped carousel)."""

    webhook: dict[str, Any] | None = None
    reply: Reply | None = None
    no_webhook: NoWebhook | None = None
    state: ChatState | None = None
    form: ReplyForm | None = None

    @staticmethod
    def sent(webhook: dict[str, Any], reply: Reply) -> Tapped:
        return Tapped(webhook, reply)

    @staticmethod
    def silent(reason: NoWebhook, state: ChatState | None = None) -> Tapped:
        return Tapped(no_webhook=reason, state=state)

    @staticmethod
    def opens(form: ReplyForm, reason: NoWebhook) -> Tapped:
        return Tapped(no_webhook=reason, form=form)

    @property
    def reason(self) -> str:
        """Why there is no webhook ("" when there is one)."""
        return str(self.no_webhook or "")


def _open_list(state: ChatState, action: Action) -> ChatState:
    return replace(state, sheet="list", selected=None)


def _open_products(state: ChatState, action: Action) -> ChatState:
    return replace(state, sheet="products")


def _close(state: ChatState, action: Action) -> ChatState:
    return replace(state, sheet="", selected=None)


def _select(state: ChatState, action: Action) -> ChatState:
    return replace(state, selected=(action[1], action[2]))


def _same(state: ChatState, action: Action) -> ChatState:
    return state


# Taps that only change what the phone shows (the sheet machinery), the same for every kind.
SHEET_TAPS: dict[str, tuple[Callable[[ChatState, Action], ChatState], NoWebhook]] = {
    "open_list": (_open_list, NoWebhook.OPENS_SHEET),
    "open_products": (_open_products, NoWebhook.OPENS_SHEET),
    "close_sheet": (_close, NoWebhook.CLOSES_SHEET),
    "row": (_select, NoWebhook.SELECTS_ROW),
    "noop": (_same, NoWebhook.INSIDE_SHEET),
}
