"""Meta webhook bodies: the signature check, the GET handshake, and parsing into typed events.

Why hash the raw bytes: Meta signs the body exactly as sent, with non-ASCII escaped as
``\\uXXXX`` (spec 13.2); re-serialised JSON hashes differently. ``sign`` produces that escaped
form too, so the sandbox's deliveries look like Meta's.

Parsing is strict about the fields the app relies on (ids, timestamps, status names) and lenient
about everything else: Meta adds fields over time (pricing), and a change with another
``field`` (account updates) is skipped rather than rejected. Template and marketing-preference
changes are read by ``composer.webhooks.template_events``.

Business-scoped user ids (docs/spec/bsuid.md): a message names its sender by ``from`` (the phone
number, omitted for some users with a username) and ``from_user_id``; a status its recipient by
``recipient_id`` and ``recipient_user_id``; ``contacts[]`` pairs ``wa_id`` with ``user_id``. Each
event carries both ids when any of these gives them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final

from composer.codec.strict_json import JsonRefused, loads_strict
from composer.webhooks.template_events import (
    TEMPLATE_FIELDS,
    MarketingPreferenceUpdate,
    TemplateCategoryUpdate,
    TemplateQualityUpdate,
    TemplateStatusUpdate,
    parse_waba_change,
)

SIGNATURE_HEADER: Final = "X-Hub-Signature-256"
_PREFIX: Final = "sha256="
OBJECT_TYPE: Final = "whatsapp_business_account"
KNOWN_STATUSES: Final = ("sent", "delivered", "read", "failed", "played")


class WebhookFormatError(ValueError):
    """The body is not a webhook we understand; the message names the field (JSON path)."""


def canonical_body(body: object) -> bytes:
    """Serialise like Meta: compact JSON, non-ASCII escaped as lowercase ``\\uXXXX``."""
    return json.dumps(body, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def sign(raw_body: bytes, app_secret: str) -> str:
    """The ``X-Hub-Signature-256`` value for ``raw_body``: ``sha256=<lowercase hex>``."""
    digest = hmac.new(app_secret.encode("utf-8"), raw_body, hashlib.sha256).hexdigest()
    return _PREFIX + digest


def verify_signature(raw_body: bytes, header: str | None, app_secret: str) -> bool:
    """True only when ``header`` is the HMAC-SHA256 of the raw body with ``app_secret``.

    Constant-time comparison; a missing header, a wrong prefix or an empty secret is False.
    """
    if not header or not app_secret:
        return False
    value = header.strip()
    if value[: len(_PREFIX)].lower() != _PREFIX:
        return False
    given = value[len(_PREFIX) :].lower().encode("ascii", "replace")
    expected = sign(raw_body, app_secret)[len(_PREFIX) :].encode("ascii")
    return hmac.compare_digest(given, expected)


def handshake(query: Mapping[str, str | list[str]], verify_token: str) -> str | None:
    """The GET verification (spec 13.1): the challenge to echo on success, else None."""

    def one(name: str) -> str | None:
        value = query.get(name)
        if isinstance(value, list):
            value = value[0] if len(value) == 1 else None
        return value

    mode, challenge, token = one("hub.mode"), one("hub.challenge"), one("hub.verify_token")
    if mode != "subscribe" or challenge is None or token is None or not verify_token:
        return None
    if not hmac.compare_digest(token.encode("utf-8"), verify_token.encode("utf-8")):
        return None
    return challenge


# --- events --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class InboundMessage:
    """A customer's message: it opens or refreshes the 24-hour window of ``sender``."""

    id: str
    sender: str | None  # ``from`` (wa_id); may be omitted for username users (BSUID, 2026)
    user_id: str | None
    timestamp: datetime
    type: str
    context_id: str | None = None
    context_from: str | None = None
    phone_number_id: str | None = None
    contact_name: str | None = None
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> str:
        return f"message:{self.id}"


