"""Interop with pywa 4.5 (the current release): it reads every click-through webhook of the
preview and the sandbox's signed webhooks into its own types, and every kind it can send goes
through it to the sandbox over loopback and is accepted. pywa 4.5 reads ``contacts[].user_id``
and the ``contacts`` of statuses unconditionally (KeyError without them): docs/spec/bsuid.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import Any

import pytest
from pywa import WhatsApp, types
from pywa.errors import WhatsAppError
from pywa.types.templates import TemplateLanguage

from composer.demo_contacts import (
    CLOSED_CONTACT,
    DEMO_CONTACTS,
    OPEN_CONTACT,
    Identity,
    identity_of,
)
from composer.kinds import specs
from composer.samples import sample_message
from composer.sandbox import Sandbox, SandboxServer, StatusDelays, serve
from composer.sandbox.webhooks_out import WebhookPoster
from composer.webhooks import replies
from tests.integration.pywa_harness import SECRET, PywaInbox, pywa_client
from tests.integration.pywa_taps import PYWA_HAS_NO_TYPE, TAPS

Client = Callable[[str], tuple[WhatsApp, Any]]

UNKNOWN_BSUID = "GB.40412345678901234567"
"""A username user the app has never seen: only the BSUID, no phone number."""
RECIPIENTS = (OPEN_CONTACT.number, OPEN_CONTACT.user_id, UNKNOWN_BSUID)
FAST = StatusDelays(sent=0.02, delivered=0.05, read=0.08)


# --- the click-through webhooks of the preview ---------------------------------------------------


def _builders() -> list[tuple[str, str]]:
    return [
        (str(spec.kind), name)
        for spec in specs()
        if isinstance(spec.replies, tuple)
        for name in spec.replies
    ]


def test_every_reply_builder_has_a_pywa_case() -> None:
    names = {name for _, name in _builders()}
    assert names and names <= set(TAPS), f"no pywa case for {sorted(names - set(TAPS))}"
    assert set(PYWA_HAS_NO_TYPE) <= names  # an entry there names a real builder


@pytest.mark.parametrize("to", RECIPIENTS)
@pytest.mark.parametrize(("kind", "builder"), _builders())
def test_pywa_reads_every_click_through(kind: str, builder: str, to: str) -> None:
    inbox = PywaInbox()
    msg = sample_message(kind, to=to)
    who = identity_of(to)
    taps = TAPS[builder](msg)
    assert taps
    for body, check in taps:
        if builder in PYWA_HAS_NO_TYPE:
            raw = inbox.parse_raw(body)
            check(raw)
            value = raw.value
            user = types.User.from_contact(value["contacts"][0], client=inbox.wa)
            reply_to = types.ReplyToMessage.from_dict(value["messages"][0]["context"])
        else:
            update = inbox.parse(body)
            check(update)
            user, reply_to = update.from_user, update.reply_to_message
        _same_user(user, who)
        assert reply_to is not None
        assert reply_to.id == replies.DEFAULT_CONTEXT.business_message_id


def _same_user(user: Any, who: Identity) -> None:
    assert (user.bsuid, user.wa_id, user.name) == (who.user_id, who.wa_id, who.name)


# --- the sandbox's signed webhooks, over loopback ------------------------------------------------


@pytest.fixture
def inbox() -> PywaInbox:
    return PywaInbox()


@pytest.fixture
def client() -> Iterator[Client]:
    """``client(url)``: a pywa client sending to that sandbox, closed after the test."""
    with ExitStack() as stack:
        yield lambda url: stack.enter_context(pywa_client(url))


@pytest.fixture
def sandbox_to_pywa(inbox: PywaInbox) -> Iterator[SandboxServer]:
    """A loopback sandbox whose signed webhooks are POSTed to pywa's custom-server handler."""
    with inbox.serve() as url, serve(sandbox=Sandbox(delays=FAST)) as server:
        poster = WebhookPoster(url, SECRET)
        server.sandbox.add_status_listener(poster)
        yield server
        poster.close()


