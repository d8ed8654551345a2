"""Envelope rules: recipient, recipient type, callback data, reply context."""

from __future__ import annotations

from composer import limits
from composer.messages import Message, Reaction
from composer.phone import MAX_CHARS, is_phone_like, normalize
from composer.rules.base import Out

__all__ = ["check_envelope"]

_RECIPIENT_TYPES = ("individual", "group")


def check_envelope(msg: Message, out: Out) -> None:
    to = msg.to.strip()
    if msg.recipient_type not in _RECIPIENT_TYPES:
        out.error(
            "envelope.recipient_type",
            "recipient_type",
            f'recipient_type is "{msg.recipient_type[:20]}"; use "individual" or "group".',
        )
    if not to:
        out.error("envelope.to", "to", "A recipient ('to') is required.")
    elif msg.recipient_type != "group":
        _check_phone(msg.to, out)
    if msg.biz_opaque_callback_data is not None:
        out.length(
            msg.biz_opaque_callback_data,
            limits.BIZ_OPAQUE_CALLBACK_DATA,
            "biz_opaque_callback_data",
        )
    if msg.context_message_id is not None:
        if isinstance(msg.content, Reaction):
            out.error(
                "reaction.context",
                "context",
                "A reaction cannot be sent as a reply to a message; remove 'context'.",
            )
        elif not msg.context_message_id.strip():
            out.error(
                "envelope.context_message_id",
                "context.message_id",
                "The quoted message id (context.message_id) is empty.",
            )


def _check_phone(to: str, out: Out) -> None:
    limit = limits.PHONE_DIGITS
    if len(to.strip()) > MAX_CHARS:
        out.error(
            limit.rule,
            "to",
            f"Recipient is {len(to):,} characters long; a phone number has at most {MAX_CHARS}.",
        )
        return
    if not is_phone_like(to):
        out.error(
            limit.rule,
            "to",
            f'Recipient "{to[:40]}" is not a phone number; use + and the country code, '
            "e.g. +16505550123.",
        )
        return
    digits = len(normalize(to))
    if digits > limit.maximum or digits < limit.minimum:
        out.error(
            limit.rule,
            "to",
            f"Recipient phone number has {digits} digit{'' if digits == 1 else 's'}; with the "
            "country code it needs "
            f"{limit.minimum} to {limit.maximum}.",
        )
        return
    if not to.strip().startswith("+"):
        out.warn(
            "envelope.to_plus",
            "to",
            "Recipient has no leading +; WhatsApp may add your business's own country code. "
            "Write it as + and the country code.",
        )