@dataclass(frozen=True, slots=True)
class StatusUpdate:
    """A delivery status for one of our messages (sent, delivered, read, failed, played)."""

    id: str
    status: str
    timestamp: datetime
    recipient_id: str | None  # the phone number; may be omitted for a send to a BSUID (2026)
    errors: tuple[Mapping[str, Any], ...] = ()
    phone_number_id: str | None = None
    biz_opaque_callback_data: str | None = None
    recipient_user_id: str | None = None

    @property
    def key(self) -> str:
        return f"status:{self.id}:{self.status}"

    @property
    def error_codes(self) -> tuple[int, ...]:
        return tuple(e["code"] for e in self.errors if isinstance(e.get("code"), int))


@dataclass(frozen=True, slots=True)
class ErrorNotice:
    """A value-level error (``value.errors[]``) not tied to one message, e.g. 131051."""

    errors: tuple[Mapping[str, Any], ...]
    phone_number_id: str | None = None

    @property
    def key(self) -> str:
        digest = hashlib.sha256(canonical_body(list(self.errors))).hexdigest()[:32]
        return f"error:{self.phone_number_id}:{digest}"


WebhookEvent = (
    InboundMessage
    | StatusUpdate
    | ErrorNotice
    | TemplateStatusUpdate
    | TemplateQualityUpdate
    | TemplateCategoryUpdate
    | MarketingPreferenceUpdate
)


def parse_bytes(raw_body: bytes) -> list[WebhookEvent]:
    """Decode and parse a raw POST body; WebhookFormatError for bad JSON or a bad shape."""
    try:
        body = loads_strict(raw_body)
    except JsonRefused as exc:
        raise WebhookFormatError(f"body: not valid JSON ({exc.reason})") from None
    return parse(body)


def parse(body: object) -> list[WebhookEvent]:
    """All events of a webhook body, in order."""
    root = _obj(body, "$")
    if root.get("object") != OBJECT_TYPE:
        raise WebhookFormatError(f"$.object: expected {OBJECT_TYPE!r}, got {root.get('object')!r}")
    events: list[WebhookEvent] = []
    for i, entry in enumerate(_arr(root.get("entry"), "$.entry")):
        entry_path = f"$.entry[{i}]"
        entry_obj = _obj(entry, entry_path)
        changes = entry_obj.get("changes", [])
        for j, change in enumerate(_arr(changes, f"{entry_path}.changes")):
            path = f"{entry_path}.changes[{j}]"
            change_obj = _obj(change, path)
            field_name = change_obj.get("field", "messages")
            if field_name in TEMPLATE_FIELDS:  # templates and marketing preferences (WABA-level)
                value = _obj(change_obj.get("value"), f"{path}.value")
                waba = _opt_str(entry_obj.get("id")) or ""
                events.extend(parse_waba_change(field_name, value, waba, entry_obj.get("time")))
                continue
            if field_name != "messages":
                continue  # account and other updates: not ours
            events.extend(_parse_value(_obj(change_obj.get("value"), f"{path}.value"), path))
    return events


@dataclass(frozen=True, slots=True)
class _Contacts:
    """What ``value.contacts[]`` says: profile names and phone number <-> BSUID pairs."""

    names: dict[str, str] = field(default_factory=dict)
    user_ids: dict[str, str] = field(default_factory=dict)  # wa_id -> user_id
    numbers: dict[str, str] = field(default_factory=dict)  # user_id -> wa_id

    @classmethod
    def read(cls, contacts: object) -> _Contacts:
        out = cls()
        for contact in contacts if isinstance(contacts, list) else []:
            if not isinstance(contact, dict):
                continue
            wa_id, user_id = _opt_str(contact.get("wa_id")), _opt_str(contact.get("user_id"))
            if wa_id is not None and user_id is not None:
                out.user_ids[wa_id], out.numbers[user_id] = user_id, wa_id
            profile = contact.get("profile")
            name = profile.get("name") if isinstance(profile, dict) else None
            if isinstance(name, str):
                for key in (wa_id, user_id):
                    if key is not None:
                        out.names[key] = name
        return out

    def pair(self, wa_id: str | None, user_id: str | None) -> tuple[str | None, str | None]:
        """Both ids when the contacts give the other one."""
        wa_id = wa_id or (self.numbers.get(user_id) if user_id else None)
        return wa_id, user_id or (self.user_ids.get(wa_id) if wa_id else None)


