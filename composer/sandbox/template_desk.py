"""Everything the sandbox does with templates: the WABA's ``message_templates`` edge, the check
of a template send against the library (Meta's codes), the customers who stopped marketing, and
the demo triggers (Python methods, and ``POST /sandbox/...`` for ``wa-composer sandbox
template-status``) that change a template and emit the webhooks Meta would send.

The trigger endpoint is the sandbox's own (Graph has nothing like it); it needs the bearer
header like every other endpoint:

* ``POST /sandbox/template_status``  ``{"name", "language"?, "status"}``
* ``POST /sandbox/template_quality`` ``{"name", "language"?, "quality"}``
* ``POST /sandbox/marketing``        ``{"number", "value": "stop" | "resume"}``
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Final

from composer import demo_contacts as contacts
from composer.codec.strict_json import JsonRefused, loads_strict
from composer.sandbox import template_webhooks as hooks
from composer.sandbox.meta_errors import ErrorReply, IssueLike, graph_error
from composer.sandbox.status_feed import StatusFeed
from composer.sandbox.templates import TemplateBook, template_error
from composer.sandbox.wire import SandboxRequest, SandboxResponse, reply_for
from composer.templates.checks import META_CODES, check_against
from composer.user_ids import recipient_key

__all__ = ["QUALITY_SCORES", "TemplateDesk"]

QUALITY_SCORES: Final = ("GREEN", "YELLOW", "RED", "UNKNOWN")
PREFERENCES: Final = ("stop", "resume")
STOPPED_MARKETING_CODE: Final = 131050


class TemplateDesk:
    """One sandbox's templates and marketing preferences; webhooks go out through its feed."""

    def __init__(
        self, feed: StatusFeed, clock: Callable[[], datetime], book: TemplateBook | None = None
    ) -> None:
        self.book = book if book is not None else TemplateBook()
        self._feed = feed
        self._clock = clock
        self._lock = threading.Lock()
        self._stopped: dict[str, datetime] = {}

    # --- Graph ---------------------------------------------------------------------------------
    def list_templates(self, request: SandboxRequest) -> SandboxResponse:
        host = request.headers.get("host", "localhost")
        status, body = self.book.page(request.query, host, request.path)
        return SandboxResponse(status, body)

    def refuse(self, payload: object, blocking: Sequence[IssueLike]) -> ErrorReply | None:
        """Meta's answer to a template send that breaks a rule: the definition first (name,
        language, status, then the parameters), then the structural rules (132018 for a
        variable's whitespace); None when nothing of the template's is wrong."""
        from composer.codec.errors import PayloadError
        from composer.messages import TemplateMessage
        from composer.payload.reader import from_payload
        from composer.rules.base import Out

        library = self.book.library()
        try:
            content = from_payload(payload).content
        except PayloadError:
            content = None
        if isinstance(content, TemplateMessage):
            out = Out()
            check_against(content, library, out)
            first = next((i for i in out.issues if i.is_error and i.rule in META_CODES), None)
            if first is not None:
                return template_error(first, payload, library)
        if blocking and blocking[0].rule in META_CODES:
            return template_error(blocking[0], payload, library)
        return None

    def category(self, payload: dict[str, Any]) -> str | None:
        """The sent template's category (UTILITY, MARKETING, ...), when the library has it."""
        template = payload.get("template")
        if not isinstance(template, dict) or not isinstance(template.get("language"), dict):
            return None
        code = str(template["language"].get("code"))
        found = self.book.library().get(str(template.get("name")), code)
        return found.category if found is not None else None

    def delivery_failure(self, wa_id: str, category: str | None) -> int | None:
        """131050 for a marketing template to a customer who stopped marketing (a failed
        status, after the 200, as Meta reports delivery problems)."""
        with self._lock:
            stopped = wa_id in self._stopped
        return STOPPED_MARKETING_CODE if stopped and category == "MARKETING" else None

    # --- demo triggers -------------------------------------------------------------------------
    def set_status(self, name: str, language: str | None, status: str) -> int:
        """Change the template's status and emit one status webhook per language changed."""
        event = status.strip().upper()
        before = self.book.change(name, language, status=event)
        at = self._now()
        for record in before:
            body = hooks.status_webhook({**record, "status": event}, event, at,
                                        previous=str(record.get("status")))  # fmt: skip
            self._feed.deliver_soon(body)
        return len(before)

    def set_quality(self, name: str, language: str | None, quality: str) -> int:
        """Change the template's quality score and emit the quality webhook."""
        score = quality.strip().upper()
        if score not in QUALITY_SCORES:
            raise ValueError(f"quality: {quality!r} is not one of {', '.join(QUALITY_SCORES)}")
        before = self.book.change(name, language, quality_score={"score": score})
        at = self._now()
        for record in before:
            previous = record.get("quality_score")
            old = previous.get("score") if isinstance(previous, dict) else None
            self._feed.deliver_soon(hooks.quality_webhook(record, str(old or "UNKNOWN"), score, at))
        return len(before)

    def set_marketing(self, number: str, value: str) -> None:
        """The customer stops (or resumes) marketing messages: the ``user_preferences`` webhook,
        and later marketing templates to them fail with 131050."""
        if value not in PREFERENCES:
            raise ValueError(f"value: {value!r} is not one of {', '.join(PREFERENCES)}")
        if not recipient_key(number):
            raise ValueError(f"number: {number!r} is not a phone number or a BSUID")
        who = contacts.identity_of(number)
        key = who.wa_id or who.user_id
        now = self._clock()
        with self._lock:
            if value == "stop":
                self._stopped[key] = now
            else:
                self._stopped.pop(key, None)
        self._feed.deliver_soon(hooks.user_preferences_webhook(who, value, self._now()))

    def marketing_stopped(self, number: str) -> datetime | None:
        who = contacts.identity_of(number)
        with self._lock:
            return self._stopped.get(who.wa_id or who.user_id)

    def _now(self) -> int:
        return int(self._clock().timestamp())

    # --- the trigger endpoint ------------------------------------------------------------------
    def control(self, action: str, raw: bytes) -> SandboxResponse:
        """``POST /sandbox/<action>`` with a JSON object; 200 ``{"success": true, ...}``."""
        try:
            body = loads_strict(raw) if raw.strip() else {}
        except JsonRefused as exc:
            return reply_for(graph_error(100, f"The request body is not valid JSON: {exc.reason}."))
        if not isinstance(body, dict):
            return reply_for(graph_error(100, "The request body must be a JSON object."))
        try:
            return SandboxResponse(200, {"success": True, **self._control(action, body)})
        except KeyError as exc:
            return reply_for(graph_error(100, str(exc.args[0]), status=404))
        except ValueError as exc:
            return reply_for(graph_error(100, str(exc)))

    def _control(self, action: str, body: dict[str, Any]) -> dict[str, Any]:
        def text(key: str, required: bool = True) -> str | None:
            value = body.get(key)
            if value is None and not required:
                return None
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{key}: required (a non-empty string)")
            return value.strip()

        if action == "template_status":
            name, lang = text("name"), text("language", required=False)
            assert name is not None
            return {"changed": self.set_status(name, lang, str(text("status")))}
        if action == "template_quality":
            name, lang = text("name"), text("language", required=False)
            assert name is not None
            return {"changed": self.set_quality(name, lang, str(text("quality")))}
        if action == "marketing":
            self.set_marketing(str(text("number")), str(text("value")))
            return {}
        raise KeyError(f"the sandbox has no control endpoint {action!r}")
