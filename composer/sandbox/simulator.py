"""The Cloud API simulator: the app's default backend when no account is set.

It answers the same endpoints as Graph (``POST /{v}/{pnid}/messages``,
``POST /{v}/{pnid}/media``, ``GET /{v}/{pnid}``, the WABA's ``message_templates`` and
``product_catalogs`` and the demo catalog's ``products``; the version segment is optional) with
the same JSON, runs the app's own validation (``composer.validation.check.validate_payload``)
and applies the runtime rules the real API applies: the 24-hour window, the number's throughput
and the pair rate, numbers not on WhatsApp, reactions to unknown messages. It is transport-free: the
in-process ``SandboxTransport`` and the loopback server both call ``Sandbox.handle``.

Decisions worth knowing:
* Any bearer token is accepted, but the ``Authorization`` header is required (190 without it).
* Demo contacts have scripted last-inbound times (``contacts.py``). Any other number is treated
  as on WhatsApp with a window that opens at the first message sent to it, as if the customer
  had just written; ``customer_writes()`` refreshes a window on demand.
* A closed window answers 131047 synchronously by default; ``window_errors="async"`` accepts
  the message and reports the 131047 in a failed status webhook instead (Meta does both).
* A reaction must target a wamid this sandbox sent to the same user, not itself a reaction and
  at most 30 days old, otherwise it is refused at once with 131009 (Meta accepts it and reports
  131009 later in a webhook; failing at once is clearer in a demo).
  Reactions only get a ``sent`` status, as on the real API.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Literal

from composer import demo_contacts as contacts
from composer import limits
from composer.clock import utc_now
from composer.codec.strict_json import JsonRefused, loads_strict
from composer.sandbox.catalog import DemoCatalog
from composer.sandbox.expiring import ExpiringIds
from composer.sandbox.media import parse_upload
from composer.sandbox.meta_errors import (
    AUTHENTICATION_TO_BSUID,
    ErrorReply,
    IssueLike,
    error_for_issue,
    graph_error,
)
from composer.sandbox.rates import RateLimiter, RateRules
from composer.sandbox.read_marks import answer_read_mark, is_read_mark
from composer.sandbox.status_feed import StatusFeed, StatusScheduler
from composer.sandbox.statuses import StatusDelays, StatusListener, inbound_text_webhook
from composer.sandbox.template_desk import TemplateDesk
from composer.sandbox.wire import SandboxRequest, SandboxResponse, new_wamid, reply_for
from composer.user_ids import addressee, is_bsuid
from composer.validation.check import validate_payload

if TYPE_CHECKING:
    from composer.storage.history import Store


Validator = Callable[[object], Sequence[IssueLike]]


@dataclass
class _Sent:
    wa_id: str
    at: datetime
    type: str
    callback: str | None = None


class Sandbox:
    """A stateful, thread-safe Cloud API stand-in. ``close()`` stops its status webhooks."""

    def __init__(
        self,
        clock: Callable[[], datetime] = utc_now,
        *,
        rates: RateRules | None = None,
        delays: StatusDelays | None = None,
        window_errors: Literal["sync", "async"] = "sync",
        validator: Validator | None = None,
        phone_number_id: str = contacts.SANDBOX_PHONE_NUMBER_ID,
        scheduler: StatusScheduler | None = None,
        catalog_access: bool = True,
    ) -> None:
        self.clock = clock
        self.phone_number_id = phone_number_id
        self.delays = delays or StatusDelays()
        self.window_errors = window_errors
        self._validate: Validator = validator if validator is not None else validate_payload
        self._rates = RateLimiter(rates or RateRules())
        self._lock = threading.RLock()
        self._feed = StatusFeed(clock, self.delays, scheduler)  # None: a real timer thread
        self.templates = TemplateDesk(self._feed, clock)
        self.catalog = DemoCatalog(readable=catalog_access)  # False: catalog_management refused
        self._sent: ExpiringIds[_Sent] = ExpiringIds()
        self._media: ExpiringIds[tuple[str, int]] = ExpiringIds()
        self._media_ids = itertools.count(1037543291543636)
        start = clock()
        self._inbound: dict[str, datetime] = {
            c.wa_id: start - c.last_inbound_ago
            for c in contacts.DEMO_CONTACTS
            if c.last_inbound_ago is not None
        }
        self._not_on_whatsapp = {c.wa_id for c in contacts.DEMO_CONTACTS if not c.on_whatsapp}

    # --- what the app reads --------------------------------------------------------------------
    def last_inbound(self, number: str) -> datetime | None:
        """When the customer (a number or a BSUID) last wrote, as the sandbox believes (None:
        not yet known)."""
        who = contacts.identity_of(number)
        with self._lock:
            return self._inbound.get(who.wa_id or who.user_id)

    def customer_writes(
        self, number: str, at: datetime | None = None, text: str | None = None
    ) -> dict[str, Any] | None:
        """Simulate an inbound message: opens or refreshes the customer's 24-hour window.

        With ``text``, listeners also get the inbound-message webhook Meta would send (from the
        timer thread, like status webhooks); the body is returned.
        """
        who = contacts.identity_of(number)
        key = who.wa_id or who.user_id
        when = at or self.clock()
        with self._lock:
            self._inbound[key] = max(when, self._inbound.get(key, when))
        if text is None:
            return None
        body = inbound_text_webhook(wamid=new_wamid(key), customer=who, text=text, at=when)
        self._feed.deliver_soon(body)
        return body

    def seed_store(self, store: Store) -> None:
        """Record the demo contacts' last-inbound times in the app's store (source "sandbox"),
        and link each demo number to its BSUID, so the window is found under either."""
        with self._lock:
            known = dict(self._inbound)
        for key, at in known.items():
            store.set_last_inbound(key, at, "sandbox")
        for contact in contacts.DEMO_CONTACTS:
            store.link_user_id(contact.user_id, contact.wa_id)

    def sent_message(self, wamid: str) -> bool:
        with self._lock:
            self._sent.prune(self.clock())
            return wamid in self._sent

    def media(self, media_id: str) -> tuple[str, int] | None:
        """(MIME type, size) of an uploaded media id."""
        with self._lock:
            self._media.prune(self.clock())
            return self._media.get(media_id)

    # --- templates (the demo triggers; see composer.sandbox.template_desk) ----------------------
    def set_template_status(self, name: str, status: str, language: str | None = None) -> int:
        """Pause, disable, approve... a demo template (every language unless one is given) and
        emit ``message_template_status_update``; returns how many languages changed."""
        return self.templates.set_status(name, language, status)

    def set_template_quality(self, name: str, quality: str, language: str | None = None) -> int:
        """Set GREEN/YELLOW/RED/UNKNOWN and emit ``message_template_quality_update``."""
        return self.templates.set_quality(name, language, quality)

    def set_marketing_preference(self, number: str, value: str) -> None:
        """The customer sends "stop" or "resume" for marketing: a ``user_preferences`` webhook;
        after "stop" a marketing template to them fails with 131050 (a failed status)."""
        self.templates.set_marketing(number, value)

    # --- status webhooks -----------------------------------------------------------------------
    def add_status_listener(self, listener: StatusListener) -> None:
        """Call ``listener(webhook_body)`` from the timer thread for every status webhook."""
        self._feed.add_listener(listener)

    def remove_status_listener(self, listener: StatusListener) -> None:
        self._feed.remove_listener(listener)

    def close(self) -> None:
        """Cancel pending status webhooks; safe to call twice."""
        self._feed.close()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- HTTP ------------------------------------------------------------------------------------
    def handle(self, request: SandboxRequest) -> SandboxResponse:
        """Answer one request exactly as the Graph API would."""
        auth = request.headers.get("authorization", "")
        scheme, _, token = auth.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return reply_for(
                graph_error(
                    190,
                    status=401,
                    message="Invalid OAuth access token - Cannot parse access token",
                )
            )
        parts = [p for p in request.path.split("/") if p]
        if parts and parts[0].startswith("v") and parts[0][1:].replace(".", "").isdigit():
            parts = parts[1:]
        method = request.method.upper()
        if method == "POST" and len(parts) == 2 and parts[0] == "sandbox":
            return self.templates.control(parts[1], request.body)
        if method == "GET" and parts == [contacts.SANDBOX_WABA_ID, "message_templates"]:
            return self.templates.list_templates(request)
        if method == "GET" and self.catalog.serves(parts):
            return self.catalog.answer(parts, request)
        if parts and parts[0] == self.phone_number_id:
            if method == "POST" and parts[1:] == ["messages"]:
                return self._send(request.body)
            if method == "POST" and parts[1:] == ["media"]:
                return self._upload(request)
            if method == "GET" and len(parts) == 1:
                return self._info(request.query)
        target = parts[0] if parts else ""
        return reply_for(
            graph_error(
                100,
                None,
                message=f"Unsupported {method.lower()} request. Object with ID '{target}' does "
                "not exist, cannot be loaded due to missing permissions, or does not support "
                "this operation.",
                error_type="GraphMethodException",
                subcode=33,
            )
        )

    def _info(self, query: Mapping[str, str]) -> SandboxResponse:
        info = {
            "verified_name": contacts.SANDBOX_VERIFIED_NAME,
            "display_phone_number": contacts.SANDBOX_DISPLAY_PHONE_NUMBER,
            "quality_rating": contacts.SANDBOX_QUALITY_RATING,
            "throughput": {"level": "STANDARD"},
        }
        wanted = [f.strip() for f in query.get("fields", "").split(",") if f.strip()]
        if wanted:
            info = {k: v for k, v in info.items() if k in wanted}
        else:
            info.pop("throughput")
        return SandboxResponse(200, {**info, "id": self.phone_number_id})

    def _upload(self, request: SandboxRequest) -> SandboxResponse:
        result = parse_upload(request.headers.get("content-type", ""), request.body)
        if isinstance(result, ErrorReply):
            return reply_for(result)
        mime, size = result
        with self._lock:
            media_id = str(next(self._media_ids))
            self._media.put(media_id, (mime, size), self.clock())
        return SandboxResponse(200, {"id": media_id})

    def _reaction_problem(self, reaction: object, wa_id: str, now: datetime) -> str | None:
        """Why a reaction cannot be delivered (spec 5), or None. Called under the lock."""
        target = reaction.get("message_id") if isinstance(reaction, dict) else None
        sent = self._sent.get(target) if isinstance(target, str) else None
        if sent is None or sent.wa_id != wa_id:
            return "the reaction target is not a message in this chat (not sent by this number)."
        if sent.type == "reaction":
            return "the reaction target is itself a reaction."
        if now - sent.at > timedelta(seconds=limits.REACTION_MAX_AGE_SECONDS):
            days = limits.REACTION_MAX_AGE_SECONDS // 86400
            return f"the reaction target is more than {days} days old."
        return None

    def _send(self, raw: bytes) -> SandboxResponse:
        try:  # the same rule as validate and send, so their verdicts on shape agree
            payload = loads_strict(raw)
        except JsonRefused as exc:
            return reply_for(graph_error(100, f"The request body is not valid JSON: {exc.reason}."))
        if is_read_mark(payload):  # mark as read / typing indicator: a status, not a message
            return answer_read_mark(payload)
        blocking = [i for i in self._validate(payload) if i.is_error]
        is_template = isinstance(payload, dict) and payload.get("type") == "template"
        refusal = self.templates.refuse(payload, blocking) if is_template else None
        if refusal is not None:
            return reply_for(refusal)
        if blocking:
            return reply_for(error_for_issue(blocking[0], payload))
        if not isinstance(payload, dict) or not addressee(payload):
            return reply_for(graph_error(131008, "The parameter to is required."))
        return self._accept(payload, addressee(payload))

    def _accept(self, payload: dict[str, Any], to: str) -> SandboxResponse:
        """The runtime rules of a valid send (rates, WhatsApp, window, reactions), then the
        statuses. An unknown BSUID is like an unknown number: on WhatsApp, window open."""
        who = contacts.identity_of(to)
        key = who.wa_id or who.user_id
        kind = str(payload.get("type", "text"))
        now = self.clock()
        category = self.templates.category(payload) if kind == "template" else None
        if category == "AUTHENTICATION" and is_bsuid(to):
            return reply_for(graph_error(131009, AUTHENTICATION_TO_BSUID))
        with self._lock:
            refused = self._rates.check(key, now.timestamp())
            if refused is not None:
                return reply_for(graph_error(refused))
            if key in self._not_on_whatsapp or not key:
                return reply_for(graph_error(131026))
            last = self._inbound.setdefault(key, now)
            closed = kind != "template" and now - last >= timedelta(
                seconds=limits.SERVICE_WINDOW_SECONDS
            )
            if closed and self.window_errors == "sync":
                return reply_for(graph_error(131047))
            if kind == "reaction":
                problem = self._reaction_problem(payload.get("reaction"), key, now)
                if problem is not None:
                    return reply_for(
                        graph_error(131009, f"Param reaction['message_id'] is not valid: {problem}")
                    )
            fail = 131047 if closed else self.templates.delivery_failure(key, category)
            wamid = new_wamid(key)
            callback = payload.get("biz_opaque_callback_data")
            sent = _Sent(key, now, kind, callback if isinstance(callback, str) else None)
            self._sent.put(wamid, sent, now)
        self._feed.schedule(wamid, who, sent.callback, kind, fail, category=category)
        ids = {"user_id": to} if is_bsuid(to) else {"wa_id": key}
        return SandboxResponse(
            200,
            {
                "messaging_product": "whatsapp",
                "contacts": [{"input": to, **ids}],
                "messages": [{"id": wamid}],
            },
        )
