"""Checking a ``POST /{pnid}/media`` upload the way the Cloud API does (spec 15).

The multipart body is parsed with the standard library's e-mail parser (multipart/form-data is a
MIME multipart). The MIME type comes from the ``type`` field, else from the file part's own
Content-Type; it must be one of ``composer.limits.MEDIA_KINDS`` and the file must fit that kind's
size limit.
"""

from __future__ import annotations

from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP

from composer import limits
from composer.sandbox.meta_errors import ErrorReply, graph_error

_ALL_MIME = tuple(m for kind in limits.MEDIA_KINDS.values() for m in kind.mime_types)


def _kind_for(mime: str) -> limits.MediaKind | None:
    for kind in limits.MEDIA_KINDS.values():
        if mime in kind.mime_types:
            return kind
    return None


def _fields(content_type: str, body: bytes) -> dict[str, Message] | None:
    if not content_type.lower().startswith("multipart/form-data"):
        return None
    raw = b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    message = BytesParser(policy=HTTP).parsebytes(raw)
    if not message.is_multipart():
        return None
    parts: dict[str, Message] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if isinstance(name, str):
            parts[name] = part
    return parts


def _text(part: Message | None) -> str | None:
    if part is None:
        return None
    payload = part.get_payload(decode=True)
    return payload.decode("utf-8", "replace").strip() if isinstance(payload, bytes) else None


def parse_upload(content_type: str, body: bytes) -> tuple[str, int] | ErrorReply:
    """(MIME type, size in bytes) of an acceptable upload, or the error the API would answer."""
    parts = _fields(content_type, body)
    if parts is None:
        return graph_error(100, "The request must be multipart/form-data with a file part.")
    if _text(parts.get("messaging_product")) is None:
        return graph_error(131008, "The parameter messaging_product is required.")
    if _text(parts.get("messaging_product")) != "whatsapp":
        return graph_error(100, "Param messaging_product must be 'whatsapp'.")
    file_part = parts.get("file")
    if file_part is None:
        return graph_error(131008, "The parameter file is required.")
    data = file_part.get_payload(decode=True)
    size = len(data) if isinstance(data, bytes) else 0
    mime = _text(parts.get("type")) or file_part.get_content_type()
    kind = _kind_for(mime)
    if kind is None:
        return graph_error(
            100,
            "Param file must be a file with one of the following types: "
            f"{', '.join(_ALL_MIME)}. Received file of type '{mime}'.",
        )
    if size == 0:
        return graph_error(131053, "The uploaded file is empty.")
    if size > kind.max_bytes:
        return graph_error(
            131053,
            f"File is too big: {size} bytes; the maximum for {mime} ({kind.name}) is "
            f"{kind.max_bytes} bytes.",
        )
    return mime, size
