"""The sandbox's outgoing status webhooks: sent -> delivered -> read (or failed), on a timer.

Kept apart from the simulator so that the request handling stays about the Cloud API's answers;
listeners (the app's webhook receiver, or a signed HTTP poster) are called from the timer thread,
and one failing listener never stops the others. The timer is a seam (``StatusScheduler``): the
default runs on a real thread; a test passes one it drives by hand, so "nothing more arrives" is
proved without waiting.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any, Protocol

from composer.demo_contacts import Identity
from composer.sandbox.meta_errors import webhook_error
from composer.sandbox.statuses import Scheduler, StatusDelays, StatusListener, status_webhook

__all__ = ["StatusFeed", "StatusScheduler"]

log = logging.getLogger(__name__)


class StatusScheduler(Protocol):
    """Runs ``fn`` ``delay`` seconds from now; ``close()`` cancels what has not run yet."""

    def call_later(self, delay: float, fn: Callable[[], None]) -> None: ...

    def close(self) -> None: ...


class StatusFeed:
    """Schedules and delivers status webhook bodies. ``close()`` cancels what is pending."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        delays: StatusDelays,
        scheduler: StatusScheduler | None = None,
    ) -> None:
        self.clock = clock
        self.delays = delays
        self._lock = threading.Lock()
        self._listeners: list[StatusListener] = []
        self._scheduler: StatusScheduler = scheduler if scheduler is not None else Scheduler()

    def add_listener(self, listener: StatusListener) -> None:
        with self._lock:
            self._listeners.append(listener)

    def remove_listener(self, listener: StatusListener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    def close(self) -> None:
        self._scheduler.close()

    def deliver_soon(self, body: dict[str, Any]) -> None:
        """Any webhook body (an inbound message), from the timer thread like the statuses."""
        self._scheduler.call_later(0.0, partial(self._deliver, body))

    def schedule(
        self,
        wamid: str,
        customer: Identity,
        callback: str | None,
        kind: str,
        fail_code: int | None,
        *,
        category: str | None = None,
    ) -> None:
        """The statuses of one accepted message; a ``fail_code`` gives one failed status.
        ``category`` is a template's (its ``sent`` status is priced as that category)."""
        emit = partial(self._emit, wamid, customer, callback, category)
        if fail_code is not None:
            first = self.delays.sent if self.delays.sent is not None else 0.0
            self._scheduler.call_later(first, partial(emit, "failed", fail_code))
            return
        steps: list[tuple[str, float | None]] = [("sent", self.delays.sent)]
        if kind != "reaction":  # reactions only ever get "sent" (spec 5)
            steps += [("delivered", self.delays.delivered), ("read", self.delays.read)]
        for status, after in steps:
            if after is not None:
                self._scheduler.call_later(after, partial(emit, status, None))

    def _emit(
        self,
        wamid: str,
        customer: Identity,
        callback: str | None,
        category: str | None,
        status: str,
        code: int | None,
    ) -> None:
        body = status_webhook(
            wamid=wamid,
            status=status,
            at=self.clock(),
            customer=customer,
            errors=[webhook_error(code)] if code is not None else None,
            biz_opaque_callback_data=callback,
            template_category=category,
        )
        self._deliver(body)

    def _deliver(self, body: dict[str, Any]) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(body)
            except Exception:
                log.exception("sandbox status listener failed")
