"""``Rehearsal``: one customer talking to one bot through a sandbox served on a loopback port.

The bot's Graph base URL is ``graph_url`` (any bearer token; phone number id
``phone_number_id``); its webhook is ``start(bot_webhook_url, app_secret, verify_token)``.
Customer actions become Meta-shaped webhooks delivered by a ``BotLink``; the bot's sends are
answered by the ordinary sandbox and reported, as are read marks, typing indicators and the
statuses of the bot's messages (also delivered to the bot, as Meta does). Observers are called
from the sandbox's and the delivery's threads: a window must hop to its own thread.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from composer.clock import utc_now
from composer.codec.strict_json import JsonRefused, loads_strict
from composer.rehearsal.defaults import DEFAULT_PORT, DEFAULT_VERIFY_TOKEN
from composer.rehearsal.delivery import BotLink, RetryPolicy
from composer.rehearsal.events import (
    ActionKind,
    BotMessage,
    CustomerAction,
    DeliveryAttempt,
    Handshake,
    MessageStatus,
    RehearsalEvent,
)
from composer.rehearsal.observed import ObservedSandbox
from composer.rehearsal.taps import location_reply, submit_reply, tap_reply
from composer.rehearsal.verdict import bot_message, read_mark
from composer.sandbox.read_marks import is_read_mark
from composer.sandbox.server import SandboxServer, serve
from composer.sandbox.statuses import StatusDelays
from composer.sandbox.wire import SandboxRequest, SandboxResponse, new_wamid
from composer.user_ids import recipient_key
from composer.webhooks.envelope import WebhookContext
from composer.webhooks.inbound import location_webhook, reaction_webhook, text_webhook

if TYPE_CHECKING:
    from composer.storage.history import Store

__all__ = ["DEFAULT_PORT", "DEFAULT_VERIFY_TOKEN", "Rehearsal"]

Observer = Callable[[RehearsalEvent], None]


class Rehearsal:
    def __init__(
        self,
        customer: str,
        customer_name: str | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        retry: RetryPolicy | None = None,
        delays: StatusDelays | None = None,
        clock: Callable[[], datetime] = utc_now,
        store: Store | None = None,
    ) -> None:
        self.customer, self.customer_name = customer, customer_name
        self.host, self.port = host, port
        self.retry = retry or RetryPolicy()
        self.clock = clock
        self.store = store
        self.events: queue.Queue[RehearsalEvent] = queue.Queue()
        self.sandbox = ObservedSandbox(self._on_send, clock=clock, delays=delays)
        self.sandbox.add_status_listener(self._on_status)
        self._lock = threading.RLock()
        self._arrived = threading.Condition(self._lock)
        self._transcript: list[RehearsalEvent] = []
        self._observers: list[Observer] = []
        self._customer_ids: set[str] = set()
        self._answering: str | None = None
        self._cursor = 0  # bot messages already matched by ``next_bot_message``
        self._server: SandboxServer | None = None
        self._link: BotLink | None = None

    # --- lifecycle --------------------------------------------------------------------------
    @property
    def graph_url(self) -> str:
        """The base URL to give the bot as its Graph API (after ``listen``)."""
        if self._server is None:
            raise RuntimeError("the rehearsal is not listening yet: call listen() or start()")
        return self._server.url

    @property
    def phone_number_id(self) -> str:
        return self.sandbox.phone_number_id

    def listen(self) -> str:
        """Serve the sandbox on ``host:port`` (OSError when taken); returns ``graph_url``."""
        if self._server is None:
            self._server = serve(self.host, self.port, self.sandbox)
            self.port = self._server.port
        return self._server.url

    def start(
        self, bot_webhook_url: str, app_secret: str, verify_token: str = DEFAULT_VERIFY_TOKEN
    ) -> Handshake:
        """Listen, then do Meta's verification GET against the bot's webhook; raises
        ``HandshakeError`` (nothing is delivered) when it does not echo the challenge."""
        self.listen()
        link = BotLink(bot_webhook_url, app_secret, verify_token, retry=self.retry,
                       on_attempt=self._record, clock=self.clock)  # fmt: skip
        try:
            result = link.handshake()
        except Exception as exc:
            handshake = getattr(exc, "handshake", None)
            if isinstance(handshake, Handshake):
                self._record(handshake)
            link.close()
            raise
        self._record(result)
        with self._lock:
            previous, self._link = self._link, link
        if previous is not None:
            previous.close()
        return result

    def close(self) -> None:
        """Stop delivering and serving; safe to call twice."""
        with self._lock:
            link, self._link = self._link, None
            server, self._server = self._server, None
        if link is not None:
            link.close()
        if server is not None:
            server.close()
        self.sandbox.close()

    def __enter__(self) -> Rehearsal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- observing --------------------------------------------------------------------------
    def subscribe(self, observer: Observer) -> None:
        """Call ``observer(event)`` for every event from now on (from background threads)."""
        with self._lock:
            self._observers.append(observer)

    def unsubscribe(self, observer: Observer) -> None:
        with self._lock:
            if observer in self._observers:
                self._observers.remove(observer)

    def transcript(self) -> list[RehearsalEvent]:
        """Every event so far, in order."""
        with self._lock:
            return list(self._transcript)

    def transcript_json(self) -> list[dict[str, Any]]:
        return [event.to_json() for event in self.transcript()]

    def bot_messages(self) -> list[BotMessage]:
        """What the bot sent (accepted and refused), in order."""
        return [e for e in self.transcript() if isinstance(e, BotMessage)]

    def next_bot_message(self, timeout: float) -> BotMessage | None:
        """The next bot message not yet taken, waiting up to ``timeout`` s (None: none came).
        Expectations read the bot's messages through this cursor, one each."""
        with self._arrived:
            self._arrived.wait_for(lambda: len(self._sent()) > self._cursor, timeout)
            sent = self._sent()
            if len(sent) <= self._cursor:
                return None
            self._cursor += 1
            return sent[self._cursor - 1]

    def skip_bot_messages(self) -> None:
        """Move the cursor past every bot message so far (a script does before each customer
        step: the next expectation reads what the bot sends after it)."""
        with self._lock:
            self._cursor = len(self._sent())

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every queued webhook is delivered or given up."""
        link = self._link
        return True if link is None else link.wait_idle(timeout)

    # --- the customer -----------------------------------------------------------------------
    def customer_says(self, text: str, reply_to: str | None = None) -> CustomerAction:
        """The customer types ``text`` (``reply_to``: quoting a bot message)."""
        at, ctx = self._context()
        body = text_webhook(self.customer, text, at=at, context=ctx, reply_to=reply_to)
        return self._act("text", body, at, ctx, reply_to)

    def customer_taps(self, option_id: str, message_id: str | None = None) -> CustomerAction:
        """A tap on the button / list row / quick reply ``option_id`` of the bot's latest message
        offering it (or of ``message_id``); ``TapError`` when none does."""
        at, ctx = self._context()
        body, kind, wamid = tap_reply(self.bot_messages(), self.customer, option_id, at=at,
                                      context=ctx, message_id=message_id)  # fmt: skip
        return self._act(kind, body, at, ctx, wamid)

    def customer_shares_location(
        self,
        latitude: float,
        longitude: float,
        name: str | None = None,
        address: str | None = None,
    ) -> CustomerAction:
        """A shared location: the answer to the bot's latest message when that asked for it."""
        at, ctx = self._context()
        place = (latitude, longitude, name, address)
        answer = location_reply(self.bot_messages(), self.customer, place, at=at, context=ctx)
        if answer is not None:
            return self._act("location", answer[0], at, ctx, answer[2])
        body = location_webhook(self.customer, latitude, longitude, name=name, address=address,
                                at=at, context=ctx)  # fmt: skip
        return self._act("location", body, at, ctx, None)

    def customer_reacts(self, message_id: str, emoji: str | None) -> CustomerAction:
        """A reaction to bot message ``message_id``; ``emoji`` None or "" removes it."""
        at, ctx = self._context()
        body = reaction_webhook(self.customer, message_id, emoji, at=at, context=ctx)
        return self._act("reaction", body, at, ctx, message_id)

    def customer_submits(
        self,
        response_json: str | None = None,
        values: dict[str, str] | None = None,
        message_id: str | None = None,
    ) -> CustomerAction:
        """The customer completes the latest Flow or address form (an ``nfm_reply``)."""
        at, ctx = self._context()
        body, kind, wamid = submit_reply(self.bot_messages(), self.customer, at=at, context=ctx,
                                         response_json=response_json, values=values,
                                         message_id=message_id)  # fmt: skip
        return self._act(kind, body, at, ctx, wamid)

    # --- internals --------------------------------------------------------------------------
    def _context(self) -> tuple[datetime, WebhookContext]:
        wamid = new_wamid(recipient_key(self.customer))
        return self.clock(), WebhookContext(customer_name=self.customer_name,
                                            customer_message_id=wamid)  # fmt: skip

    def _act(
        self,
        kind: ActionKind,
        body: dict[str, Any],
        at: datetime,
        ctx: WebhookContext,
        reply_to: str | None,
    ) -> CustomerAction:
        link = self._link
        if link is None:
            raise RuntimeError("the rehearsal has not started: call start() first")
        wamid = ctx.customer_message_id or ""
        action = CustomerAction(kind, wamid, body, at, reply_to)
        self.sandbox.customer_writes(self.customer, at)  # the 24-hour window moves
        if self.store is not None:
            self.store.set_last_inbound(recipient_key(self.customer), at, "sandbox")
        with self._lock:
            self._customer_ids.add(wamid)
            self._answering = wamid
        self._record(action)
        link.deliver(body, wamid, "message")
        return action

    def _sent(self) -> list[BotMessage]:
        return [e for e in self._transcript if isinstance(e, BotMessage)]

    def _on_send(self, request: SandboxRequest, answer: SandboxResponse) -> None:
        try:
            payload: object = loads_strict(request.body)
        except JsonRefused:
            payload = None
        at = self.clock()
        with self._lock:
            answering, known = self._answering, set(self._customer_ids)
        if is_read_mark(payload):
            self._record(read_mark(payload, answer, known, at))
        else:
            self._record(bot_message(payload, answer, answering, at))

    def _on_status(self, body: dict[str, Any]) -> None:
        value = body["entry"][0]["changes"][0]["value"]
        for item in value.get("statuses", []):
            self._record(MessageStatus(item["id"], item["status"], self.clock(), body))
            link = self._link
            if link is not None:
                link.deliver(body, item["id"], "status")

    def _record(self, event: RehearsalEvent | DeliveryAttempt) -> None:
        with self._arrived:
            self._transcript.append(event)
            observers = list(self._observers)
            self._arrived.notify_all()
        self.events.put(event)
        for observer in observers:
            observer(event)
