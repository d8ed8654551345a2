"""A bot the tests script: a real webhook receiver on loopback that records every request,
answers the handshake with a chosen verify token, answers POSTs with chosen statuses (or slowly)
and sends chosen messages to the sandbox over real HTTP while it handles a POST."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import httpx

from composer.sandbox import SANDBOX_PHONE_NUMBER_ID

SECRET = "s3cret-for-tests"
TOKEN = "verify-me"
Reply = Callable[[dict[str, Any]], list[dict[str, Any]]]


@dataclass
class Seen:
    method: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    at: float


class ScriptedBot:
    def __init__(
        self,
        *,
        verify_token: str = TOKEN,
        statuses: list[int] | None = None,
        slow_s: float = 0.0,
        reply: Reply | None = None,
        echo: bool = True,
    ) -> None:
        self.verify_token, self.echo = verify_token, echo
        self.statuses = list(statuses or [])  # consumed one per POST, then 200
        self.slow_s = slow_s
        self.reply = reply
        self.graph_url = ""
        self.seen: list[Seen] = []
        self.answers: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_port}/webhook"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )
        self._thread.start()

    def posts(self) -> list[Seen]:
        with self._lock:
            return [s for s in self.seen if s.method == "POST"]

    def messages(self) -> list[dict[str, Any]]:
        """The ``messages[0]`` of every POSTed body that has one, in order."""
        out = []
        for seen in self.posts():
            value = json.loads(seen.body)["entry"][0]["changes"][0]["value"]
            out += value.get("messages", [])
        return out

    def send(self, payload: dict[str, Any]) -> dict[str, Any]:
        url = f"{self.graph_url}/v23.0/{SANDBOX_PHONE_NUMBER_ID}/messages"
        answer = httpx.post(url, json=payload, headers={"Authorization": "Bearer x"}, timeout=5)
        body: dict[str, Any] = answer.json()
        self.answers.append(body)
        return body

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        bot = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                query = dict(parse_qsl(urlsplit(self.path).query))
                bot._note("GET", query, self, b"")
                if query.get("hub.verify_token") != bot.verify_token:
                    return self._answer(403, b"no")
                challenge = query.get("hub.challenge", "") if bot.echo else "something else"
                self._answer(200, challenge.encode())

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                bot._note("POST", {}, self, body)
                with bot._lock:
                    status = bot.statuses.pop(0) if bot.statuses else 200
                if bot.slow_s:
                    time.sleep(bot.slow_s)
                if status == 200 and bot.reply is not None:
                    value = json.loads(body)["entry"][0]["changes"][0]["value"]
                    for message in value.get("messages", []):
                        for payload in bot.reply(message):
                            bot.send(payload)
                self._answer(status, b"ok")

            def _answer(self, status: int, data: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the sandbox gave up waiting (a timeout test)
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler

    def _note(
        self, method: str, query: dict[str, str], h: BaseHTTPRequestHandler, body: bytes
    ) -> None:
        headers = {k.lower(): v for k, v in h.headers.items()}
        with self._lock:
            self.seen.append(Seen(method, query, headers, body, time.monotonic()))

    def __enter__(self) -> ScriptedBot:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
