"""``wa-composer validate``: output formats and exit codes, via a real process and in-process."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from composer.cli import main
from composer.cli.validate import MAX_BYTES, validate_bytes
from tests.core.validation.rule_cases import INVALID, VALID, edit

ROOT = Path(__file__).parents[2]


def _write(tmp_path: Path, name: str, content: Any) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(json.dumps(content, ensure_ascii=False), "utf-8")
    return str(path)


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "composer", "validate", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


# --- real processes ----------------------------------------------------------------------------


def test_process_valid_file_exits_0_silently(tmp_path: Path) -> None:
    ok = _write(tmp_path, "ok.json", VALID["list_single_section"])
    proc = _run(ok)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, b"", b"")


def test_process_plain_line_format_and_exit_1(tmp_path: Path) -> None:
    bad = _write(tmp_path, "bad.json", INVALID[1]["payload"])  # button title 21 characters
    proc = _run(bad)
    assert proc.returncode == 1
    assert proc.stdout.decode() == (
        f"{bad}: error button.title_len interactive.action.buttons[0].reply.title: "
        'Button title "Yes, reserve it today" is 21 characters; the limit is 20.\n'
    )


def test_process_json_from_stdin() -> None:
    proc = _run("--json", "-", stdin=json.dumps(VALID["reaction_add"]).encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == [{"file": "<stdin>", "valid": True, "issues": []}]


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 64,
        b"[" * 10_000 + b"]" * 10_000,
        b'{"a":' * 10_000 + b"1" + b"}" * 10_000,
    ],
    ids=["binary", "deep-list", "deep-object"],
)
def test_process_unreadable_input_exits_2_without_traceback(tmp_path: Path, content: bytes) -> None:
    proc = _run(_write(tmp_path, "x.json", content))
    assert proc.returncode == 2
    assert b"Traceback" not in proc.stderr and proc.stderr == b""
    assert b"error file.not_json $: Not JSON" in proc.stdout


def test_process_50_megabyte_file(tmp_path: Path) -> None:
    huge = edit("text_with_formatting", ("text.body", "x" * (50 * 1024 * 1024)))
    proc = _run(_write(tmp_path, "huge.json", huge))
    assert proc.returncode == 1
    assert b"text.body_len text.body: Message text is 52428800 characters" in proc.stdout
    assert proc.stderr == b""


# --- in-process --------------------------------------------------------------------------------


def test_every_invalid_example_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = [_write(tmp_path, f"{e['name']}.json", e["payload"]) for e in INVALID]
    assert main(["validate", "--json", *files]) == 1
    results = json.loads(capsys.readouterr().out)
    assert [r["file"] for r in results] == files
    for entry, result in zip(INVALID, results, strict=True):
        assert result["valid"] is False
        errors = {i["rule"] for i in result["issues"] if i["severity"] == "error"}
        assert entry["rule"] in errors
        for issue in result["issues"]:
            assert set(issue) == {"rule", "path", "severity", "message"}


def test_warnings_only_is_valid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    warn = _write(tmp_path, "w.json", edit("reaction_add", ("to", "16505550123")))
    assert main(["validate", warn]) == 0
    assert capsys.readouterr().out.startswith(f"{warn}: warning envelope.to_plus to: ")


def test_json_that_is_not_an_object_is_an_error_exit_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [_write(tmp_path, f"{i}.json", doc) for i, doc in enumerate([[1, 2], "text", 3, None])]
    assert main(["validate", *files]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert all(" error payload.shape $: The message must be a JSON object" in x for x in lines)


def test_highest_exit_code_wins(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ok = _write(tmp_path, "ok.json", VALID["catalog_message"])
    bad = _write(tmp_path, "bad.json", INVALID[0]["payload"])
    missing = str(tmp_path / "missing.json")
    assert main(["validate", ok, bad]) == 1
    assert main(["validate", ok, bad, missing]) == 2
    assert main(["validate", str(tmp_path)]) == 2  # a directory cannot be read
    out = capsys.readouterr().out
    assert f"{missing}: error file.unreadable $: Cannot read the file: No such file" in out


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"", "Not JSON: the file is empty."),
        (b" \n\t", "Not JSON: the file is empty."),
        (b'{"a": NaN}', "Not JSON: NaN is not allowed in JSON"),
        (b'{"a": 1' + b"0" * 5000 + b"}", "Not JSON: a number has thousands of digits."),
        (b"\xff\xfe{}", "Not JSON: not UTF-8 text (byte 0)"),
        (
            b"{'single': 'quotes'}",
            "Not JSON: Expecting property name enclosed in double quotes at line 1, column 2.",
        ),
    ],
)
def test_not_json(data: bytes, fragment: str) -> None:
    result = validate_bytes("f", data)
    assert not result.readable and not result.valid
    assert result.issues[0].rule == "file.not_json"
    assert result.issues[0].message.startswith(fragment)
    assert "sys." not in result.issues[0].message  # no Python internals in front of an agent


def test_size_cap_and_bom() -> None:
    assert validate_bytes("f", b" " * (MAX_BYTES + 1)).issues[0].rule == "file.too_large"
    bom = b"\xef\xbb\xbf" + json.dumps(VALID["location_request"]).encode()
    assert validate_bytes("f", bom).valid


def test_stdin_dash(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.dumps(INVALID[1]["payload"]).encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["validate", "-"]) == 1
    assert capsys.readouterr().out.startswith("<stdin>: error button.title_len ")


def test_control_characters_stay_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = edit("reaction_add", ("reaction.bad\nkey", 1))
    assert main(["validate", _write(tmp_path, "c.json", doc)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "bad\\nkey" in lines[0]


def test_help_documents_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["validate", "--help"])
    text = capsys.readouterr().out
    assert "Exit status: 0" in text and "not a message object" in text and '"-"' in text


def test_unwritable_output_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    """stdout on a full disk (/dev/full on Linux): exit 2 with a sentence on stderr."""
    bad = _write(tmp_path, "bad.json", INVALID[1]["payload"])
    ok = _write(tmp_path, "ok.json", VALID["list_single_section"])
    with open("/dev/full", "w") as full:
        failed = subprocess.run(
            [sys.executable, "-m", "composer", "validate", bad],
            stdout=full, stderr=subprocess.PIPE, cwd=ROOT, timeout=120, check=False,
        )  # fmt: skip
        clean = subprocess.run(
            [sys.executable, "-m", "composer", "validate", ok],
            stdout=full, stderr=subprocess.PIPE, cwd=ROOT, timeout=120, check=False,
        )  # fmt: skip
    assert failed.returncode == 2 and b"Traceback" not in failed.stderr
    assert b"cannot write the report: No space left on device" in failed.stderr
    assert (clean.returncode, clean.stderr) == (0, b"")  # nothing to write, nothing to fail


def test_a_file_with_thousands_of_issues_reports_1000_and_counts_the_rest() -> None:
    from composer.cli.validate import MAX_ISSUES, validate_bytes

    rows = [{"id": "", "title": "x" * 30} for _ in range(2000)]
    body = {
        "messaging_product": "whatsapp", "to": "+15550100001", "type": "interactive",
        "interactive": {"type": "list", "body": {"text": "b"},
                        "action": {"button": "b", "sections": [{"title": "s", "rows": rows}]}},
    }  # fmt: skip
    result = validate_bytes("many.json", json.dumps(body).encode())
    assert len(result.issues) == MAX_ISSUES + 1
    last = result.issues[-1]
    assert last.rule == "validate.more" and last.severity.value == "error"
    assert re.fullmatch(r"\.\.\. and [\d,]+ more issues not shown\.", last.message)
    assert not result.valid
