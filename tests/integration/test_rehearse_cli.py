"""``wa-composer rehearse`` end to end over loopback: the example bot runs as a process, the
CLI as another; exit 0 when the script holds, 1 with a report when an expectation fails, 2 for an
invalid script, an unreachable bot or a failed handshake; a 500 is retried with backoff."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from composer.webhooks.parsing import canonical_body, sign
from tests.core.rehearsal.bots import ScriptedBot

ROOT = Path(__file__).resolve().parents[2]
BOT = ROOT / "examples" / "menu_bot.py"
SCRIPT = ROOT / "examples" / "menu_bot.rehearsal.json"
SECRET = "rehearsal-secret"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WA_COMPOSER_")}
    return {**env, "WA_COMPOSER_APP_SECRET": SECRET, **extra}


class Bot:
    """The example bot as a subprocess on a free port, its Graph API the rehearsal's port."""

    def __init__(self, sandbox_port: int, **env: str) -> None:
        settings = {"GRAPH_URL": f"http://127.0.0.1:{sandbox_port}", "APP_SECRET": SECRET,
                    "PORT": "0", **env}  # fmt: skip
        self.proc = subprocess.Popen([sys.executable, str(BOT)], env={**os.environ, **settings},
                                     stdout=subprocess.PIPE, text=True)  # fmt: skip
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert "menu bot: webhook" in line, line
        self.url = line.split()[3].rstrip(",")

    def stop(self) -> None:
        self.proc.kill()
        self.proc.communicate(timeout=10)


@pytest.fixture
def sandbox_port() -> int:
    return _free_port()


@pytest.fixture
def bot(sandbox_port: int) -> Iterator[Bot]:
    running = Bot(sandbox_port)
    yield running
    running.stop()


def _rehearse(script: Path, webhook: str, port: int, *extra: str, **env: str) -> Any:
    return subprocess.run(
        [sys.executable, "-m", "composer", "rehearse", str(script), "--bot-webhook", webhook,
         "--port", str(port), *extra],
        cwd=ROOT, env=_env(**env), capture_output=True, text=True, timeout=90,
    )  # fmt: skip


def _script(tmp_path: Path, *steps: dict[str, Any]) -> Path:
    path = tmp_path / "script.json"
    path.write_text(json.dumps({"customer": "+16505550123", "steps": list(steps)}))
    return path


def test_the_example_bot_plays_its_script_to_exit_0(bot: Bot, sandbox_port: int) -> None:
    done = _rehearse(SCRIPT, bot.url, sandbox_port, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Sandbox (the bot's Graph base URL): http://127.0.0.1:{sandbox_port}" in done.stderr
    result = json.loads(done.stdout)
    assert result["passed"] is True and result["failure"] is None
    events = result["transcript"]
    assert events[0]["event"] == "handshake" and events[0]["ok"] is True
    sent = [e for e in events if e["event"] == "bot_message"]
    assert [e["payload"]["type"] for e in sent] == ["interactive", "interactive", "text"]
    assert all(e["accepted"] for e in sent)
    marks = [e for e in events if e["event"] == "read_mark"]
    assert len(marks) == 3 and all(m["typing"] and m["known"] for m in marks)
    kinds = [e["kind"] for e in events if e["event"] == "customer"]
    assert kinds == ["text", "button_reply", "list_reply"]


def test_the_default_output_is_one_line_per_step(bot: Bot, sandbox_port: int) -> None:
    done = _rehearse(SCRIPT, bot.url, sandbox_port)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Handshake with" in done.stdout and "ok  step 6: expect" in done.stdout
    assert "Every expectation held (6 steps)." in done.stdout


def test_a_broken_expectation_exits_1_with_the_report(
    bot: Bot, sandbox_port: int, tmp_path: Path
) -> None:
    script = _script(tmp_path, {"says": "hi"}, {"expect": {"interactive.type": "list"}})
    done = _rehearse(script, bot.url, sandbox_port)
    assert done.returncode == 1, done.stdout + done.stderr
    report = done.stdout
    assert 'Step 2 (expect {"interactive.type": "list"} within 10 s) failed' in report
    assert 'interactive.type: expected "list", got "button"' in report
    assert '"title": "See the menu"' in report  # what the bot sent
    assert "It was answering this webhook (text, wamid." in report and '"body": "hi"' in report


def test_an_unreachable_bot_exits_2(sandbox_port: int) -> None:
    done = _rehearse(SCRIPT, f"http://127.0.0.1:{_free_port()}/", sandbox_port)
    assert done.returncode == 2 and "unreachable (ConnectError)" in done.stderr


def test_a_wrong_verify_token_fails_the_handshake_with_exit_2(bot: Bot, sandbox_port: int) -> None:
    done = _rehearse(SCRIPT, bot.url, sandbox_port, WA_COMPOSER_VERIFY_TOKEN="not-the-bots")
    assert done.returncode == 2
    assert "handshake failed" in done.stderr and "HTTP 403" in done.stderr


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ('{"customer": "+16505550123", "steps": [{"says": "hi", "taps": "x"}]}', "steps[0]"),
        ('{"customer": "+1650', "not valid JSON"),
    ],
)
def test_an_invalid_script_exits_2(
    sandbox_port: int, tmp_path: Path, content: str, words: str
) -> None:
    script = tmp_path / "bad.json"
    script.write_text(content)
    done = _rehearse(script, "http://127.0.0.1:9/", sandbox_port)
    assert done.returncode == 2 and "invalid script" in done.stderr and words in done.stderr