@pytest.mark.parametrize("to", RECIPIENTS)
def test_pywa_reads_the_sandbox_status_webhooks(
    sandbox_to_pywa: SandboxServer, inbox: PywaInbox, client: Client, to: str
) -> None:
    wa, _ = client(sandbox_to_pywa.url)
    sent = wa.send_message(to=to, text="Your table is ready.")
    assert sent.id.startswith("wamid.") and sent.to == to.lstrip("+")
    statuses = inbox.wait_for(3)
    assert [(s.id, str(s.status)) for s in statuses] == [
        (sent.id, "sent"), (sent.id, "delivered"), (sent.id, "read"),
    ]  # fmt: skip
    for status in statuses:
        assert isinstance(status, types.MessageStatus) and status.error is None
        _same_user(status.from_user, identity_of(to))


def test_pywa_reads_a_failed_status_inbound_text_and_marketing_stop(
    inbox: PywaInbox, client: Client
) -> None:
    with (
        inbox.serve() as url,
        serve(sandbox=Sandbox(delays=FAST, window_errors="async")) as server,
    ):
        poster = WebhookPoster(url, SECRET)
        server.sandbox.add_status_listener(poster)
        wa, _ = client(server.url)
        sent = wa.send_message(to=CLOSED_CONTACT.user_id, text="Still there?")
        (failed,) = inbox.wait_for(1)
        server.sandbox.customer_writes(CLOSED_CONTACT.number, text="Yes!")
        server.sandbox.set_marketing_preference(OPEN_CONTACT.user_id, "stop")
        updates = inbox.wait_for(3)
        poster.close()
    assert isinstance(failed, types.MessageStatus) and failed.id == sent.id
    assert str(failed.status) == "failed" and failed.error is not None
    assert failed.error.code == 131047
    _same_user(failed.from_user, identity_of(CLOSED_CONTACT.number))
    text, stop = updates[1:]
    assert isinstance(text, types.Message) and text.text == "Yes!"
    _same_user(text.from_user, identity_of(CLOSED_CONTACT.number))
    assert isinstance(stop, types.UserMarketingPreferences) and not stop
    _same_user(stop.from_user, identity_of(OPEN_CONTACT.number))


# --- every kind pywa can send, through pywa to the sandbox ---------------------------------------

Send = Callable[[WhatsApp, str], Any]
CATALOG = "194836987003835"


def _reaction(wa: WhatsApp, to: str) -> Any:
    target = wa.send_message(to=to, text="Order #4471 is on its way.")
    return wa.send_reaction(to=to, emoji="👍", message_id=target.id)


def _carousel(wa: WhatsApp, to: str) -> Any:
    cards = [
        types.ImageCarouselCard(
            image=f"https://example.com/room-{n}.jpg",
            body=f"Room {n}: sea view",
            buttons=[types.Button(title="Book", callback_data=f"book-{n}")],
        )
        for n in (1, 2)
    ]
    return wa.send_carousel(to=to, body="Rooms for your dates", cards=cards)


def _template(wa: WhatsApp, to: str) -> Any:
    body = {"type": "body", "parameters": [
        {"type": "text", "text": "Ana"}, {"type": "text", "text": "Tuesday 3 March at 10:30"},
    ]}  # fmt: skip
    return wa.send_template(
        to=to, name="appointment_reminder", language=TemplateLanguage.ENGLISH_US, params=[body]
    )


def _flow(token: str | None) -> Send:
    button = types.FlowButton(title="Book a table", flow_id="1234567890123456", flow_token=token)
    return lambda wa, to: wa.send_message(to=to, text="Book in two taps", buttons=button)


