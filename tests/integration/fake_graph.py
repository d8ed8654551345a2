"""A scripted fake Graph API server on 127.0.0.1 (stdlib http.server in a thread).

Each request takes the next scripted Reply (or a success when the script is empty) and is
recorded exactly as received, so tests can assert method, path, headers and JSON body, and count
how many requests an ambiguous failure caused. Replies can be slow or drop the connection after
reading the request.
"""

from __future__ import annotations

import contextlib
import json
import ssl
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SUCCESS_WAMID = "wamid.HBgLMTY1MDU1NTAxMjMVAgARGBI1RjQyNUE3NEYxMzAzMzQ5MkEA"


@dataclass(frozen=True)
class Reply:
    status: int = 200
    body: Any = None  # dict -> JSON; bytes/str sent raw; None -> a send success
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (slow server)
    drop: bool = False  # read the request, then close the socket without answering


@dataclass(frozen=True)
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


def graph_error(
    code: int, message: str = "", details: str | None = None, **extra: Any
) -> dict[str, Any]:
    err: dict[str, Any] = {
        "message": message or f"(#{code}) error",
        "type": "OAuthException",
        "code": code,
        "fbtrace_id": f"trace{code}",
    }
    if details is not None:
        err["error_data"] = {"messaging_product": "whatsapp", "details": details}
    err.update(extra)
    return {"error": err}


class FakeGraph:
    """Start with ``with FakeGraph() as graph:``; ``graph.url`` is the base URL for a Profile."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.script: deque[Reply] = deque()
        self.requests: list[Recorded] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                headers = {k.lower(): v for k, v in self.headers.items()}
                with fake._lock:
                    fake.requests.append(Recorded(self.command, self.path, headers, body))
                    reply = fake.script.popleft() if fake.script else Reply()
                if reply.drop:
                    self.close_connection = True
                    return
                if reply.delay and fake._stop.wait(reply.delay):
                    self.close_connection = True
                    return
                data = _encode(reply, body)
                try:
                    self.send_response(reply.status)
                    if not any(k.lower() == "content-type" for k in reply.headers):
                        self.send_header("Content-Type", "application/json")
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (timeout test): nothing to answer
                    self.close_connection = True

            do_GET = _handle
            do_POST = _handle

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request: Any, client_address: Any) -> None:
                pass

        self._server = Server(("127.0.0.1", 0), Handler)
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        scheme = "https" if tls is not None else "http"
        self.url = f"{scheme}://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def add(self, *replies: Reply) -> None:
        with self._lock:
            self.script.extend(replies)

    def __enter__(self) -> FakeGraph:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _encode(reply: Reply, request_body: bytes) -> bytes:
    if isinstance(reply.body, bytes):
        return reply.body
    if isinstance(reply.body, str):
        return reply.body.encode()
    body = reply.body
    if body is None:
        to = "+16505550123"
        with contextlib.suppress(ValueError, AttributeError):
            to = json.loads(request_body).get("to", to)
        body = {
            "messaging_product": "whatsapp",
            "contacts": [{"input": to, "wa_id": "".join(c for c in str(to) if c.isdigit())}],
            "messages": [{"id": SUCCESS_WAMID}],
        }
    return json.dumps(body).encode()
