"""The scripted bot's answers the rehearsal tests play against (real Cloud API payloads)."""

from __future__ import annotations

from typing import Any

CUSTOMER = "+16505550123"
BUTTONS = {"type": "button", "body": {"text": "Pick"}, "action": {"buttons": [
    {"type": "reply", "reply": {"id": "menu", "title": "Menu"}},
    {"type": "reply", "reply": {"id": "hours", "title": "Hours"}}]}}  # fmt: skip
LIST = {"type": "list", "body": {"text": "Drinks"}, "action": {"button": "Choose", "sections": [
    {"title": "Hot", "rows": [
        {"id": "tea", "title": "Tea", "description": "Green"}]}]}}  # fmt: skip
FLOW = {"type": "flow", "body": {"text": "Book"}, "action": {"name": "flow", "parameters": {
    "flow_message_version": "3", "flow_token": "tok-1", "flow_id": "123456",
    "flow_cta": "Book", "flow_action": "navigate",
    "flow_action_payload": {"screen": "START"}}}}  # fmt: skip
ASK_LOCATION = {"type": "location_request_message", "body": {"text": "Where are you?"},
                "action": {"name": "send_location"}}  # fmt: skip


def _to(message: dict[str, Any]) -> dict[str, Any]:
    return {"messaging_product": "whatsapp", "to": message["from"]}


def menu_bot(message: dict[str, Any]) -> list[dict[str, Any]]:
    """hi -> buttons; menu -> list; tea -> text; where -> location request; book -> flow."""
    read = {"messaging_product": "whatsapp", "status": "read", "message_id": message["id"],
            "typing_indicator": {"type": "text"}}  # fmt: skip
    interactive = message.get("interactive", {})
    tapped = (interactive.get("button_reply") or interactive.get("list_reply") or {}).get("id")
    said = message.get("text", {}).get("body")
    content: dict[str, Any] = {"type": "text", "text": {"body": f"got {message['type']}"}}
    if said == "hi":
        content = {"type": "interactive", "interactive": BUTTONS}
    elif tapped == "menu":
        content = {"type": "interactive", "interactive": LIST}
    elif said == "where":
        content = {"type": "interactive", "interactive": ASK_LOCATION}
    elif said == "book":
        content = {"type": "interactive", "interactive": FLOW}
    elif said == "too long":
        button = {"type": "reply", "reply": {"id": "x", "title": "A title far over twenty"}}
        long = {**BUTTONS, "action": {"buttons": [button]}}
        content = {"type": "interactive", "interactive": long}
    return [read, {**_to(message), **content}]
