"""Rehearse a bot: the sandbox plays the Cloud API for the user's own bot, the user (or a
script) plays the customer. Qt-free; the window's "Rehearse" view and ``wa-composer rehearse``
both drive it.

How to use it::

    rehearsal = Rehearsal("+16505550123", "Ana", port=8585, retry=RetryPolicy(attempts=3))
    rehearsal.subscribe(on_event)            # or read rehearsal.events (a queue.Queue)
    rehearsal.listen()                       # serve the sandbox; the bot's Graph base URL is
                                             # rehearsal.graph_url, phone number id
                                             # rehearsal.phone_number_id, any bearer token
    rehearsal.start(bot_webhook_url, app_secret, verify_token)   # verification GET first;
                                             # HandshakeError when the bot does not echo it
    rehearsal.customer_says("hi")
    rehearsal.customer_taps("menu")          # a button / list row id of the bot's latest
                                             # message offering it (message_id=: an earlier one)
    rehearsal.customer_shares_location(38.72, -9.14, name=None, address=None)
    rehearsal.customer_reacts(bot_wamid, "👍")  # "" or None removes the reaction
    rehearsal.customer_submits(response_json=None, values=None)   # Flow / address nfm_reply
    message = rehearsal.next_bot_message(timeout=10)   # the expectation cursor
    rehearsal.transcript(); rehearsal.transcript_json()
    rehearsal.close()

Each ``customer_*`` returns the ``CustomerAction`` at once (its ``webhook`` is the JSON the bot
gets); delivery runs on a background thread. Events (``composer.rehearsal.events``), passed to
observers from background threads:

* ``Handshake`` - the verification GET (url, ok, status, challenge, answer, error, elapsed_ms);
* ``CustomerAction`` - kind (text, button_reply, list_reply, location, nfm_reply, reaction),
  message_id (the customer's wamid), webhook, reply_to (the bot message it answers), at;
* ``DeliveryAttempt`` - one signed POST to the bot: webhook_id, topic (message / status),
  attempt of attempts, HTTP status or error ("timeout", "ConnectError"), elapsed_ms, retry_in
  (seconds until the next attempt, None when none), ok, body;
* ``BotMessage`` - a message the bot POSTed: payload, accepted, wamid, HTTP status, response,
  and when refused the rule it broke (``rule``), ``reason`` and ``error_code``; ``answering``
  is the customer message it followed;
* ``ReadMark`` - the bot marked a customer message read; ``typing`` when it also showed the
  typing indicator (dismissed at the next bot message or after ``TYPING_SECONDS``);
* ``MessageStatus`` - sent / delivered / read / failed of a bot message (the ticks; the same
  status webhooks are delivered to the bot, as Meta does).

Scripts (``composer.rehearsal.script``) replay a conversation headlessly: ``parse_script`` and
``run_script`` (the CLI's ``wa-composer rehearse``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.rehearsal.defaults import DEFAULT_PORT, DEFAULT_VERIFY_TOKEN
    from composer.rehearsal.delivery import BotLink, HandshakeError, RetryPolicy
    from composer.rehearsal.events import (
        BotMessage,
        CustomerAction,
        DeliveryAttempt,
        Handshake,
        MessageStatus,
        ReadMark,
        RehearsalEvent,
    )
    from composer.rehearsal.session import Rehearsal
    from composer.rehearsal.taps import TapError
    from composer.sandbox.read_marks import TYPING_SECONDS

_HOMES = {
    "delivery": ("BotLink", "HandshakeError", "RetryPolicy"),
    "events": ("BotMessage", "CustomerAction", "DeliveryAttempt", "Handshake", "MessageStatus",
               "ReadMark", "RehearsalEvent"),
    "defaults": ("DEFAULT_PORT", "DEFAULT_VERIFY_TOKEN"),
    "session": ("Rehearsal",),
    "taps": ("TapError",),
    "composer.sandbox.read_marks": ("TYPING_SECONDS",),
}  # fmt: skip
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "DEFAULT_PORT",
    "DEFAULT_VERIFY_TOKEN",
    "TYPING_SECONDS",
    "BotLink",
    "BotMessage",
    "CustomerAction",
    "DeliveryAttempt",
    "Handshake",
    "HandshakeError",
    "MessageStatus",
    "ReadMark",
    "Rehearsal",
    "RehearsalEvent",
    "RetryPolicy",
    "TapError",
]
