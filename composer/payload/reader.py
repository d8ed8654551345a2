"""Reading a Graph message payload into a ``Message``: shape checks only, every problem at once.

Rule ids used here (documented for the CLI and the UI):

* ``payload.shape`` - a part has the wrong JSON type (a list where an object belongs, a number
  where text belongs) or a structural part is missing;
* ``payload.type`` - the message type (``type`` or ``interactive.type``) is missing or one the
  composer does not support (templates, media messages, ...);
* ``payload.unknown_field`` - a key WhatsApp does not define at that place (often a typo);
* a few spec rule ids (``header.type``, ``flow.version``, ``reaction.emoji``,
  ``carousel.card_index``) where the shape problem IS that rule.

Values (lengths, counts, required texts) are left to ``composer.validation.check``: a required text
that is absent is read as ``""`` so that the validator reports it with its own rule id.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from composer.codec.base import Reader, describe, join
from composer.codec.errors import PayloadError
from composer.codec.parts import read_header, read_text_object
from composer.kinds import interactive_spec, specs, top_level_spec
from composer.messages import Message
from composer.user_ids import BSUID_FIELD, PHONE_FIELD, addressee_field

if TYPE_CHECKING:
    from composer.kinds.kind_spec import KindSpec

__all__ = ["PayloadError", "from_payload", "read_message"]

_ENVELOPE_KEYS = (
    "messaging_product",
    "recipient_type",
    "to",
    "recipient",
    "context",
    "biz_opaque_callback_data",
    "type",
)


def from_payload(data: object) -> Message:
    """Parse one message POST body; raise ``PayloadError`` (only) when its shape is wrong."""
    return read_message(data)


def _content_keys() -> tuple[str, ...]:
    """``interactive`` and every top-level kind's type (``text``, ``reaction``), from the rows."""
    return ("interactive", *(s.kind.value for s in specs() if not s.interactive))


def read_message(data: object) -> Message:
    reader = Reader()
    try:
        msg = _read(reader, data)
    except RecursionError:
        reader.problem("$", "The document is nested too deeply to be a message.")
        msg = None
    if reader.issues or msg is None:
        if not reader.issues:
            reader.problem("$", "This is not a message payload.")
        raise PayloadError(reader.issues)
    return msg


def _read(r: Reader, data: object) -> Message | None:
    d = r.obj(data, "$", "The message")
    if d is None:
        return None
    kind = d.get("type")
    known = kind == "interactive" or top_level_spec(kind) is not None  # loads one row only
    content_key: str | None = kind if known else None
    if content_key is not None:
        allowed = (*_ENVELOPE_KEYS, content_key)
    else:  # the type problem is reported below; its content object is not a second problem
        allowed = (*_ENVELOPE_KEYS, *_content_keys(), *((kind,) if isinstance(kind, str) else ()))
    r.known(d, "$", allowed, "the message")
    to, to_field = _addressee(r, d)
    recipient_type = r.opt_text(d, "recipient_type", "recipient_type", "recipient_type")
    biz = r.opt_text(d, "biz_opaque_callback_data", "biz_opaque_callback_data", "Callback data")
    context_id = None
    if "context" in d:
        ctx = r.obj(d["context"], "context", "context")
        if ctx is not None:
            r.known(ctx, "context", ("message_id",), "context")
            context_id = r.text(ctx, "message_id", "context.message_id", "Quoted message id")
    if kind is None:
        text = "The message has no 'type' (interactive, text or reaction)."
        r.problem("type", text, "payload.type")
        return None
    if not isinstance(kind, str):
        r.problem("type", f"The message 'type' must be text, not {describe(kind)}.", "payload.type")
        return None
    if content_key is None:
        r.problem(
            "type",
            f"Message type '{kind}' is not supported here; use interactive, text or reaction.",
            "payload.type",
        )
        return None
    if content_key not in d:
        r.problem(content_key, f"The '{content_key}' object is missing.")
        return None
    top = top_level_spec(content_key)
    if top is None:
        content = _interactive(r, d[content_key], content_key)
    else:
        content = _top_level(r, top, d[content_key], content_key)
    if content is None:
        return None
    return Message(
        to=to,
        to_field=to_field,
        content=content,
        recipient_type="individual" if recipient_type is None else recipient_type,
        context_message_id=context_id,
        biz_opaque_callback_data=biz,
    )


def _addressee(r: Reader, d: dict[str, Any]) -> tuple[str, str | None]:
    """``to`` (a phone number) or ``recipient`` (a business-scoped user id), never both; the key
    is kept only when the value belongs under the other one (the validator says so)."""
    if BSUID_FIELD not in d:
        to = r.text(d, PHONE_FIELD, PHONE_FIELD, "Recipient ('to')")
        return to, PHONE_FIELD if addressee_field(to) != PHONE_FIELD else None
    if PHONE_FIELD in d:
        r.problem(
            BSUID_FIELD,
            "The message has both 'to' and 'recipient'; address it with one of them "
            "('recipient' for a business-scoped user id, 'to' for a phone number).",
            "envelope.recipient_both",
        )
    to = r.text(d, BSUID_FIELD, BSUID_FIELD, "Recipient ('recipient')")
    return to, BSUID_FIELD if addressee_field(to) != BSUID_FIELD else None


def _top_level(r: Reader, spec: KindSpec, value: object, path: str) -> Any:
    """A non-interactive kind: its content object, read by the kind's row."""
    d = r.obj(value, path, f"The {path} object")
    if d is None:
        return None
    return spec.model(**spec.read(r, d, path))


def _interactive(r: Reader, value: object, path: str) -> Any:
    d = r.obj(value, path, "The interactive object")
    if d is None:
        return None
    kind = d.get("type")
    tpath = join(path, "type")
    spec = interactive_spec(kind)
    if not isinstance(kind, str) or spec is None:
        if kind is None:
            text = "The interactive message has no 'type' (button, list, product, ...)."
        elif isinstance(kind, str):
            text = f"Interactive type '{kind}' is not supported by WA Composer."
        else:
            text = f"The interactive 'type' must be text, not {describe(kind)}."
        r.problem(tpath, text, "payload.type")
        return None
    r.known(d, path, ("type", "header", "body", "footer", "action"), f"a '{kind}' message")
    fields: dict[str, Any] = {}
    if "header" in d:
        fields["header"] = read_header(r, d["header"], join(path, "header"))
    for part in ("body", "footer"):
        if part in d:
            fields[part] = read_text_object(r, d[part], join(path, part), part.capitalize())
    apath = join(path, "action")
    action = r.obj(d.get("action", {}), apath, "The action object")
    if "action" not in d:
        r.problem(apath, f"The '{kind}' message has no 'action' object.")
    if action is not None:
        fields.update(spec.read(r, action, apath))
    if r.issues:
        return None
    return spec.model(**fields)
