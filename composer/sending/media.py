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


def local_header_file(payload: dict[str, Any]) -> tuple[str, Path] | None:
    """(media kind, path) when the interactive header links a local file, else None."""
    interactive = payload.get("interactive")
    header = interactive.get("header") if isinstance(interactive, dict) else None
    if not isinstance(header, dict):
        return None
    kind = header.get("type")
    media = header.get(kind) if isinstance(kind, str) else None
    link = media.get("link") if isinstance(media, dict) else None
    if isinstance(link, str) and link.startswith(LOCAL_FILE_SCHEME):
        return str(kind), Path(unquote(urlparse(link).path))
    return None


def upload_local_header(client: Uploader, payload: dict[str, Any]) -> dict[str, Any]:
    """The payload to send: unchanged, or with the uploaded media's id instead of its file link.

    Raises the client's GraphError (MediaError for a bad file) when the upload fails.
    """
    local = local_header_file(payload)
    if local is None:
        return payload
    kind, path = local
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    media_id = client.upload_media(path, mime)
    sent = copy.deepcopy(payload)
    header = sent["interactive"]["header"]
    header[kind] = {k: v for k, v in header[kind].items() if k != "link"} | {"id": media_id}
    return sent
