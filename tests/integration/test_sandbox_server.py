"""The sandbox over real HTTP on loopback: raw httpx, the app's GraphClient, signed status
webhooks into the real webhook receiver, and the ``wa-composer sandbox`` process."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from composer.accounts import Profile
from composer.graph.client import GraphClient
from composer.graph.errors import GraphError
from composer.sandbox import (
    CLOSED_CONTACT,
    NOT_ON_WHATSAPP_CONTACT,
    OPEN_CONTACT,
    SANDBOX_PHONE_NUMBER_ID,
    Sandbox,
    SandboxServer,
    StatusDelays,
    serve,
)
from composer.sandbox.webhooks_out import WebhookPoster
from composer.storage.history import Store
from composer.webhooks.recorder import WebhookRecorder
from composer.webhooks.server import WebhookServer
from tests.examples import example

ROOT = Path(__file__).resolve().parents[2]
AUTH = {"Authorization": "Bearer sandbox-test-token"}
FAST = StatusDelays(sent=0.02, delivered=0.05, read=0.1)


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with serve(sandbox=Sandbox(delays=StatusDelays(None, None, None))) as running:
        yield running


def test_raw_http_success_error_info_and_auth(server: SandboxServer) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    with httpx.Client(base_url=server.url, timeout=10) as http:
        url = f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages"
        ok = http.post(url, json=example("list_single_section", OPEN_CONTACT.number), headers=AUTH)
        assert ok.status_code == 200 and ok.headers["content-type"].startswith("application/json")
        assert ok.json()["messages"][0]["id"].startswith("wamid.")
        closed = http.post(
            url, json=example("location_request", CLOSED_CONTACT.number), headers=AUTH
        )
        assert closed.status_code == 400 and closed.json()["error"]["code"] == 131047
        assert http.post(url, json={}, headers={}).status_code == 401
        info = http.get(f"/{SANDBOX_PHONE_NUMBER_ID}", headers=AUTH)
        assert info.json()["verified_name"] == "WA Composer Sandbox"
        upload = http.post(
            f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/media",
            data={"messaging_product": "whatsapp", "type": "image/png"},
            files={"file": ("banner.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")},
            headers=AUTH,
        )
        assert upload.status_code == 200 and upload.json()["id"].isdigit()


def test_oversized_body_is_refused_before_reading() -> None:
    with serve(sandbox=Sandbox(delays=StatusDelays(None, None, None)), max_body_bytes=1000) as s:
        r = httpx.post(
            f"{s.url}/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages",
            content=b"x" * 5000,
            headers=AUTH,
            timeout=10,
        )
        assert r.status_code == 413 and r.json()["error"]["code"] == 131053


def test_graph_client_against_the_sandbox_server(server: SandboxServer, tmp_path: Path) -> None:
    profile = Profile("loopback", SANDBOX_PHONE_NUMBER_ID, base_url=server.url)
    with GraphClient(profile, "sandbox-test-token") as client:
        info = client.phone_number_info()
        assert info.verified_name == "WA Composer Sandbox"
        assert info.display_phone_number == "+1 555 0100 000"
        result = client.send_message(example("reply_buttons_text_header", OPEN_CONTACT.number))
        assert result.wamid.startswith("wamid.") and result.wa_id == "15550100001"
        for contact, code in ((CLOSED_CONTACT, 131047), (NOT_ON_WHATSAPP_CONTACT, 131026)):
            with pytest.raises(GraphError) as caught:
                client.send_message(example("reply_buttons_text_header", contact.number))
            assert caught.value.code == code and caught.value.fbtrace_id
        bad = example("reply_buttons_text_header", OPEN_CONTACT.number)
        bad["interactive"]["action"]["buttons"][1]["reply"]["title"] = "A title far too long!"
        with pytest.raises(GraphError) as caught:
            client.send_message(bad)
        assert caught.value.code == 131009
        assert caught.value.field_path == "interactive.action.buttons[1].reply.title"
        image = tmp_path / "banner.png"
        image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        media_id = client.upload_media(image, "image/png")
        assert server.sandbox.media(media_id) == ("image/png", image.stat().st_size)


def test_status_webhooks_reach_the_receiver_and_the_history(tmp_path: Path) -> None:
    """End to end: send, the sandbox POSTs signed statuses, the receiver records them."""
    secret = "sandbox-app-secret"
    with Store(tmp_path / "history.sqlite3") as store:
        receiver = WebhookServer(WebhookRecorder(store), app_secret=secret, verify_token="v")
        with receiver.start(), serve(sandbox=Sandbox(delays=FAST)) as server:
            poster = WebhookPoster(receiver.url, secret)
            server.sandbox.add_status_listener(poster)
            profile = Profile("loopback", SANDBOX_PHONE_NUMBER_ID, base_url=server.url)
            body = example("list_single_section", OPEN_CONTACT.number)
            with GraphClient(profile, "sandbox-test-token") as client:
                wamid = client.send_message(body).wamid
            store.record_send(
                profile="loopback",
                recipient=OPEN_CONTACT.number,
                payload=body,
                outcome="accepted",
                wamid=wamid,
            )
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                record = store.find_by_wamid(wamid)
                # the receiver records a status before the poster's POST returns and counts it
                done = poster.delivered + poster.failed >= 3
                if record is not None and record.status == "read" and done:
                    break
                time.sleep(0.05)
            poster.close()
        record = store.find_by_wamid(wamid)
        assert record is not None and record.status == "read"
        assert set(record.status_times) == {"sent", "delivered", "read"}
        assert record.status_times["sent"] <= record.status_times["delivered"]
        assert record.status_times["delivered"] <= record.status_times["read"]
        assert poster.delivered == 3 and poster.failed == 0


def test_a_wrong_secret_is_rejected_by_the_receiver(tmp_path: Path) -> None:
    with Store(tmp_path / "history.sqlite3") as store:
        receiver = WebhookServer(WebhookRecorder(store), app_secret="right", verify_token="v")
        with receiver.start():
            poster = WebhookPoster(receiver.url, "wrong")
            poster({"object": "whatsapp_business_account", "entry": []})
            poster.close()
        assert poster.failed == 1 and poster.delivered == 0
        assert "wrong" not in repr(poster)


def _start_cli(*extra: str) -> tuple[subprocess.Popen[str], str]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "composer", "sandbox", "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("WA Composer sandbox at http://127.0.0.1:"), first
    return proc, first.rsplit(" ", 1)[1].strip()


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_cli_serves_until_signalled(signum: int) -> None:
    proc, url = _start_cli()
    try:
        with httpx.Client(base_url=url, timeout=10) as http:
            info = http.get(f"/{SANDBOX_PHONE_NUMBER_ID}", headers=AUTH)
            assert info.status_code == 200
            sent = http.post(
                f"/v24.0/{SANDBOX_PHONE_NUMBER_ID}/messages",
                json=example("location_request", OPEN_CONTACT.number),
                headers=AUTH,
            )
            assert sent.status_code == 200
        proc.send_signal(signum)
        proc.wait(timeout=15)
        assert proc.stdout is not None and proc.stderr is not None
        out, err = proc.stdout.read(), proc.stderr.read()  # small: no pipe can fill up
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pipe in (proc.stdout, proc.stderr):
            if pipe is not None:
                pipe.close()
    assert proc.returncode == 0, err
    assert "+15550100003  Chloé Martin" in out and "Sandbox stopped." in out
    assert "Traceback" not in err
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/{SANDBOX_PHONE_NUMBER_ID}", headers=AUTH, timeout=2)


def test_cli_refuses_webhook_url_without_secret() -> None:
    env = {k: v for k, v in os.environ.items() if k != "WA_COMPOSER_APP_SECRET"}
    done = subprocess.run(
        [sys.executable, "-m", "composer", "sandbox", "--webhook-url", "http://127.0.0.1:9/"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=30,
    )
    assert done.returncode == 2
    assert "WA_COMPOSER_APP_SECRET" in done.stderr and "Traceback" not in done.stderr


def test_cli_port_in_use_or_out_of_range_is_a_clear_message() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        for value, expected in ((str(port), "Address already in use"), ("70000", "0-65535")):
            done = subprocess.run(
                [sys.executable, "-m", "composer", "sandbox", "--port", value],
                capture_output=True,
                text=True,
                cwd=ROOT,
                timeout=30,
            )
            assert done.returncode == 2 and expected in done.stderr, done.stderr
            assert "Traceback" not in done.stderr
