"""The drafts store: atomic files, the autosave slot and the named library."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from composer.storage.atomic_file import atomic_write_json
from composer.storage.drafts import DraftError, DraftStore

PAYLOAD = {"kind": "button", "payload": {"type": "interactive", "to": "+15550100001"}}


T0 = datetime(2026, 12, 1, 10, 15, tzinfo=UTC)


def test_current_slot_round_trip(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    assert store.load_current() is None
    store.save_current(PAYLOAD)
    assert store.load_current() == PAYLOAD
    store.save_current({"kind": "list"})
    assert DraftStore(tmp_path).load_current() == {"kind": "list"}


def test_default_directory_honours_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WA_COMPOSER_HOME", str(tmp_path))
    store = DraftStore()
    store.save_current(PAYLOAD)
    assert (tmp_path / "data" / "drafts" / "current.json").is_file()


def test_unreadable_current_is_none(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    (tmp_path / "current.json").write_text("{torn", encoding="utf-8")
    assert store.load_current() is None


def test_atomic_write_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    for i in range(5):
        atomic_write_json(target, {"i": i})
    assert json.loads(target.read_text()) == {"i": 4}
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_failed_write_keeps_old_content(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    atomic_write_json(target, {"ok": True})
    with pytest.raises(TypeError):
        atomic_write_json(target, {"bad": object()})
    assert json.loads(target.read_text()) == {"ok": True}
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


def test_library_save_open_rename_duplicate_delete(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    assert store.save_as("  Shipping list ", PAYLOAD) == "Shipping list"
    assert store.open("Shipping list").data == PAYLOAD
    with pytest.raises(DraftError, match="already exists"):
        store.save_as("Shipping list", {})
    store.save_as("Shipping list", {"kind": "list"}, overwrite=True)
    assert store.open("Shipping list").data == {"kind": "list"}

    assert store.rename("Shipping list", "Ship v2") == "Ship v2"
    assert not store.exists("Shipping list")
    assert store.duplicate("Ship v2") == "Ship v2 copy"
    assert store.duplicate("Ship v2") == "Ship v2 copy 2"
    names = {info.name for info in store.library()}
    assert names == {"Ship v2", "Ship v2 copy", "Ship v2 copy 2"}
    assert {info.kind for info in store.library()} == {"list"}

    store.delete("Ship v2 copy")
    assert {i.name for i in store.library()} == {"Ship v2", "Ship v2 copy 2"}
    with pytest.raises(DraftError, match="no draft named"):
        store.open("Ship v2 copy")


def test_rename_onto_existing_is_refused(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save_as("a", {"n": 1})
    store.save_as("b", {"n": 2})
    with pytest.raises(DraftError, match="already exists"):
        store.rename("a", "b")
    assert store.open("b").data == {"n": 2}


@pytest.mark.parametrize("name", ["", "   ", "../etc", "a/b", ".hidden", "x" * 81])
def test_bad_names_are_refused_with_a_message(tmp_path: Path, name: str) -> None:
    store = DraftStore(tmp_path)
    with pytest.raises(DraftError) as info:
        store.save_as(name, {})
    assert "draft name" in str(info.value)


def test_non_ascii_names(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save_as("Chloé promo", PAYLOAD)
    assert store.open("Chloé promo").data == PAYLOAD


def test_a_corrupt_library_file_is_moved_aside_not_listed_and_named(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, clock=lambda: T0)
    store.save_as("good", PAYLOAD)
    (tmp_path / "library" / "bad.json").write_text("[1, 2", encoding="utf-8")
    assert [i.name for i in store.library()] == ["good"]
    backup = tmp_path / "library" / "bad.json.corrupt-20261201T101500Z"
    assert store.take_set_aside() == [backup]
    assert backup.read_text(encoding="utf-8") == "[1, 2"  # the user's bytes, untouched
    assert store.take_set_aside() == []
    (tmp_path / "library" / "worse.json").write_bytes(b"\xff\xfe")
    with pytest.raises(DraftError, match=r"damaged .* kept as worse\.json\.corrupt-20261201T"):
        store.open("worse")


@pytest.mark.parametrize(
    "content",
    [b'{"name": "current", "saved_at": "2026-12-01T10:00:00+00:00", "data": {"ki', b"", b"[1, 2]",
     b'{"name": "current", "saved_at": "2026-12-01T10:00:00+00:00", "data": "text"}',
     b"\xff\xfe{\x00}\x00"],
    ids=["truncated", "empty", "not-an-object", "data-not-an-object", "not-utf8"],
)  # fmt: skip
def test_a_corrupt_current_draft_is_kept_aside_and_never_overwritten(
    tmp_path: Path, content: bytes
) -> None:
    (tmp_path / "current.json").write_bytes(content)
    store = DraftStore(tmp_path, clock=lambda: T0)
    assert store.load_current() is None
    backup = tmp_path / "current.json.corrupt-20261201T101500Z"
    assert store.take_set_aside() == [backup]
    store.save_current({"kind": "list"})  # the next autosave writes a new file beside it
    assert backup.read_bytes() == content
    assert store.load_current() == {"kind": "list"}
    assert store.take_set_aside() == []


def test_two_corrupt_files_in_the_same_second_get_two_backups(tmp_path: Path) -> None:
    store = DraftStore(tmp_path, clock=lambda: T0)
    for text in ("first", "second"):
        (tmp_path / "current.json").write_text(text, encoding="utf-8")
        assert store.load_current() is None
    names = sorted(p.name for p in store.take_set_aside())
    assert names == [
        "current.json.corrupt-20261201T101500Z",
        "current.json.corrupt-20261201T101500Z-2",
    ]
