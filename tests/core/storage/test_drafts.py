"""The drafts store: atomic files, the autosave slot and the named library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from composer.storage.atomic_file import atomic_write_json
from composer.storage.drafts import DraftError, DraftStore

PAYLOAD = {"kind": "button", "payload": {"type": "interactive", "to": "+15550100001"}}


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


def test_corrupt_library_file_is_skipped_in_listing(tmp_path: Path) -> None:
    store = DraftStore(tmp_path)
    store.save_as("good", PAYLOAD)
    (tmp_path / "library" / "bad.json").write_text("[1, 2", encoding="utf-8")
    assert [i.name for i in store.library()] == ["good"]
    with pytest.raises(DraftError, match="could not be read"):
        store.open("bad")
