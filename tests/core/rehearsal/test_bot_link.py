"""``BotLink`` over real loopback HTTP: Meta's verification GET, signed POSTs, and the bounded
retries with backoff of a failed delivery, every attempt reported."""

from __future__ import annotations

import json
import socket
import threading

import pytest

from composer.rehearsal import BotLink, DeliveryAttempt, HandshakeError, RetryPolicy
from composer.webhooks.parsing import canonical_body, verify_signature
from tests.core.rehearsal.bots import SECRET, TOKEN, ScriptedBot

FAST = RetryPolicy(attempts=3, first_delay=0.1, factor=2.0, timeout=1.0)
BODY = {"object": "whatsapp_business_account", "entry": [{"text": "caf\u00e9 \U0001f44d"}]}


class Attempts:
    def __init__(self) -> None:
        self.items: list[DeliveryAttempt] = []
        self.lock = threading.Lock()

    def __call__(self, attempt: DeliveryAttempt) -> None:
        with self.lock:
            self.items.append(attempt)


def _link(bot: ScriptedBot, attempts: Attempts | None = None, token: str = TOKEN) -> BotLink:
    return BotLink(bot.url, SECRET, token, retry=FAST, on_attempt=attempts)


def test_the_handshake_is_metas_get_and_the_challenge_comes_back() -> None:
    with ScriptedBot() as bot:
        link = _link(bot)
        try:
            result = link.handshake()
        finally:
            link.close()
    (get,) = bot.seen
    assert get.method == "GET"
    assert get.query["hub.mode"] == "subscribe" and get.query["hub.verify_token"] == TOKEN
    assert result.ok and result.answer == get.query["hub.challenge"] == result.challenge
    assert result.challenge.isdigit()


@pytest.mark.parametrize(
    ("bot_options", "token", "words"),
    [
        ({}, "wrong-token", "HTTP 403"),
        ({"echo": False}, TOKEN, "not the challenge"),
    ],
)
def test_a_bot_that_does_not_echo_the_challenge_is_refused(
    bot_options: dict[str, bool], token: str, words: str
) -> None:
    with ScriptedBot(**bot_options) as bot:  # type: ignore[arg-type]
        link = _link(bot, token=token)
        try:
            with pytest.raises(HandshakeError, match=words) as caught:
                link.handshake()
        finally:
            link.close()
    assert not caught.value.handshake.ok


def test_an_unreachable_bot_fails_the_handshake() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens once the socket is closed
    link = BotLink(f"http://127.0.0.1:{port}/", SECRET, TOKEN, retry=FAST)
    try:
        with pytest.raises(HandshakeError, match="unreachable") as caught:
            link.handshake()
    finally:
        link.close()
    assert caught.value.handshake.error == "ConnectError"


def test_every_post_is_signed_over_metas_escaped_bytes() -> None:
    attempts = Attempts()
    with ScriptedBot() as bot:
        link = _link(bot, attempts)
        link.deliver(BODY, "wamid.1")
        assert link.wait_idle(5)
        link.close()
    (post,) = bot.posts()
    assert post.body == canonical_body(BODY) and b"\\u00e9" in post.body
    assert verify_signature(post.body, post.headers["x-hub-signature-256"], SECRET)
    assert not verify_signature(post.body, post.headers["x-hub-signature-256"], "other")
    (attempt,) = attempts.items
    assert attempt.ok and attempt.attempt == 1 and attempt.retry_in is None
    assert attempt.webhook_id == "wamid.1" and attempt.body == BODY


def test_a_500_is_retried_after_the_backoff_and_each_attempt_is_reported() -> None:
    attempts = Attempts()
    with ScriptedBot(statuses=[500]) as bot:
        link = _link(bot, attempts)
        link.deliver(BODY, "wamid.1")
        assert link.wait_idle(5)
        link.close()
    first, second = attempts.items
    assert (first.status, first.ok, first.retry_in) == (500, False, 0.1)
    assert (second.status, second.ok, second.retry_in, second.attempt) == (200, True, None, 2)
    one, two = bot.posts()
    assert two.at - one.at >= 0.1 and one.body == two.body


def test_retries_are_bounded_with_growing_delays() -> None:
    attempts = Attempts()
    with ScriptedBot(statuses=[503, 503, 503, 503]) as bot:
        link = _link(bot, attempts)
        link.deliver(BODY, "wamid.1")
        assert link.wait_idle(5)
        link.close()
    assert [a.status for a in attempts.items] == [503, 503, 503]
    assert [a.retry_in for a in attempts.items] == [0.1, 0.2, None]
    times = [p.at for p in bot.posts()]
    assert len(times) == 3 and times[2] - times[1] >= 0.2 > times[1] - times[0] >= 0.1


def test_a_bot_that_does_not_answer_in_time_is_a_timeout_and_retried() -> None:
    attempts = Attempts()
    slow = RetryPolicy(attempts=2, first_delay=0.05, timeout=0.3)
    with ScriptedBot(slow_s=0.6) as bot:
        link = BotLink(bot.url, SECRET, TOKEN, retry=slow, on_attempt=attempts)
        link.deliver(BODY, "wamid.1")
        assert link.wait_idle(5)
        link.close()
    assert [(a.status, a.error) for a in attempts.items] == [(None, "timeout")] * 2


def test_webhooks_arrive_in_the_order_they_were_queued() -> None:
    with ScriptedBot() as bot:
        link = _link(bot)
        for n in range(5):
            link.deliver({"n": n}, f"wamid.{n}")
        assert link.wait_idle(5)
        link.close()
    assert [json.loads(p.body)["n"] for p in bot.posts()] == [0, 1, 2, 3, 4]


def test_a_link_needs_an_app_secret_and_never_shows_it() -> None:
    with pytest.raises(ValueError, match="app secret"):
        BotLink("http://127.0.0.1:1/", "", TOKEN)
    link = BotLink("http://127.0.0.1:1/", SECRET, TOKEN)
    try:
        assert SECRET not in repr(link)
    finally:
        link.close()
