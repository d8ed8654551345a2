"""Three processes, one history: ``wa-composer sandbox --webhook-url`` posts its signed status
webhooks to ``wa-composer webhook``, and a ``wa-composer send`` through the sandbox ends up
``read`` in the shared SQLite history (WAL, written by two processes)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from composer.sandbox import OPEN_CONTACT, SANDBOX_PHONE_NUMBER_ID
from composer.storage.history import Store
from tests.examples import examples

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = examples()


def _cli(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "composer", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _first_url(proc: subprocess.Popen[str], marker: str) -> str:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    assert marker in line, line
    return next(word for word in line.split() if word.startswith("http://"))


def _stop(proc: subprocess.Popen[str]) -> str:
    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
    try:
        out, _err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _err = proc.communicate()
    return out


def test_send_through_the_sandbox_server_reaches_read(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WA_COMPOSER_")}
    env.update(
        WA_COMPOSER_HOME=str(tmp_path),
        WA_COMPOSER_APP_SECRET="three-process-secret",
        WA_COMPOSER_VERIFY_TOKEN="three-process-token",
        WA_COMPOSER_TOKEN="any-token-the-sandbox-accepts",
    )
    receiver = _cli(env, "webhook", "--port", "0")
    sandbox = None
    try:
        hook_url = _first_url(receiver, "Receiving webhooks at")
        sandbox = _cli(env, "sandbox", "--port", "0", "--webhook-url", hook_url)
        sandbox_url = _first_url(sandbox, "WA Composer sandbox at").rstrip("/")
        added = subprocess.run(
            [sys.executable, "-m", "composer", "profile", "add", "local",
             "--phone-number-id", SANDBOX_PHONE_NUMBER_ID, "--base-url", sandbox_url],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        body = tmp_path / "message.json"
        body.write_text(json.dumps(EXAMPLES["list_single_section"]), "utf-8")
        sent = subprocess.run(
            [sys.executable, "-m", "composer", "send", "--profile", "local",
             "--to", OPEN_CONTACT.number, "--json", str(body)],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        result = json.loads(sent.stdout)
        assert result["ok"] and result["sandbox"] is False, sent.stdout + sent.stderr
        wamid = result["wamid"]
        deadline = time.monotonic() + 15
        with Store(tmp_path / "data" / "composer.sqlite3") as store:
            while True:
                record = store.find_by_wamid(wamid)
                assert record is not None
                if record.status == "read" or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            assert record.status == "read"
            assert set(record.status_times) == {"sent", "delivered", "read"}
    finally:
        if sandbox is not None:
            _stop(sandbox)
        printed = _stop(receiver)
    assert f"sent {wamid}" in printed and f"read {wamid}" in printed
    assert "three-process" not in printed
