"""Webhooks the sandbox emits: statuses after a send (sent, delivered, read or failed) and
simulated inbound messages.

One timer thread and a heap, rather than a ``threading.Timer`` per status: events for one
message come out strictly in order, and ``close()`` cancels everything pending and joins the
thread, so no callback runs after the sandbox is closed.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from composer import demo_contacts as contacts
from composer.demo_contacts import Identity
from composer.phone import normalize

log = logging.getLogger(__name__)

StatusListener = Callable[[dict[str, Any]], None]


@dataclass(frozen=True)
class StatusDelays:
    """Seconds after the send at which each status webhook is emitted (None: never)."""

    sent: float | None = 0.3
    delivered: float | None = 1.0
    read: float | None = 2.5


def status_webhook(
    *,
    wamid: str,
    status: str,
    at: datetime,
    customer: Identity,
    errors: list[dict[str, Any]] | None = None,
    biz_opaque_callback_data: str | None = None,
    template_category: str | None = None,
) -> dict[str, Any]:
    """A Meta-shaped status notification (reference-shapes.json ``webhook_status_*``, with the
    2026 identity fields of docs/spec/bsuid.md); a template's ``sent`` is priced ``regular`` in
    its category (per-message pricing).

    ``recipient_id`` is the phone number when known; ``recipient_user_id`` and ``contacts`` are
    always there. Meta leaves ``contacts`` out of failed statuses; pywa 4.5 cannot read a status
    without it, so the sandbox sends it on every status (both parse it; bsuid.md says so).
    """
    item: dict[str, Any] = {"id": wamid, "status": status, "timestamp": str(int(at.timestamp()))}
    if customer.wa_id is not None:
        item["recipient_id"] = customer.wa_id
    item["recipient_user_id"] = customer.user_id
    if biz_opaque_callback_data is not None:
        item["biz_opaque_callback_data"] = biz_opaque_callback_data
    if status == "sent":
        item["pricing"] = {
            "billable": template_category is not None,
            "pricing_model": "PMP",
            "type": "free_customer_service" if template_category is None else "regular",
            "category": (template_category or "service").lower(),
        }
    if errors:
        item["errors"] = errors
    return _envelope({"contacts": [customer.contact()], "statuses": [item]})


def inbound_text_webhook(
    *, wamid: str, customer: Identity, text: str, at: datetime
) -> dict[str, Any]:
    """A Meta-shaped inbound text message (reference-shapes.json ``webhook_inbound_text``) with
    ``contacts[].user_id`` and ``from_user_id``; ``from`` only when the number is known."""
    sender = {} if customer.wa_id is None else {"from": customer.wa_id}
    message = {
        **sender,
        "from_user_id": customer.user_id,
        "id": wamid,
        "timestamp": str(int(at.timestamp())),
        "type": "text",
        "text": {"body": text},
    }
    return _envelope({"contacts": [customer.contact()], "messages": [message]})


def _envelope(fields: dict[str, Any]) -> dict[str, Any]:
    value = {
        "messaging_product": "whatsapp",
        "metadata": {
            "display_phone_number": normalize(contacts.SANDBOX_DISPLAY_PHONE_NUMBER),
            "phone_number_id": contacts.SANDBOX_PHONE_NUMBER_ID,
        },
        **fields,
    }
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": contacts.SANDBOX_WABA_ID,
                "changes": [{"value": value, "field": "messages"}],
            }
        ],
    }


class Scheduler:
    """Runs callbacks after delays on one daemon thread, in due order (ties in call order)."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._closed = False
        self._thread: threading.Thread | None = None

    def call_later(self, delay: float, fn: Callable[[], None]) -> None:
        with self._cond:
            if self._closed:
                return
            heapq.heappush(self._heap, (time.monotonic() + delay, next(self._seq), fn))
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="sandbox-status-webhooks", daemon=True
                )
                self._thread.start()
            self._cond.notify()

    def pending(self) -> int:
        with self._cond:
            return len(self._heap)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._closed and (not self._heap or self._heap[0][0] > time.monotonic()):
                    timeout = self._heap[0][0] - time.monotonic() if self._heap else None
                    self._cond.wait(timeout)
                if self._closed:
                    return
                _, _, fn = heapq.heappop(self._heap)
            try:
                fn()
            except Exception:  # a failing listener must not stop later webhooks
                log.exception("sandbox status listener failed")

    def close(self) -> None:
        """Cancel every pending callback and wait for a running one to finish."""
        with self._cond:
            self._closed = True
            self._heap.clear()
            self._cond.notify_all()
            thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout=10)