def test_without_an_app_secret_it_exits_2(sandbox_port: int) -> None:
    done = _rehearse(SCRIPT, "http://127.0.0.1:9/", sandbox_port, WA_COMPOSER_APP_SECRET="")
    assert done.returncode == 2 and "WA_COMPOSER_APP_SECRET" in done.stderr


def test_a_500_is_retried_with_backoff_and_shown(sandbox_port: int, tmp_path: Path) -> None:
    def reply(message: dict[str, Any]) -> list[dict[str, Any]]:
        return [{"messaging_product": "whatsapp", "to": message["from"], "type": "text",
                 "text": {"body": "ok"}}]  # fmt: skip

    script = _script(tmp_path, {"says": "hi"}, {"expect": {"text.body": "ok"}})
    with ScriptedBot(verify_token="wa-composer", statuses=[500], reply=reply) as flaky:
        flaky.graph_url = f"http://127.0.0.1:{sandbox_port}"
        done = _rehearse(script, flaky.url, sandbox_port, "--json")
    assert done.returncode == 0, done.stdout + done.stderr
    events = json.loads(done.stdout)["transcript"]
    said = next(e for e in events if e["event"] == "customer")
    tries = [
        e for e in events if e["event"] == "delivery" and e["webhook_id"] == said["message_id"]
    ]
    assert [(t["attempt"], t["status"], t["retry_in"]) for t in tries] == [
        (1, 500, 1.0), (2, 200, None)]  # fmt: skip
    first, second = flaky.posts()
    assert second.at - first.at >= 1.0 and first.body == second.body


def test_a_bot_with_another_secret_refuses_every_post_and_the_expectation_fails(
    sandbox_port: int, tmp_path: Path
) -> None:
    wrong = Bot(sandbox_port, APP_SECRET="not-the-same-secret")
    try:
        script = _script(tmp_path, {"says": "hi"}, {"expect": {"type": "text"}, "within_s": 4})
        done = _rehearse(script, wrong.url, sandbox_port)
    finally:
        wrong.stop()
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the bot sent no message within 4 s" in done.stdout
    assert "attempt 1/3: HTTP 403" in done.stdout and "retried in 1 s" in done.stdout


def test_the_example_bot_checks_signatures_and_the_verify_token(bot: Bot) -> None:
    body = canonical_body({"object": "whatsapp_business_account", "entry": []})
    good = {"X-Hub-Signature-256": sign(body, SECRET), "Content-Type": "application/json"}
    bad = {**good, "X-Hub-Signature-256": sign(body, "other")}
    assert httpx.post(bot.url, content=body, headers=bad, timeout=5).status_code == 403
    assert httpx.post(bot.url, content=body, headers=good, timeout=5).status_code == 200
    hub = {"hub.mode": "subscribe", "hub.challenge": "12345"}
    wrong = httpx.get(bot.url, params={**hub, "hub.verify_token": "x"}, timeout=5)
    right = httpx.get(bot.url, params={**hub, "hub.verify_token": "wa-composer"}, timeout=5)
    assert wrong.status_code == 403 and (right.status_code, right.text) == (200, "12345")
