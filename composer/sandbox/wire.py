"""What goes over the wire: the request/response the simulator speaks, and wamid ids.

Kept apart from the simulator so that the in-process transport and the HTTP server share one
definition of a request and of the JSON bytes they answer with.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from composer.sandbox.meta_errors import ErrorReply


@dataclass(frozen=True)
class SandboxRequest:
    """An HTTP request reduced to what the simulator reads; header names are lower-case."""

    method: str
    path: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""
    query: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SandboxResponse:
    status: int
    body: dict[str, Any]
    headers: Mapping[str, str] = field(default_factory=dict)

    def content(self) -> bytes:
        return json.dumps(self.body, separators=(",", ":")).encode()


def reply_for(error: ErrorReply) -> SandboxResponse:
    headers = {}
    if error.status == 401:
        headers["www-authenticate"] = 'OAuth "Facebook Platform" "invalid_token"'
    return SandboxResponse(error.status, error.body, headers)


def new_wamid(wa_id: str) -> str:
    """A unique id in the shape of real wamids (base64 of an opaque blob holding the wa_id)."""
    digits = wa_id.encode()[:255]
    blob = (
        b"\x1c\x18"
        + bytes([len(digits)])
        + digits
        + b"\x15\x02\x00\x11\x18\x12"
        + secrets.token_hex(9).upper().encode()
        + b"\x00"
    )
    return "wamid." + base64.b64encode(blob).decode()