SENDS: dict[str, Send] = {
    "text": lambda wa, to: wa.send_message(to=to, text="Hello from pywa"),
    "button": lambda wa, to: wa.send_message(
        to=to,
        text="Keep your appointment?",
        header="Reminder",
        footer="Reply below",
        buttons=[types.Button("Keep it", "keep"), types.Button("Reschedule", "move")],
    ),
    "list": lambda wa, to: wa.send_message(
        to=to,
        text="Which shipping option?",
        buttons=types.SectionList(
            "Options",
            sections=[
                types.Section(
                    "Today",
                    rows=[
                        types.SectionRow("Express", "ship_express", "Next day"),
                        types.SectionRow("Pickup", "ship_pickup"),
                    ],
                )
            ],
        ),
    ),
    "cta_url": lambda wa, to: wa.send_message(
        to=to, text="Track your order", buttons=types.URLButton("Track", "https://example.com/t")
    ),
    "flow": _flow("booking-7f3c2a91"),
    "call_permission_request": lambda wa, to: wa.send_message(
        to=to, text="May we call you about your order?", buttons=types.CallPermissionRequestButton()
    ),
    "location_request_message": lambda wa, to: wa.request_location(to=to, text="Where are you?"),
    "catalog_message": lambda wa, to: wa.send_catalog(to=to, body="Our spring collection"),
    "product": lambda wa, to: wa.send_product(to=to, catalog_id=CATALOG, sku="sku-001"),
    "product_list": lambda wa, to: wa.send_products(
        to=to,
        catalog_id=CATALOG,
        title="Picks",
        body="Chosen for you",
        product_sections=[types.ProductsSection("Shoes", ["sku-001", "sku-002"])],
    ),
    "reaction": _reaction,
    "carousel": _carousel,
    "template": _template,
    "voice_call": lambda wa, to: wa.send_message(
        to=to,
        text="Questions about your order? Call us on WhatsApp.",
        footer="Support 9:00-18:00",
        buttons=types.VoiceCallButton(title="Call support", ttl_minutes=1440),
    ),
}
PYWA_CANNOT_SEND = {"address_message": "pywa 4.5 has no address-message sender"}


def test_every_kind_the_core_knows_is_sent_through_pywa_or_said_why() -> None:
    kinds = {str(spec.kind) for spec in specs()}
    assert kinds - set(PYWA_CANNOT_SEND) <= set(SENDS), sorted(kinds - set(SENDS))
    assert set(PYWA_CANNOT_SEND) <= kinds  # an entry here names a real kind


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    """A fresh sandbox per test: one shared by every send would hit its pair rate (131056)."""
    with serve(sandbox=Sandbox(delays=StatusDelays(None, None, None))) as server:
        yield server


@pytest.mark.parametrize("to", RECIPIENTS)
@pytest.mark.parametrize("kind", sorted(SENDS))
def test_pywa_sends_every_kind_to_the_sandbox(
    sandbox: SandboxServer, client: Client, kind: str, to: str
) -> None:
    wa, transport = client(sandbox.url)
    sent = SENDS[kind](wa, to)
    assert sent.id.startswith("wamid.")
    request = transport.requests[-1]
    assert request.url.host == "127.0.0.1" and request.url.path.endswith("/messages")
    body = _json(request)
    by_user_id = to.startswith(("US.", "GB."))
    assert (body.get("recipient"), body.get("to")) == ((to, None) if by_user_id else (None, to))
    wanted = "interactive" if kind not in ("text", "reaction", "template") else kind
    assert body["type"] == wanted
    if wanted == "interactive":
        assert body["interactive"]["type"] == kind


def test_pywa_flow_button_without_a_token_gets_meta_s_type_error(
    sandbox: SandboxServer, client: Client
) -> None:
    wa, transport = client(sandbox.url)
    with pytest.raises(WhatsAppError) as caught:
        _flow(None)(wa, OPEN_CONTACT.number)
    parameters = _json(transport.requests[-1])["interactive"]["action"]["parameters"]
    assert "flow_token" in parameters and parameters["flow_token"] is None
    assert caught.value.code == 100
    assert caught.value.details == (
        "Param interactive['action']['parameters']['flow_token'] must be a string"
    )


def test_an_authentication_template_cannot_go_to_a_bsuid(
    sandbox: SandboxServer, client: Client
) -> None:
    wa, _ = client(sandbox.url)
    code = {"type": "body", "parameters": [{"type": "text", "text": "482913"}]}
    button = {"type": "button", "sub_type": "url", "index": "0",
              "parameters": [{"type": "text", "text": "482913"}]}  # fmt: skip
    args = {"name": "login_code", "language": TemplateLanguage.ENGLISH_US, "params": [code, button]}
    assert wa.send_template(to=OPEN_CONTACT.number, **args).id.startswith("wamid.")
    with pytest.raises(WhatsAppError) as caught:
        wa.send_template(to=OPEN_CONTACT.user_id, **args)
    assert caught.value.code == 131009
    assert "business-scoped user ID" in str(caught.value.details)


def _json(request: Any) -> dict[str, Any]:
    import json

    data: dict[str, Any] = json.loads(request.content)
    return data


assert DEMO_CONTACTS[0] is OPEN_CONTACT  # the recipients above are the sandbox's open window
