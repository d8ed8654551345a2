"""A WhatsApp bot in ~100 lines of the standard library, to rehearse with `wa-composer rehearse`.

"hi" -> reply buttons; "See the menu" -> a list; a row -> a text. Every webhook POST is checked
against X-Hub-Signature-256; the GET handshake echoes hub.challenge for the right verify token.
Each customer message is marked read with the typing indicator before the answer.

Settings (environment): GRAPH_URL (the Cloud API base, default the rehearsal sandbox
http://127.0.0.1:8585), WHATSAPP_TOKEN, PHONE_NUMBER_ID (default the sandbox's), APP_SECRET
(required), VERIFY_TOKEN (default "wa-composer"), PORT (default 8080).
"""

import hashlib
import hmac
import json
import os
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

GRAPH_URL = os.environ.get("GRAPH_URL", "http://127.0.0.1:8585").rstrip("/")
TOKEN = os.environ.get("WHATSAPP_TOKEN", "sandbox")
PHONE_NUMBER_ID = os.environ.get("PHONE_NUMBER_ID", "100000000000001")
APP_SECRET = os.environ["APP_SECRET"]
VERIFY_TOKEN = os.environ.get("VERIFY_TOKEN", "wa-composer")
PORT = int(os.environ.get("PORT", "8080"))

# fmt: off
BUTTONS = {"type": "button", "body": {"text": "Hi! What would you like to do?"},
           "action": {"buttons": [
               {"type": "reply", "reply": {"id": "menu", "title": "See the menu"}},
               {"type": "reply", "reply": {"id": "hours", "title": "Opening hours"}}]}}
MENU = {"type": "list", "body": {"text": "Today's drinks"}, "action": {
    "button": "Choose a drink", "sections": [{"title": "Drinks", "rows": [
        {"id": "coffee", "title": "Coffee", "description": "Espresso, 1.50"},
        {"id": "tea", "title": "Tea", "description": "Green or black, 1.20"}]}]}}
# fmt: on


def graph(body):
    """POST one request to /{phone-number-id}/messages; returns the decoded answer."""
    request = urllib.request.Request(
        f"{GRAPH_URL}/v23.0/{PHONE_NUMBER_ID}/messages",
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as refused:  # the Cloud API said no: show why
        print("refused:", refused.read().decode())
        return None


def answer_for(message):
    """The bot's answer to one customer message: an interactive or a text content."""
    kind = message.get("type")
    if kind == "text" and message["text"]["body"].strip().lower() == "hi":
        return {"type": "interactive", "interactive": BUTTONS}
    if kind == "interactive":
        reply = message["interactive"].get("button_reply") or {}
        if reply.get("id") == "menu":
            return {"type": "interactive", "interactive": MENU}
        if reply.get("id") == "hours":
            return {"type": "text", "text": {"body": "We are open 8:00-18:00, every day."}}
        row = message["interactive"].get("list_reply")
        if row:
            return {"type": "text", "text": {"body": f"One {row['title']}, coming up!"}}
    return {"type": "text", "text": {"body": 'Say "hi" to start.'}}


def handle(message):
    graph(
        {
            "messaging_product": "whatsapp",
            "status": "read",
            "message_id": message["id"],
            "typing_indicator": {"type": "text"},
        }
    )
    to = {"to": message["from"]} if "from" in message else {"recipient": message["from_user_id"]}
    graph({"messaging_product": "whatsapp", **to, **answer_for(message)})


class Webhook(BaseHTTPRequestHandler):
    def do_GET(self):  # Meta's verification request
        query = {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}
        ok = query.get("hub.mode") == "subscribe" and query.get("hub.verify_token") == VERIFY_TOKEN
        self.reply(200 if ok else 403, query.get("hub.challenge", "") if ok else "forbidden")

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        expected = "sha256=" + hmac.new(APP_SECRET.encode(), raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, self.headers.get("X-Hub-Signature-256", "")):
            return self.reply(403, "bad signature")
        for entry in json.loads(raw)["entry"]:
            for change in entry["changes"]:
                for message in change["value"].get("messages", []):  # statuses: ignored
                    handle(message)
        self.reply(200, "ok")

    def reply(self, status, text):
        data = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):
        pass


if __name__ == "__main__":
    server = ThreadingHTTPServer(("127.0.0.1", PORT), Webhook)
    print(
        f"menu bot: webhook http://127.0.0.1:{server.server_port}/, Graph {GRAPH_URL}", flush=True
    )
    server.serve_forever()
