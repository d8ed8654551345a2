"""Sending from the window: upload any local header file, POST the payload, record the outcome.

Runs on a worker thread through ``TaskRunner``; the window gets ``SendOutcome`` back on the UI
thread. The payload is built from the very message object the preview shows.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

from composer.validation.parts import LOCAL_FILE_SCHEME as FILE_SCHEME

if TYPE_CHECKING:
    from composer.accounts import Profile
    from composer.messages import Message
    from ui.services import Services


@dataclass(frozen=True)
class SendOutcome:
    """What the send bar shows: a wamid, or an error with its explanation and field."""

    ok: bool
    wamid: str | None
    title: str
    text: str
    field_path: str | None = None
    outcome: str = "accepted"


def _local_header_file(payload: dict[str, Any]) -> tuple[str, Path] | None:
    header = payload.get("interactive", {}).get("header")
    if not isinstance(header, dict):
        return None
    kind = header.get("type")
    media = header.get(kind) if isinstance(kind, str) else None
    link = media.get("link") if isinstance(media, dict) else None
    if isinstance(link, str) and link.startswith(FILE_SCHEME):
        return str(kind), Path(unquote(urlparse(link).path))
    return None


def send_message(services: Services, profile: Profile, msg: Message) -> SendOutcome:
    """Blocking: meant for a worker thread. Never raises for an expected failure."""
    from composer.credentials import CredentialsError, resolve_token
    from composer.graph.client import GraphClient
    from composer.graph.errors import GraphError
    from composer.payload.writer import to_payload

    payload = to_payload(msg)
    transport = None
    if profile.is_sandbox:
        from composer.sandbox import SandboxTransport

        transport = SandboxTransport(services.sandbox())
        token = "sandbox"  # the in-process sandbox accepts any bearer token  # noqa: S105
    else:
        try:
            token = resolve_token(profile, services.tokens())
        except CredentialsError as exc:
            return SendOutcome(False, None, "No access token", str(exc), outcome="not sent")
    store = services.store()
    try:
        with GraphClient(profile, token, transport=transport) as client:
            local = _local_header_file(payload)
            if local is not None:
                kind, path = local
                mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                media_id = client.upload_media(path, mime)
                payload["interactive"]["header"][kind] = {
                    k: v for k, v in payload["interactive"]["header"][kind].items() if k != "link"
                } | {"id": media_id}
            result = client.send_message(payload)
    except GraphError as err:
        outcome = "unknown" if err.delivery_unknown else "failed"
        store.record_send(
            profile=profile.name, recipient=msg.to, payload=payload, outcome=outcome,
            wamid=None, error=err.to_dict(),
        )  # fmt: skip
        from composer.window.facts import note_send_error

        note_send_error(store, msg.to, err.code, services.clock())  # a 131047 closes the window
        text = err.describe()
        return SendOutcome(False, None, err.title, text, err.field_path, outcome)
    store.record_send(
        profile=profile.name, recipient=msg.to, payload=payload, outcome="accepted",
        wamid=result.wamid,
    )  # fmt: skip
    return SendOutcome(True, result.wamid, "Accepted", f"Accepted by WhatsApp: {result.wamid}")
