"""Delivering the sandbox's webhooks: over HTTP signed like Meta's, or straight into the store.

``WebhookPoster`` is a status listener: ``sandbox.add_status_listener(WebhookPoster(url, secret))``
POSTs every body to ``url`` with ``X-Hub-Signature-256`` (HMAC-SHA256 of the raw body with the
app secret). Bodies are serialised with non-ASCII escaped as ``\\uXXXX``, as Meta sends them;
serialisation and signing are ``composer.webhooks.parsing``' so both ends agree by construction.
A failed delivery is counted and logged, never raised into the sandbox's timer thread. httpx and
its client (SSL context, connection pool: ~100 ms) are made on the first delivery, not when the
app's window attaches the sandbox at start-up.

``recording_listener(store)`` is the no-network path for the app's in-process sandbox: bodies go
through the same parser and recorder as the HTTP receiver, so the history shows sent, delivered
and read without a webhook server.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from composer.webhooks.parsing import SIGNATURE_HEADER, WebhookEvent, canonical_body, parse, sign
from composer.webhooks.recorder import EventStore, TemplateFollower, WebhookRecorder

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)


class WebhookPoster:
    def __init__(
        self,
        url: str,
        app_secret: str,
        *,
        timeout: float = 5.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not app_secret:
            raise ValueError("app secret: required to sign X-Hub-Signature-256")
        self.url = url
        self._secret = app_secret
        self._timeout, self._transport = timeout, transport
        self._client: httpx.Client | None = None
        self._closed = False
        self._lock = threading.Lock()
        self.delivered = 0
        self.failed = 0

    def __repr__(self) -> str:  # never show the secret
        return f"WebhookPoster(url={self.url!r}, delivered={self.delivered}, failed={self.failed})"

    def _http(self) -> httpx.Client:
        with self._lock:
            if self._closed:
                raise RuntimeError("WebhookPoster is closed")
            if self._client is None:
                import httpx

                self._client = httpx.Client(timeout=self._timeout, transport=self._transport)
            return self._client

    def __call__(self, body: dict[str, Any]) -> None:
        import httpx

        raw = canonical_body(body)
        headers = {"Content-Type": "application/json", SIGNATURE_HEADER: sign(raw, self._secret)}
        client = self._http()
        try:
            response = client.post(self.url, content=raw, headers=headers)
            ok = response.status_code == 200
            if not ok:
                log.warning("webhook receiver answered HTTP %s", response.status_code)
        except httpx.HTTPError as exc:
            log.warning("webhook delivery to %s failed: %s", self.url, type(exc).__name__)
            ok = False
        with self._lock:
            if ok:
                self.delivered += 1
            else:
                self.failed += 1

    def close(self) -> None:
        with self._lock:
            self._closed = True
            client, self._client = self._client, None
        if client is not None:
            client.close()


def recording_listener(
    store: EventStore,
    on_event: Callable[[WebhookEvent], None] | None = None,
    *,
    source: str = "sandbox",
    templates: TemplateFollower | None = None,
) -> Callable[[dict[str, Any]], None]:
    """A status listener that records each webhook body into ``store`` (source "sandbox");
    template webhooks update ``templates`` (the cached libraries) when given."""
    recorder = WebhookRecorder(store, on_event, source=source, templates=templates)

    def listener(body: dict[str, Any]) -> None:
        recorder.apply(parse(body))

    return listener
