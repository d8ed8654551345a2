"""Shared by the GraphClient tests: the request they send and a client on a simulated clock."""

from __future__ import annotations

import httpx

from composer.accounts import Profile
from composer.graph.client import GraphClient
from composer.graph.retry import RetryPolicy
from tests.core.sandbox.helpers import SimClock

TOKEN = "EAAGtestTOKENvalue1234567890"
PNID = "106540352242922"
PAYLOAD = {
    "messaging_product": "whatsapp",
    "recipient_type": "individual",
    "to": "+16505550123",
    "type": "interactive",
    "interactive": {
        "type": "button",
        "body": {"text": "Keep your appointment?"},
        "action": {
            "buttons": [
                {"type": "reply", "reply": {"id": "keep", "title": "Keep it"}},
                {"type": "reply", "reply": {"id": "move", "title": "Move it to another day!"}},
            ]
        },
    },
}

# HTTP status Meta lists for each code of spec section 11.4.


def make_client(
    graph_url: str,
    clock: SimClock | None = None,
    policy: RetryPolicy | None = None,
    timeout: httpx.Timeout | None = None,
) -> GraphClient:
    clock = clock or SimClock()
    profile = Profile("test", PNID, base_url=graph_url)
    return GraphClient(
        profile,
        TOKEN,
        timeout=timeout or httpx.Timeout(5.0),
        sleep=clock.sleep,
        clock=clock,
        retry_policy=policy,
    )
