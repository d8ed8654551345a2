"""Envelope rules: recipient (a phone number in ``to`` or a business-scoped user id in
``recipient``), recipient type, callback data, reply context."""

from __future__ import annotations

from composer import limits
from composer.messages import Message, Reaction
from composer.phone import MAX_CHARS, is_phone_like, normalize
from composer.rules.base import Out
from composer.user_ids import (
    BSUID_FIELD,
    addressee_field,
    bsuid_problem,
    is_bsuid,
    looks_like_bsuid,
)

__all__ = ["RECIPIENT_AUTHENTICATION_RULE", "RECIPIENT_FIELD_RULE", "check_envelope",
           "check_template_recipient"]  # fmt: skip

RECIPIENT_FIELD_RULE = "envelope.recipient_field"
RECIPIENT_AUTHENTICATION_RULE = "envelope.recipient_authentication"

_RECIPIENT_TYPES = ("individual", "group")


def check_envelope(msg: Message, out: Out) -> None:
    to = msg.to.strip()
    if msg.recipient_type not in _RECIPIENT_TYPES:
        out.error(
            "envelope.recipient_type",
            "recipient_type",
            f'recipient_type is "{msg.recipient_type[:20]}"; use "individual" or "group".',
        )
    field = msg.to_field or addressee_field(to)
    if not to:
        rule = "envelope.recipient" if field == BSUID_FIELD else "envelope.to"
        out.error(rule, field, f"A recipient ('{field}') is required.")
    elif msg.recipient_type == "group":
        pass
    elif field == BSUID_FIELD:
        _check_user_id(msg.to, out)
    elif is_bsuid(to):
        out.error(
            RECIPIENT_FIELD_RULE,
            "to",
            f"\"{to[:40]}\" is a business-scoped user id: send it as 'recipient', not 'to'.",
        )
    elif looks_like_bsuid(to):
        out.error(limits.BSUID_CHARS.rule, "to", bsuid_problem(to) or "")
    else:
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


def _check_user_id(to: str, out: Out) -> None:
    """``recipient`` takes a business-scoped user id (``US.134...``), never a phone number."""
    if is_phone_like(to):
        out.error(
            RECIPIENT_FIELD_RULE,
            BSUID_FIELD,
            f"\"{to.strip()[:40]}\" is a phone number: send it as 'to'; 'recipient' takes a "
            'business-scoped user id such as "US.13491208655302741918".',
        )
        return
    problem = bsuid_problem(to)
    if problem is not None:
        out.error(limits.BSUID_CHARS.rule, BSUID_FIELD, problem)


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


def check_template_recipient(msg: Message, category: str | None, out: Out) -> None:
    """An authentication template cannot go to a business-scoped user id (docs/spec/bsuid.md):
    the category is the library's, so this runs only when the template's definition is known."""
    if category != "AUTHENTICATION" or not is_bsuid(msg.to):
        return
    field = msg.to_field or addressee_field(msg.to)
    out.error(
        RECIPIENT_AUTHENTICATION_RULE,
        field,
        "Authentication templates cannot be sent to a business-scoped user id; send this one to "
        "the customer's phone number.",
    )
