"""Meta's webhooks: parsing, signature-checked receiving server, the recorder that feeds the
store, pasted-JSON import, and the reply builders the preview uses for taps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from composer.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from composer.webhooks.config import (
        APP_SECRET_ENV,
        DEFAULT_PORT,
        NO_KEYRING_FOR_SECRETS,
        SECRET_NAMES,
        VERIFY_TOKEN_ENV,
        resolve_secrets,
    )
    from composer.webhooks.parsing import (
        KNOWN_STATUSES,
        OBJECT_TYPE,
        SIGNATURE_HEADER,
        ErrorNotice,
        InboundMessage,
        StatusUpdate,
        WebhookEvent,
        WebhookFormatError,
        canonical_body,
        handshake,
        parse,
        parse_bytes,
        sign,
        verify_signature,
    )
    from composer.webhooks.recorder import (
        RecordResult,
        WebhookRecorder,
        describe_result,
        error_record,
        import_pasted,
        parse_pasted,
    )
    from composer.webhooks.replies import (
        DEFAULT_CONTEXT,
        ReplyError,
        WebhookContext,
        button_reply_webhook,
        list_reply_webhook,
        location_reply_webhook,
    )
    from composer.webhooks.server import (
        IDLE_TIMEOUT_SECONDS,
        MAX_BODY_BYTES,
        ServerStats,
        WebhookServer,
    )

_HOMES = {
    "config": (
        "APP_SECRET_ENV",
        "DEFAULT_PORT",
        "NO_KEYRING_FOR_SECRETS",
        "SECRET_NAMES",
        "VERIFY_TOKEN_ENV",
        "resolve_secrets",
    ),
    "parsing": (
        "ErrorNotice",
        "InboundMessage",
        "KNOWN_STATUSES",
        "OBJECT_TYPE",
        "SIGNATURE_HEADER",
        "StatusUpdate",
        "WebhookEvent",
        "WebhookFormatError",
        "canonical_body",
        "handshake",
        "parse",
        "parse_bytes",
        "sign",
        "verify_signature",
    ),
    "recorder": (
        "RecordResult",
        "WebhookRecorder",
        "describe_result",
        "error_record",
        "import_pasted",
        "parse_pasted",
    ),
    "replies": (
        "DEFAULT_CONTEXT",
        "ReplyError",
        "WebhookContext",
        "button_reply_webhook",
        "list_reply_webhook",
        "location_reply_webhook",
    ),
    "server": (
        "IDLE_TIMEOUT_SECONDS",
        "MAX_BODY_BYTES",
        "ServerStats",
        "WebhookServer",
    ),
}
__getattr__, __dir__ = lazy_exports(__name__, _HOMES)

__all__ = [
    "APP_SECRET_ENV",
    "DEFAULT_CONTEXT",
    "DEFAULT_PORT",
    "IDLE_TIMEOUT_SECONDS",
    "KNOWN_STATUSES",
    "MAX_BODY_BYTES",
    "NO_KEYRING_FOR_SECRETS",
    "OBJECT_TYPE",
    "SECRET_NAMES",
    "SIGNATURE_HEADER",
    "VERIFY_TOKEN_ENV",
    "ErrorNotice",
    "InboundMessage",
    "RecordResult",
    "ReplyError",
    "ServerStats",
    "StatusUpdate",
    "WebhookContext",
    "WebhookEvent",
    "WebhookFormatError",
    "WebhookRecorder",
    "WebhookServer",
    "button_reply_webhook",
    "canonical_body",
    "describe_result",
    "error_record",
    "handshake",
    "import_pasted",
    "list_reply_webhook",
    "location_reply_webhook",
    "parse",
    "parse_bytes",
    "parse_pasted",
    "resolve_secrets",
    "sign",
    "verify_signature",
]
