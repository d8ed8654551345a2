"""Apply parsed webhook events to the store: one place for the receiver and pasted JSON.

Inbound messages move the customer's window (``set_last_inbound``, under the phone number, or
the business-scoped user id when the webhook has no number; one with both links them); statuses
move the history (``update_status``); a failed status carrying 131047 also closes the window,
because the API is the authority over the local clock. Meta retries deliveries for days: every
write is idempotent and ``remember_event`` decides which events are new (counted, passed to
``on_event``), so a replay changes nothing and is reported once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from composer.codec.strict_json import JsonRefused, loads_strict
from composer.graph.errors import error_from_webhook_error
from composer.phone import is_phone_like
from composer.user_ids import is_bsuid
from composer.webhooks.parsing import (
    ErrorNotice,
    InboundMessage,
    StatusUpdate,
    WebhookEvent,
    WebhookFormatError,
    parse,
)
from composer.webhooks.template_events import (
    MarketingPreferenceUpdate,
    TemplateCategoryUpdate,
    TemplateQualityUpdate,
    TemplateStatusUpdate,
)
from composer.window.facts import RE_ENGAGEMENT_CODE


class EventStore(Protocol):
    """The part of ``composer.storage.history.Store`` the recorder writes to."""

    def remember_event(self, key: str) -> bool: ...

    def set_last_inbound(self, recipient: str, at: datetime, source: str) -> None: ...

    def update_status(
        self, wamid: str, status: str, at: datetime, error: dict[str, Any] | None = None
    ) -> bool: ...

    def mark_window_closed(self, recipient: str, at: datetime, source: str) -> None: ...

    def link_user_id(self, user_id: str, wa_id: str, at: datetime | None = None) -> bool: ...

    def set_marketing_preference(
        self,
        recipient: str,
        value: str,
        at: datetime,
        *,
        detail: str | None = None,
        name: str | None = None,
        source: str = "webhook",
    ) -> bool: ...


class TemplateFollower(Protocol):
    """Where template webhooks go: ``composer.templates.cache.TemplateCaches`` (the cached
    libraries of the account follow a pause, a new quality or category)."""

    def apply(self, waba_id: str, name: str, language: str | None, **change: Any) -> int: ...


@dataclass(frozen=True, slots=True)
class RecordResult:
    """What one body changed: new events recorded and replays skipped."""

    recorded: int = 0
    duplicates: int = 0
    inbound: int = 0
    statuses: int = 0
    windows_closed: int = 0
    templates: int = 0
    preferences: int = 0


def error_record(item: Mapping[str, Any]) -> dict[str, Any]:
    """A webhook ``errors[]`` item as history keeps it: the one mapping (B's), plus its origin."""
    record = error_from_webhook_error(dict(item)).to_dict()
    record["source"] = "webhook"
    return record


class WebhookRecorder:
    """Records events into ``store`` and tells ``on_event`` about each new one (any thread)."""

    def __init__(
        self,
        store: EventStore,
        on_event: Callable[[WebhookEvent], None] | None = None,
        *,
        source: str = "webhook",
        templates: TemplateFollower | None = None,
    ) -> None:
        """``templates``: the caches template webhooks update (None: recorded and passed to
        ``on_event`` only)."""
        self._store = store
        self._on_event = on_event
        self._source = source
        self._templates = templates
        self._lock = threading.Lock()
        self.total = RecordResult()

    def apply(self, events: list[WebhookEvent], source: str | None = None) -> RecordResult:
        origin = source or self._source
        recorded = duplicates = inbound = statuses = closed = templates = preferences = 0
        for event in events:
            # Apply first, then remember: every write is idempotent (statuses never move
            # backwards, inbound times keep the newest, closures only move forward), so a crash
            # or store error between the two leaves the event to Meta's retry instead of losing it.
            closes = self._apply(event, origin)
            if not self._store.remember_event(event.key):
                duplicates += 1
                continue
            recorded += 1
            inbound += isinstance(event, InboundMessage)
            statuses += isinstance(event, StatusUpdate)
            closed += closes
            preferences += isinstance(event, MarketingPreferenceUpdate)
            templates += isinstance(event, _TEMPLATE_EVENTS)
            if self._on_event is not None:
                self._on_event(event)
        result = RecordResult(
            recorded, duplicates, inbound, statuses, closed, templates, preferences
        )
        with self._lock:
            t = self.total
            self.total = RecordResult(
                t.recorded + recorded,
                t.duplicates + duplicates,
                t.inbound + inbound,
                t.statuses + statuses,
                t.windows_closed + closed,
                t.templates + templates,
                t.preferences + preferences,
            )
        return result

    def _apply(self, event: WebhookEvent, origin: str) -> bool:
        """Write one event; True when it closed a window (a 131047)."""
        if isinstance(event, InboundMessage):
            key = self._customer(event.sender, event.user_id, event.timestamp)
            if key is not None:
                self._store.set_last_inbound(key, event.timestamp, origin)
            return False
        if isinstance(event, StatusUpdate):
            return self._apply_status(event, origin)
        if isinstance(event, MarketingPreferenceUpdate):
            self._customer(event.wa_id, event.user_id, event.at)
            self._store.set_marketing_preference(
                event.wa_id, event.value, event.at, detail=event.detail, name=event.name,
                source=origin,
            )  # fmt: skip
        elif isinstance(event, _TEMPLATE_EVENTS) and self._templates is not None:
            change = _template_change(event)
            if change:
                self._templates.apply(event.waba_id, event.name, event.language, **change)
        return False

    def _apply_status(self, event: StatusUpdate, origin: str) -> bool:
        """Update the history; True when a 131047 closed the recipient's window."""
        if event.status == "played":  # voice messages only; the composer sends none
            return False
        error = error_record(event.errors[0]) if event.errors else None
        self._store.update_status(event.id, event.status, event.timestamp, error)
        key = self._customer(event.recipient_id, event.recipient_user_id, event.timestamp)
        if event.status == "failed" and RE_ENGAGEMENT_CODE in event.error_codes and key:
            self._store.mark_window_closed(key, event.timestamp, origin)
            return True
        return False

    def _customer(self, number: str | None, user_id: str | None, at: datetime) -> str | None:
        """The key a window is recorded under: the phone number, else the BSUID (a user with a
        username may send only that). With both, they are linked first (docs/spec/bsuid.md)."""
        phone = number if number is not None and is_phone_like(number) else None
        bsuid = user_id if user_id is not None and is_bsuid(user_id) else None
        if phone is not None and bsuid is not None:
            self._store.link_user_id(bsuid, phone, at)
        return phone or bsuid


_TEMPLATE_EVENTS = (TemplateStatusUpdate, TemplateQualityUpdate, TemplateCategoryUpdate)


def _template_change(
    event: TemplateStatusUpdate | TemplateQualityUpdate | TemplateCategoryUpdate,
) -> dict[str, str]:
    """What the cached library takes from a template webhook (``TemplateLibrary.updated``)."""
    if isinstance(event, TemplateStatusUpdate):
        return {"status": event.new_status} if event.new_status else {}
    if isinstance(event, TemplateQualityUpdate):
        return {"quality": event.new}
    return {"category": event.new} if event.changed else {}


def parse_pasted(text: str) -> list[WebhookEvent]:
    """Events from webhook JSON pasted from logs: a whole body, or just a ``value`` object."""
    try:
        data = loads_strict(text)
    except JsonRefused as exc:
        raise WebhookFormatError(f"pasted text: not valid JSON ({exc.reason})") from None
    if isinstance(data, dict) and "object" not in data:
        value = data.get("value", data)
        if isinstance(value, dict) and ({"messages", "statuses", "errors"} & value.keys()):
            data = {
                "object": "whatsapp_business_account",
                "entry": [{"id": "", "changes": [{"field": "messages", "value": value}]}],
            }
    events = parse(data)
    if not events:
        raise WebhookFormatError("pasted text: no messages or statuses found in this webhook body")
    return events


def import_pasted(text: str, store: EventStore) -> RecordResult:
    """Import pasted webhook JSON (statuses and inbound times), source ``pasted``."""
    return WebhookRecorder(store, source="pasted").apply(parse_pasted(text))


def describe_result(result: RecordResult) -> str:
    """``Imported 1 inbound message, 3 statuses, 1 window closed by 131047.``"""
    parts = [
        _count(result.inbound, "inbound message", "inbound messages"),
        _count(result.statuses, "status", "statuses"),
    ]
    if result.windows_closed:
        parts.append(_count(result.windows_closed, "window", "windows") + " closed by 131047")
    if result.templates:
        parts.append(_count(result.templates, "template update", "template updates"))
    if result.preferences:
        parts.append(_count(result.preferences, "marketing preference", "marketing preferences"))
    if result.duplicates:
        parts.append(f"{result.duplicates} already known")
    return "Imported " + ", ".join(parts) + "."


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


__all__ = [
    "ErrorNotice",
    "RecordResult",
    "TemplateFollower",
    "WebhookRecorder",
    "describe_result",
    "error_record",
    "import_pasted",
    "parse_pasted",
]
