"""``BotLink``: the sandbox's side of the bot's webhook, as Meta plays it.

* ``handshake()``: the verification GET (``hub.mode=subscribe``, ``hub.verify_token``,
  ``hub.challenge``); the bot must answer 200 with the challenge as its body, else
  ``HandshakeError``.
* ``deliver(body, ...)``: queue a webhook; one worker thread POSTs them in order, each signed
  with ``X-Hub-Signature-256`` (``composer.webhooks.parsing.sign`` over Meta's serialisation,
  as ``composer.sandbox.webhooks_out`` does). A non-2xx answer or a timeout is retried with
  exponential backoff, bounded by ``RetryPolicy`` (Meta retries for hours with growing delays;
  a rehearsal compresses that to seconds). Every attempt is reported to ``on_attempt``.
"""

from __future__ import annotations

import logging
import queue
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from composer.clock import utc_now
from composer.rehearsal.events import DeliveryAttempt, Handshake
from composer.webhooks.parsing import SIGNATURE_HEADER, canonical_body, sign

if TYPE_CHECKING:
    import httpx

__all__ = ["BotLink", "HandshakeError", "RetryPolicy"]

log = logging.getLogger(__name__)

Topic = Literal["message", "status"]


@dataclass(frozen=True)
class RetryPolicy:
    """``attempts`` POSTs at most; the n-th retry waits ``first_delay * factor**(n-1)`` s;
    each attempt gives up after ``timeout`` s."""

    attempts: int = 3
    first_delay: float = 1.0
    factor: float = 2.0
    timeout: float = 5.0

    def delay(self, attempt: int) -> float | None:
        """Seconds to wait after failed attempt ``attempt`` (1-based); None: no more."""
        if attempt >= self.attempts:
            return None
        return float(self.first_delay * self.factor ** (attempt - 1))


class HandshakeError(Exception):
    """The bot is unreachable or did not echo the challenge; ``handshake`` says how."""

    def __init__(self, handshake: Handshake) -> None:
        self.handshake = handshake
        super().__init__(describe_handshake(handshake))


def describe_handshake(result: Handshake) -> str:
    """One sentence on a failed handshake (for the CLI and the window)."""
    if result.error is not None:
        return f"the bot at {result.url} is unreachable ({result.error})"
    if result.status != 200:
        return f"the bot answered the verification GET with HTTP {result.status}, not 200"
    return (
        f"the bot answered the verification GET with {result.answer[:60]!r}, not the "
        f"challenge {result.challenge!r} (check the verify token)"
    )


class BotLink:
    def __init__(
        self,
        webhook_url: str,
        app_secret: str,
        verify_token: str,
        *,
        retry: RetryPolicy | None = None,
        on_attempt: Callable[[DeliveryAttempt], None] | None = None,
        clock: Callable[[], datetime] = utc_now,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not app_secret:
            raise ValueError("app secret: required to sign X-Hub-Signature-256")
        import httpx

        self.url = webhook_url
        self.retry = retry or RetryPolicy()
        self._secret, self._token = app_secret, verify_token
        self._on_attempt = on_attempt
        self._clock = clock
        self._http = httpx.Client(timeout=self.retry.timeout, transport=transport)
        self._queue: queue.Queue[tuple[dict[str, Any], str, Topic] | None] = queue.Queue()
        self._idle = threading.Condition()
        self._pending = 0
        self._closed = threading.Event()
        self._worker = threading.Thread(target=self._run, name="rehearsal-webhooks", daemon=True)
        self._worker.start()

    def __repr__(self) -> str:  # never show the secret
        return f"BotLink(url={self.url!r})"

    def handshake(self) -> Handshake:
        """Meta's verification GET; raises ``HandshakeError`` unless the challenge comes back."""
        import httpx

        challenge = str(secrets.randbelow(9 * 10**9) + 10**9)
        query = {
            "hub.mode": "subscribe",
            "hub.challenge": challenge,
            "hub.verify_token": self._token,
        }
        started = time.monotonic()
        status, answer, error = None, "", None
        try:
            response = self._http.get(self.url, params=query)
            status, answer = response.status_code, response.text
        except httpx.HTTPError as exc:
            error = type(exc).__name__
        ok = status == 200 and answer.strip() == challenge
        result = Handshake(self.url, ok, status, challenge, answer[:200], error,
                           (time.monotonic() - started) * 1000, self._clock())  # fmt: skip
        if not ok:
            raise HandshakeError(result)
        return result

    def deliver(self, body: dict[str, Any], webhook_id: str, topic: Topic = "message") -> None:
        """Queue ``body`` for delivery (in order, after what is already queued)."""
        with self._idle:
            self._pending += 1
        self._queue.put((body, webhook_id, topic))

    def wait_idle(self, timeout: float) -> bool:
        """Wait until every queued webhook is delivered or given up; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout)

    def close(self) -> None:
        """Stop retrying, drop what is queued and close the HTTP client."""
        self._closed.set()
        self._queue.put(None)
        self._worker.join(timeout=self.retry.timeout + 1)
        self._http.close()

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None or self._closed.is_set():
                return
            try:
                self._post_with_retries(*item)
            finally:
                with self._idle:
                    self._pending -= 1
                    self._idle.notify_all()

    def _post_with_retries(self, body: dict[str, Any], webhook_id: str, topic: Topic) -> None:
        raw = canonical_body(body)
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(raw, self._secret)}
        attempt = 0
        while not self._closed.is_set():
            attempt += 1
            status, error, elapsed = self._post(raw, headers)
            ok = status is not None and 200 <= status < 300
            wait = None if ok else self.retry.delay(attempt)
            report = DeliveryAttempt(webhook_id, topic, attempt, self.retry.attempts, status,
                                     elapsed, error, wait, self._clock(), body)  # fmt: skip
            if self._on_attempt is not None:
                try:
                    self._on_attempt(report)
                except Exception:  # a failing observer must not stop the deliveries
                    log.exception("rehearsal delivery observer failed")
            if wait is None or self._closed.wait(wait):
                return

    def _post(self, raw: bytes, headers: dict[str, str]) -> tuple[int | None, str | None, float]:
        import httpx

        started = time.monotonic()
        try:
            response = self._http.post(self.url, content=raw, headers=headers)
            status, error = response.status_code, None
        except httpx.TimeoutException:
            status, error = None, "timeout"
        except httpx.HTTPError as exc:
            status, error = None, type(exc).__name__
        return status, error, (time.monotonic() - started) * 1000
