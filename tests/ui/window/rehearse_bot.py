"""A tiny stdlib bot for the window's rehearse tests, served on a loopback port.

It checks Meta's verification GET and every POST's X-Hub-Signature-256, marks each customer
message read with the typing indicator, then answers: "hi" -> reply buttons, the "menu" button
-> a list, a row -> a text; "bad" -> reply buttons with a 25-character title (WhatsApp's limit is
20: the sandbox refuses it); "fail" -> HTTP 500 (the sandbox retries). ``graph_url`` is set by the
test once the rehearsal serves the sandbox.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

SECRET = "rehearse-test-secret"
TOKEN = "rehearse-test-token"


def _buttons(title: str) -> dict[str, Any]:
    buttons = [
        {"type": "reply", "reply": {"id": "menu", "title": title}},
        {"type": "reply", "reply": {"id": "hours", "title": "Opening hours"}},
    ]
    return {"type": "button", "body": {"text": "Hi! What would you like?"},
            "action": {"buttons": buttons}}  # fmt: skip


LIST = {
    "type": "list",
    "body": {"text": "Today's drinks"},
    "action": {"button": "Choose a drink", "sections": [{"title": "Drinks", "rows": [
        {"id": "coffee", "title": "Coffee", "description": "Espresso, 1.50"},
        {"id": "tea", "title": "Tea"}]}]},
}  # fmt: skip


class Bot:
    def __init__(self) -> None:
        self.graph_url = ""
        self.phone_number_id = ""
        self.received: list[dict[str, Any]] = []
        self.bad_signatures = 0
        bot = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                q = parse_qs(urlsplit(self.path).query)
                ok = q.get("hub.verify_token") == [TOKEN] and q.get("hub.mode") == ["subscribe"]
                bot._answer(self, 200 if ok else 403, q.get("hub.challenge", [""])[0])

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                want = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
                if self.headers.get("X-Hub-Signature-256") != want:
                    bot.bad_signatures += 1
                    bot._answer(self, 401, "bad signature")
                    return
                body = json.loads(raw)
                messages = body["entry"][0]["changes"][0]["value"].get("messages", [])
                if messages and _text(messages[0]) == "fail":
                    bot._answer(self, 500, "down")
                    return
                bot._answer(self, 200, "ok")
                for message in messages:
                    bot.received.append(message)
                    bot._reply(message)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @staticmethod
    def _answer(handler: BaseHTTPRequestHandler, status: int, text: str) -> None:
        data = text.encode()
        handler.send_response(status)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)

    def _reply(self, message: dict[str, Any]) -> None:
        to = message.get("from") or message.get("from_user_id")
        self._graph({"messaging_product": "whatsapp", "status": "read",
                     "message_id": message["id"],
                     "typing_indicator": {"type": "text"}})  # fmt: skip
        said = _text(message)
        choice = message.get("interactive", {})
        picked = choice.get(choice.get("type", ""), {}).get("id")
        if said == "hi":
            self._send(to, "interactive", _buttons("See the menu"))
        elif said == "bad":
            self._send(to, "interactive", _buttons("A title far too long, sir"))
        elif picked == "menu":
            self._send(to, "interactive", LIST)
        elif picked in ("coffee", "tea"):
            self._send(to, "text", {"body": f"One {picked}, coming up!"})

    def _send(self, to: object, kind: str, content: dict[str, Any]) -> None:
        self._graph({"messaging_product": "whatsapp", "to": to, "type": kind, kind: content})

    def _graph(self, body: dict[str, Any]) -> None:
        request = urllib.request.Request(
            f"{self.graph_url}/v23.0/{self.phone_number_id}/messages",
            data=json.dumps(body).encode(),
            headers={"Authorization": "Bearer any", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                answer.read()
        except urllib.error.HTTPError as refused:
            refused.read()


def _text(message: dict[str, Any]) -> str:
    return str(message.get("text", {}).get("body", "")).strip().lower()
