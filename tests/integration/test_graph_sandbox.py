"""GraphClient against the sandbox: over loopback HTTP (serve) and in-process (SandboxTransport).

Both paths must give the same mapped errors as the real Cloud API would.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from composer.accounts import Profile, sandbox_profile
from composer.graph import errors as E
from composer.graph.client import GraphClient
from composer.sandbox import (
    CLOSED_CONTACT,
    NOT_ON_WHATSAPP_CONTACT,
    OPEN_CONTACT,
    SANDBOX_PHONE_NUMBER_ID,
    SANDBOX_VERIFIED_NAME,
    Sandbox,
    SandboxTransport,
    serve,
)
from tests.examples import example

ANY_TOKEN = "sandbox-accepts-any-token"


def message(to: str) -> dict[str, Any]:
    return example("reply_buttons_text_header", to)


@pytest.fixture(params=["loopback", "in-process"])
def client(request: pytest.FixtureRequest) -> Iterator[GraphClient]:
    if request.param == "loopback":
        server = serve()
        profile = Profile("local", SANDBOX_PHONE_NUMBER_ID, base_url=server.url)
        with GraphClient(profile, ANY_TOKEN) as graph:
            yield graph
        server.close()
    else:
        with Sandbox() as sandbox:
            transport = SandboxTransport(sandbox)
            with GraphClient(sandbox_profile(), ANY_TOKEN, transport=transport) as graph:
                yield graph


def test_open_window_contact_is_accepted(client: GraphClient) -> None:
    result = client.send_message(message(OPEN_CONTACT.number))
    assert result.wamid.startswith("wamid.") and result.wa_id == OPEN_CONTACT.wa_id


def test_closed_window_is_131047(client: GraphClient) -> None:
    with pytest.raises(E.WindowClosedError) as caught:
        client.send_message(message(CLOSED_CONTACT.number))
    assert caught.value.code == 131047 and "template" in caught.value.next_step


def test_not_on_whatsapp_is_131026(client: GraphClient) -> None:
    with pytest.raises(E.RecipientError) as caught:
        client.send_message(message(NOT_ON_WHATSAPP_CONTACT.number))
    assert caught.value.code == 131026


def test_too_long_button_title_points_at_the_field(client: GraphClient) -> None:
    payload = message(OPEN_CONTACT.number)
    payload["interactive"]["action"]["buttons"][1]["reply"]["title"] = "x" * 21
    with pytest.raises(E.InvalidParameterError) as caught:
        client.send_message(payload)
    assert caught.value.code == 131009
    assert caught.value.field_path == "interactive.action.buttons[1].reply.title"


def test_test_connection_and_media_upload(client: GraphClient, tmp_path: Path) -> None:
    info = client.phone_number_info()
    assert info.verified_name == SANDBOX_VERIFIED_NAME
    image = tmp_path / "h.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    assert client.upload_media(image, "image/png")
