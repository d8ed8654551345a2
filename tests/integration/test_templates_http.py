"""Templates over real HTTP: the loopback sandbox's message_templates edge read page by page by
the app's GraphClient; the real commands (child processes) listing templates and sending
template and interactive payloads through a profile pointed at it; a demo template paused with
``wa-composer sandbox template-status``, its webhook signed to the real receiver, the cached
library following it, and the next send of it refused before any request (exit 2)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from composer.accounts import Profile
from composer.graph.client import GraphClient
from composer.graph.errors import GraphError, TemplateError
from composer.sandbox import (
    CLOSED_CONTACT,
    SANDBOX_PHONE_NUMBER_ID,
    SANDBOX_WABA_ID,
    Sandbox,
    StatusDelays,
    serve,
)
from composer.sandbox.templates import TemplateBook
from composer.sandbox.webhooks_out import WebhookPoster
from composer.storage.history import Store
from composer.templates.cache import TemplateCaches, cache_path, read_cache
from composer.webhooks.recorder import WebhookRecorder
from composer.webhooks.server import WebhookServer
from tests.examples import example

ROOT = Path(__file__).resolve().parents[2]
SECRET = "templates-e2e-secret"
QUIET = StatusDelays(None, None, None)
REMINDER = {
    "messaging_product": "whatsapp",
    "type": "template",
    "template": {
        "name": "appointment_reminder",
        "language": {"code": "en_US"},
        "components": [{"type": "body", "parameters": [
            {"type": "text", "text": "Chloé"}, {"type": "text", "text": "Friday at 9:00"}]}],
    },
}  # fmt: skip


def test_graph_client_reads_every_page_over_http() -> None:
    records = [{"id": str(900 + i), "name": f"t_{i}", "language": "en_US"} for i in range(250)]
    sandbox = Sandbox(delays=QUIET)
    sandbox.templates.book = TemplateBook(records)
    with serve(sandbox=sandbox) as server:
        profile = Profile("local", SANDBOX_PHONE_NUMBER_ID, SANDBOX_WABA_ID, base_url=server.url)
        with GraphClient(profile, "any-token") as client:
            items = client.list_templates(SANDBOX_WABA_ID)
            assert [i["name"] for i in items] == [f"t_{i}" for i in range(250)]  # 3 pages of 100
            with pytest.raises(GraphError) as unknown:
                client.list_templates("999999999999999")
            assert unknown.value.code == 100
            missing = {"name": "t_1", "language": {"code": "fr_FR"}}
            with pytest.raises(TemplateError) as absent:
                client.send_message({"messaging_product": "whatsapp", "to": "+15550100001",
                                     "type": "template", "template": missing})  # fmt: skip
            assert absent.value.http_status == 404 and absent.value.field_path == "template.name"


def cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "WA_COMPOSER_HOME": str(home), "WA_COMPOSER_TOKEN": "any-token"}
    return subprocess.run([sys.executable, "-m", "composer", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60)  # fmt: skip


@pytest.fixture
def rig(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str, Store]]:
    """A loopback sandbox posting its webhooks, signed, to a real receiver that records them and
    updates the template caches of WA_COMPOSER_HOME; a profile ``local`` pointing at it."""
    home = tmp_path / "home"
    monkeypatch.setenv("WA_COMPOSER_HOME", str(home))
    with Store(tmp_path / "receiver.sqlite3") as store:
        recorder = WebhookRecorder(store, templates=TemplateCaches())
        with WebhookServer(recorder, app_secret=SECRET, verify_token="t") as receiver:
            sandbox = Sandbox(delays=StatusDelays(sent=0.05, delivered=0.1, read=0.15))
            poster = WebhookPoster(receiver.url, SECRET)
            sandbox.add_status_listener(poster)
            with serve(sandbox=sandbox) as server:
                added = cli(home, "profile", "add", "local", "--phone-number-id",
                            SANDBOX_PHONE_NUMBER_ID, "--waba-id", SANDBOX_WABA_ID,
                            "--base-url", server.url)  # fmt: skip
                assert added.returncode == 0, added.stderr
                try:
                    yield home, server.url, store
                finally:
                    poster.close()


def write(home: Path, name: str, body: dict[str, Any]) -> str:
    path = home.parent / name
    path.write_text(json.dumps(body), encoding="utf-8")
    return str(path)


def wait_for(check: Any, seconds: float = 10.0) -> None:
    end = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < end, "timed out"
        time.sleep(0.05)


def test_list_send_pause_follow_and_refuse(rig: tuple[Path, str, Store]) -> None:
    home, url, _ = rig
    listed = cli(home, "templates", "list", "--profile", "local", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 7 and "read from the account" in listed.stderr
    template = write(home, "reminder.json", REMINDER)
    sent = cli(home, "send", template, "--profile", "local", "--to", CLOSED_CONTACT.number)
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.strip().startswith("wamid.")
    interactive = write(home, "list.json", example("list_single_section", CLOSED_CONTACT.number))
    closed = cli(home, "send", interactive, "--profile", "local", "--json")
    assert closed.returncode == 1 and json.loads(closed.stdout)["error"]["code"] == 131047

    paused = cli(home, "sandbox", "template-status", "appointment_reminder", "PAUSED",
                 "--url", url)  # fmt: skip
    assert paused.returncode == 0, paused.stderr

    def cache_paused() -> bool:
        library = read_cache(cache_path("local")).library
        found = library.get("appointment_reminder", "en_US") if library else None
        return found is not None and found.status == "PAUSED"

    wait_for(cache_paused)  # the webhook reached the receiver, which updated the cache
    refused = cli(home, "send", template, "--profile", "local", "--to", CLOSED_CONTACT.number,
                  "--json")  # fmt: skip
    result = json.loads(refused.stdout)
    assert refused.returncode == 2 and result["outcome"] == "invalid"
    assert "paused" in result["error"]["explanation"] and result["wamid"] is None
    history = Store(home / "data" / "composer.sqlite3")
    assert len(history.history()) == 2  # the template and the 131047: nothing for the refusal
    history.close()
    fresh = cli(home, "templates", "list", "--profile", "local", "--refresh")
    assert "PAUSED" in next(line for line in fresh.stdout.splitlines()
                            if line.startswith("appointment_reminder"))  # fmt: skip


def test_marketing_stop_is_recorded_and_blocks_marketing_templates(
    rig: tuple[Path, str, Store],
) -> None:
    home, url, store = rig
    assert cli(home, "templates", "list", "--profile", "local").returncode == 0  # a cache
    stop = cli(home, "sandbox", "marketing", "+15550100001", "stop", "--url", url)
    assert stop.returncode == 0, stop.stderr
    wait_for(lambda: store.marketing_preference("+15550100001") is not None)
    said = store.marketing_preference("+15550100001")
    assert said is not None and said.stopped and said.name == "Ana Souza"
