"""The webhook receiver: a small HTTP endpoint Meta (or the sandbox) posts events to.

Why the standard library's ThreadingHTTPServer: one endpoint, two verbs, loopback by default
(a tunnel exposes it), and no new dependency. Each POST is checked before anything is
recorded: size limit (413), ``X-Hub-Signature-256`` over the raw bytes (403), JSON shape (400).
Events are recorded synchronously (SQLite, milliseconds) so a 200 means "stored"; a failure to
store answers 500 so Meta retries. Replays are skipped by the recorder's de-duplication.
"""

from __future__ import annotations

import json
import logging
import selectors
import socket
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Final
from urllib.parse import parse_qs, urlsplit

from composer.webhooks.parsing import (
    SIGNATURE_HEADER,
    WebhookFormatError,
    handshake,
    parse_bytes,
    verify_signature,
)
from composer.webhooks.recorder import WebhookRecorder

# Meta batches up to 1,000 updates per POST (spec 13.2); a status is ~0.5-1 KB, so 4 MiB
# leaves room while keeping a hostile client from filling memory.
MAX_BODY_BYTES: Final = 4 * 1024 * 1024
IDLE_TIMEOUT_SECONDS: Final = 30.0


log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ServerStats:
    """For the status indicator: what the receiver has seen since it started."""

    accepted_posts: int = 0
    rejected_posts: int = 0
    last_post_at: datetime | None = None
    last_rejection: str | None = None


class _HTTPServer(ThreadingHTTPServer):
    """Serves until ``wake()``, with no polling.

    The standard library's ``serve_forever`` wakes every ``poll_interval`` to see whether
    ``shutdown()`` was called: 20 wake-ups a second in an idle app at 0.05 s, or a slow quit at
    larger intervals. Here the loop blocks on the listening socket and on one end of a socket
    pair; ``wake()`` writes to the other end, so an idle receiver never wakes and closing is
    immediate.
    """

    daemon_threads = True
    # The default listen backlog of 5 resets connections in a burst (Meta retries in bursts).
    request_queue_size = 128
    owner: WebhookServer

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        # First: a failed bind calls server_close(), which closes the pair too.
        self._wake_in, self._wake_out = socket.socketpair()
        super().__init__(address, handler)

    def serve_until_woken(self) -> None:
        with selectors.DefaultSelector() as selector:
            selector.register(self, selectors.EVENT_READ)
            selector.register(self._wake_in, selectors.EVENT_READ)
            while True:
                ready = selector.select()  # no timeout: nothing happens, nothing runs
                if any(key.fileobj is self._wake_in for key, _ in ready):
                    return
                if ready:
                    self.handle_request()  # ready: accepts without waiting

    def wake(self) -> None:
        """Make ``serve_until_woken`` return (from any thread)."""
        self._wake_out.send(b"\0")

    def server_close(self) -> None:
        super().server_close()
        self._wake_in.close()
        self._wake_out.close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: Meta and the burst test reuse connections
    timeout = IDLE_TIMEOUT_SECONDS
    server: _HTTPServer
    server_version = "wa-composer-webhook"
    # Headers and body leave in one segment (buffered writer, flushed per request) with Nagle off:
    # otherwise Nagle's algorithm and the client's delayed ACK add ~40 ms to every keep-alive reply.
    wbufsize = -1
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        challenge = handshake(query, self.server.owner.verify_token)
        if challenge is None:
            self._reply(403, "verification failed: hub.verify_token does not match\n")
        else:
            self._reply(200, challenge)

    def do_POST(self) -> None:
        owner = self.server.owner
        if self.headers.get("Transfer-Encoding", "").lower() not in ("", "identity"):
            self.close_connection = True
            owner._reject("chunked body")
            self._reply(411, "a Content-Length is required\n")
            return
        lengths = {v.strip() for v in self.headers.get_all("Content-Length") or []}
        if len(lengths) > 1:  # request smuggling territory (RFC 9112 6.3): refuse, never guess
            self.close_connection = True
            owner._reject("conflicting Content-Length headers")
            self._reply(400, "conflicting Content-Length headers\n")
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
            if length < 0:
                raise ValueError
        except ValueError:
            self.close_connection = True
            owner._reject("no Content-Length")
            self._reply(411, "a Content-Length is required\n")
            return
        if length > owner.max_body_bytes:
            self.close_connection = True  # the body stays unread: drop the connection
            owner._reject("body too large")
            self._reply(413, f"body larger than {owner.max_body_bytes} bytes\n")
            return
        raw = self.rfile.read(length)
        if len(raw) != length:
            self.close_connection = True
            return
        if not verify_signature(raw, self.headers.get(SIGNATURE_HEADER), owner.app_secret):
            owner._reject("bad signature")
            self._reply(403, f"{SIGNATURE_HEADER} missing or wrong\n")
            return
        try:
            events = parse_bytes(raw)
        except WebhookFormatError as exc:
            owner._reject(str(exc))
            self._reply(400, f"{exc}\n")
            return
        try:
            result = owner.recorder.apply(events)
        except Exception as exc:  # the store failed: say 500 so Meta retries later
            log.exception("recording webhook events failed")
            owner._reject(f"store error: {type(exc).__name__}")
            self._reply(500, "could not record the events\n")
            return
        owner._accept()
        body = {"recorded": result.recorded, "duplicates": result.duplicates}
        self._reply(200, json.dumps(body), "application/json")

    def _reply(self, status: int, text: str, content_type: str = "text/plain") -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(data)