def _parse_value(value: Mapping[str, Any], path: str) -> list[WebhookEvent]:
    metadata = value.get("metadata")
    pnid = _opt_str(metadata.get("phone_number_id")) if isinstance(metadata, dict) else None
    contacts = _Contacts.read(value.get("contacts"))
    events: list[WebhookEvent] = []
    for k, item in enumerate(_arr(value.get("messages", []), f"{path}.value.messages")):
        events.append(_message(_obj(item, f"{path}.value.messages[{k}]"), pnid, contacts, path, k))
    for k, item in enumerate(_arr(value.get("statuses", []), f"{path}.value.statuses")):
        status = _obj(item, f"{path}.value.statuses[{k}]")
        events.append(_status(status, pnid, contacts, f"{path}", k))
    errors = value.get("errors")
    if errors:
        items = _arr(errors, f"{path}.value.errors")
        events.append(ErrorNotice(tuple(e for e in items if isinstance(e, dict)), pnid))
    return events


def _message(
    item: Mapping[str, Any], pnid: str | None, contacts: _Contacts, path: str, k: int
) -> InboundMessage:
    where = f"{path}.value.messages[{k}]"
    sender, user_id = contacts.pair(
        _opt_str(item.get("from")), _opt_str(item.get("from_user_id") or item.get("user_id"))
    )
    if sender is None and user_id is None:
        raise WebhookFormatError(f"{where}.from: missing (and no user_id)")
    context = item.get("context") if isinstance(item.get("context"), dict) else {}
    assert isinstance(context, dict)
    return InboundMessage(
        id=_str(item.get("id"), f"{where}.id"),
        sender=sender,
        user_id=user_id,
        timestamp=_timestamp(item.get("timestamp"), f"{where}.timestamp"),
        type=_str(item.get("type"), f"{where}.type"),
        context_id=_opt_str(context.get("id")),
        context_from=_opt_str(context.get("from")),
        phone_number_id=pnid,
        contact_name=contacts.names.get(sender or "") or contacts.names.get(user_id or ""),
        raw=dict(item),
    )


def _status(
    item: Mapping[str, Any], pnid: str | None, contacts: _Contacts, path: str, k: int
) -> StatusUpdate:
    where = f"{path}.value.statuses[{k}]"
    recipient, user_id = contacts.pair(
        _opt_str(item.get("recipient_id")), _opt_str(item.get("recipient_user_id"))
    )
    status = _str(item.get("status"), f"{where}.status")
    if status not in KNOWN_STATUSES:
        raise WebhookFormatError(
            f"{where}.status: {status!r} is not one of {', '.join(KNOWN_STATUSES)}"
        )
    errors = item.get("errors") or []
    return StatusUpdate(
        id=_str(item.get("id"), f"{where}.id"),
        status=status,
        timestamp=_timestamp(item.get("timestamp"), f"{where}.timestamp"),
        recipient_id=recipient,
        errors=tuple(e for e in _arr(errors, f"{where}.errors") if isinstance(e, dict)),
        phone_number_id=pnid,
        biz_opaque_callback_data=_opt_str(item.get("biz_opaque_callback_data")),
        recipient_user_id=user_id,
    )


# --- small typed accessors -----------------------------------------------------------------------


def _obj(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise WebhookFormatError(f"{path}: expected an object, got {type(value).__name__}")
    return value


def _arr(value: object, path: str) -> list[Any]:
    if not isinstance(value, list):
        raise WebhookFormatError(f"{path}: expected a list, got {type(value).__name__}")
    return value


def _str(value: object, path: str) -> str:
    if not isinstance(value, str) or not value:
        raise WebhookFormatError(f"{path}: expected a non-empty string")
    return value


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _timestamp(value: object, path: str) -> datetime:
    """Unix seconds, sent by Meta as a string of digits."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise WebhookFormatError(f"{path}: expected Unix seconds as a string")
    text = str(value).strip()
    if not text.isdigit():
        raise WebhookFormatError(f"{path}: {value!r} is not Unix seconds")
    try:
        return datetime.fromtimestamp(int(text), UTC)
    except (OverflowError, OSError, ValueError):
        raise WebhookFormatError(f"{path}: {value!r} is out of range") from None
