"""The sandbox over real HTTP on loopback: ``serve()`` and ``wa-composer sandbox``.

Standard-library ``ThreadingHTTPServer`` in a background thread: each request is answered by the
same ``Sandbox.handle`` as the in-process transport, so both faces behave identically.
Request bodies are capped a little above the largest media size; nothing is logged (a request
carries the bearer token in its headers).
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from composer import limits
from composer.sandbox.meta_errors import graph_error
from composer.sandbox.simulator import Sandbox
from composer.sandbox.wire import SandboxRequest, SandboxResponse

MAX_BODY_BYTES = max(k.max_bytes for k in limits.MEDIA_KINDS.values()) + 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    server_version = "WAComposerSandbox"
    disable_nagle_algorithm = True  # headers and body go out in two writes: no 40 ms stall

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        limit = self.server.max_body_bytes
        if length > limit:
            error = graph_error(131053, f"Request body over {limit} bytes.", status=413)
            self._write(SandboxResponse(error.status, error.body), close=True)
            return
        body = self.rfile.read(length) if length > 0 else b""
        url = urlsplit(self.path)
        answer = self.server.sandbox.handle(
            SandboxRequest(
                method=self.command,
                path=url.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
                query=dict(parse_qsl(url.query)),
            )
        )
        self._write(answer)

    def _write(self, answer: SandboxResponse, close: bool = False) -> None:
        content = answer.content()
        self.send_response(answer.status)
        self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(content)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(content)

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, format: str, *args: Any) -> None:
        """Silence: access logs would go to stderr and the CLI prints its own lines."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    # The default listen backlog of 5 resets connections in a burst (Meta retries in bursts).
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], sandbox: Sandbox, max_body_bytes: int) -> None:
        self.sandbox = sandbox
        self.max_body_bytes = max_body_bytes
        super().__init__(address, _Handler)


class SandboxServer:
    """A running loopback sandbox; ``url`` is its base URL (use it as a profile's base URL)."""

    def __init__(
        self, sandbox: Sandbox, host: str, port: int, max_body_bytes: int = MAX_BODY_BYTES
    ) -> None:
        self.sandbox = sandbox
        self._server = _Server((host, port), sandbox, max_body_bytes)
        address = self._server.server_address
        self.host, self.port = str(address[0]), int(address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="sandbox-http",
            daemon=True,
        )
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def close(self) -> None:
        """Stop serving, close the socket and the sandbox's pending webhooks."""
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)
        self.sandbox.close()

    def __enter__(self) -> SandboxServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def serve(
    host: str = "127.0.0.1",
    port: int = 0,
    sandbox: Sandbox | None = None,
    *,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> SandboxServer:
    """Start a sandbox HTTP server in a background thread (port 0 picks a free port)."""
    chosen = sandbox if sandbox is not None else Sandbox()
    return SandboxServer(chosen, host, port, max_body_bytes)