class WebhookServer:
    """Receives Meta webhooks on ``host:port`` (``port=0`` picks a free one) in a thread.

    ``start()`` returns once listening; ``url`` is then the callback URL on this machine.
    ``close()`` stops it. Usable as a context manager.
    """

    def __init__(
        self,
        recorder: WebhookRecorder,
        *,
        app_secret: str,
        verify_token: str,
        host: str = "127.0.0.1",
        port: int = 0,
        max_body_bytes: int = MAX_BODY_BYTES,
    ) -> None:
        if not app_secret:
            raise ValueError("app secret: required to check X-Hub-Signature-256")
        self.recorder = recorder
        self.app_secret = app_secret
        self.verify_token = verify_token
        self.max_body_bytes = max_body_bytes
        self._host, self._port = host, port
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stats = ServerStats()

    def __repr__(self) -> str:  # never show the secrets
        return f"WebhookServer(url={self.url if self._httpd else None!r})"

    @property
    def url(self) -> str:
        if self._httpd is None:
            raise RuntimeError("the webhook receiver is not running")
        host, port = self._httpd.server_address[:2]
        shown = f"[{host!s}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/"

    @property
    def running(self) -> bool:
        return self._httpd is not None

    def start(self) -> WebhookServer:
        if self._httpd is not None:
            return self
        httpd = _HTTPServer((self._host, self._port), _Handler)
        httpd.owner = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_until_woken,
            daemon=True,
            name="webhook-receiver",
        )
        self._thread.start()
        return self

    def close(self) -> None:
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        httpd.wake()
        if self._thread is not None:
            self._thread.join(timeout=5)
        httpd.server_close()

    def serve_forever(self) -> None:
        """Run in the calling thread until interrupted (the CLI)."""
        self.start()
        assert self._thread is not None
        try:
            while self._thread.is_alive():
                self._thread.join(timeout=0.5)
        finally:
            self.close()

    def stats(self) -> ServerStats:
        with self._lock:
            return self._stats

    def _accept(self) -> None:
        with self._lock:
            s = self._stats
            self._stats = ServerStats(
                s.accepted_posts + 1, s.rejected_posts, datetime.now(UTC), s.last_rejection
            )

    def _reject(self, why: str) -> None:
        with self._lock:
            s = self._stats
            self._stats = ServerStats(
                s.accepted_posts, s.rejected_posts + 1, datetime.now(UTC), why
            )

    def __enter__(self) -> WebhookServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
