"""pywa (a real WhatsApp client library, pinned in the dev extra) wired to our webhooks and to
the sandbox, without a web framework: the public entry points pywa offers a custom server.

* ``PywaInbox`` parses webhook bodies with ``WhatsApp.webhook_update_validator`` (the
  ``X-Hub-Signature-256`` check) and ``webhook_update_handler`` (dispatch to its handlers), and
  keeps every update pywa constructed. pywa logs and swallows a body it cannot read, so "it
  parsed" means "an update of the right type came out". Every body also reaches pywa's
  ``on_raw_update`` (``raw``): the only way a body pywa has no type for reaches a handler.
* ``PywaInbox.serve()`` puts the same on a loopback HTTP server, for the sandbox's signed
  status webhooks (``WebhookPoster``).
* ``with pywa_client(url) as (wa, transport)`` sends through pywa's own httpx client to a
  loopback sandbox. pywa sets ``session.base_url`` to ``https://graph.facebook.com/v{version}``
  itself, so a ``base_url`` on the session is overwritten; a transport that sends each request
  to the sandbox's host and port (path and headers unchanged) is what points it there.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
from pywa import WhatsApp, handlers, types

from composer.demo_contacts import SANDBOX_PHONE_NUMBER_ID
from composer.webhooks.parsing import SIGNATURE_HEADER, canonical_body, sign

SECRET = "pywa-interop-secret"
TOKEN = "sandbox-test-token"
_HANDLERS = (
    handlers.MessageHandler,
    handlers.CallbackButtonHandler,
    handlers.CallbackSelectionHandler,
    handlers.MessageStatusHandler,
    handlers.UserMarketingPreferencesHandler,
    handlers.CallPermissionUpdateHandler,
    handlers.FlowCompletionHandler,
)


class PywaInbox:
    """A pywa client that only receives: every update it builds lands in ``updates``."""

    def __init__(self) -> None:
        self.wa = WhatsApp(phone_id=SANDBOX_PHONE_NUMBER_ID, app_secret=SECRET, server=None)
        self.updates: list[Any] = []
        self.raw: list[types.RawUpdate] = []
        self._lock = threading.Lock()
        self.arrived = threading.Condition(self._lock)
        for handler in _HANDLERS:
            self.wa.add_handlers(handler(self._keep))
        self.wa.add_handlers(handlers.RawUpdateHandler(self._keep_raw))

    def _keep(self, _wa: WhatsApp, update: Any) -> None:
        with self.arrived:
            self.updates.append(update)
            self.arrived.notify_all()

    def _keep_raw(self, _wa: WhatsApp, update: types.RawUpdate) -> None:
        with self.arrived:
            self.raw.append(update)

    def receive(self, raw: bytes, signature: str | None) -> int:
        """What pywa answers a POST with (its status code), as a custom server would call it."""
        refused = self.wa.webhook_update_validator(raw, signature)
        if refused is not None:
            return refused[1]
        return self.wa.webhook_update_handler(raw)[1]

    def parse(self, body: dict[str, Any]) -> Any:
        """The one update pywa builds from ``body`` (signed as Meta signs); AssertionError if
        pywa built none (it could not read the body) or several."""
        raw = canonical_body(body)
        before = len(self.updates)
        assert self.receive(raw, sign(raw, SECRET)) == 200
        built = self.updates[before:]
        assert len(built) == 1, f"pywa built {len(built)} updates from {body}"
        return built[0]

    def parse_raw(self, body: dict[str, Any]) -> types.RawUpdate:
        """The raw update of a body pywa has no type for; AssertionError if pywa built a typed
        update from it after all."""
        raw = canonical_body(body)
        before, raw_before = len(self.updates), len(self.raw)
        assert self.receive(raw, sign(raw, SECRET)) == 200
        assert self.updates[before:] == [], f"pywa now builds a type from {body}"
        (update,) = self.raw[raw_before:]
        return update

    def wait_for(self, count: int, timeout: float = 10.0) -> list[Any]:
        with self.arrived:
            self.arrived.wait_for(lambda: len(self.updates) >= count, timeout)
            return list(self.updates)

    @contextmanager
    def serve(self) -> Iterator[str]:
        """A loopback URL whose POSTs go through pywa (the signature checked by pywa)."""
        inbox = self

        class _Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length", "0")))
                code = inbox.receive(raw, self.headers.get(SIGNATURE_HEADER))
                self.send_response(code)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)


class _ToSandbox(httpx.HTTPTransport):
    """Real HTTP, to the sandbox's scheme, host and port; the path pywa built is kept."""

    def __init__(self, base_url: str) -> None:
        super().__init__()
        self._base = httpx.URL(base_url)
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self._base.scheme, host=self._base.host, port=self._base.port
        )
        self.requests.append(request)
        return super().handle_request(request)


@contextmanager
def pywa_client(sandbox_url: str) -> Iterator[tuple[WhatsApp, _ToSandbox]]:
    """A sending pywa client whose every request goes to the loopback sandbox at ``url``; its
    httpx session is closed on exit."""
    transport = _ToSandbox(sandbox_url)
    with httpx.Client(transport=transport, timeout=10) as session:
        wa = WhatsApp(phone_id=SANDBOX_PHONE_NUMBER_ID, token=TOKEN, session=session, server=None)
        yield wa, transport
