"""The payload step before a send: a header that names a local file is uploaded first.

The window's "local file" source (and a ``file://`` link in a CLI payload) cannot be sent as a
link; WhatsApp needs a media id. ``upload_local_header`` uploads the file through the same client
and returns the payload with ``{"id": ...}`` in place of the link, leaving the input untouched.
"""

from __future__ import annotations

import copy
import mimetypes
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import unquote, urlparse

from composer.rules.parts import LOCAL_FILE_SCHEME


class Uploader(Protocol):
    """The part of ``composer.graph.client.GraphClient`` this step uses."""

    def upload_media(self, path: Path, mime: str) -> str: ...


def _header_media(payload: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """(media kind, the media object) of the interactive header or of a template's header
    parameter (``components[type=header].parameters[0]``), when there is one."""
    interactive = payload.get("interactive")
    header = interactive.get("header") if isinstance(interactive, dict) else None
    template = payload.get("template")
    if not isinstance(header, dict) and isinstance(template, dict):
        headers = [
            c.get("parameters")
            for c in template.get("components") or ()
            if isinstance(c, dict) and str(c.get("type", "")).lower() == "header"
        ]
        header = headers[0][0] if headers and isinstance(headers[0], list) and headers[0] else None
    if not isinstance(header, dict):
        return None
    kind = header.get("type")
    media = header.get(kind) if isinstance(kind, str) else None
    return (str(kind), media) if isinstance(media, dict) else None


def local_header_file(payload: dict[str, Any]) -> tuple[str, Path] | None:
    """(media kind, path) when the header (interactive, or a template's) links a local file."""
    found = _header_media(payload)
    link = found[1].get("link") if found is not None else None
    if found is not None and isinstance(link, str) and link.startswith(LOCAL_FILE_SCHEME):
        return found[0], Path(unquote(urlparse(link).path))
    return None


def upload_local_header(client: Uploader, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload to send: unchanged, or with the uploaded media's id instead of its file link.

    Raises the client's GraphError (MediaError for a bad file) when the upload fails.
    """
    local = local_header_file(payload)
    if local is None:
        return payload
    _kind, path = local
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    media_id = client.upload_media(path, mime)
    sent = copy.deepcopy(payload)
    found = _header_media(sent)
    assert found is not None
    media = found[1]
    media.pop("link", None)
    media["id"] = media_id
    return sent
