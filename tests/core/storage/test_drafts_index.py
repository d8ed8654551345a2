"""The drafts library's index: in step with the files, searched in SQL, rebuilt when damaged."""

from __future__ import annotations

import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from composer.kinds.catalogue import kinds_titled
from composer.storage import drafts_index
from composer.storage.drafts import DraftStore
from composer.storage.drafts_index import INDEX_FILENAME, DraftQuery

T0 = datetime(2026, 12, 1, 10, 15, tzinfo=UTC)


def data(kind: str, body: str) -> dict[str, Any]:
    payload = {"type": "interactive", "interactive": {"type": kind, "body": {"text": body}}}
    return {"kind": kind, "payload": payload, "profile": "sandbox"}


def behind_its_back(library: Path, name: str, kind: str = "list", body: str = "Sneaky") -> None:
    """Another program writes a draft file (the format the store writes)."""
    record = {"name": name, "saved_at": T0.isoformat(), "data": data(kind, body)}
    (library / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def age_folder(library: Path, seconds: float = 10) -> None:
    """As if the folder last changed ``seconds`` ago (past the racy window)."""
    when = time.time() - seconds
    os.utime(library, (when, when))


@pytest.fixture
def store(tmp_path: Path) -> DraftStore:
    clock = iter(T0 + timedelta(minutes=n) for n in range(10_000))
    return DraftStore(tmp_path, clock=lambda: next(clock))


def names(store: DraftStore, query: DraftQuery | None = None) -> list[str]:
    return [info.name for info in store.library_page(query or DraftQuery())]


def test_saves_renames_and_deletes_keep_the_index_in_step(store: DraftStore) -> None:
    store.save_as("Shipping", data("list", "Pick a shipping option"))
    store.save_as("Promo", data("button", "Reserve a table?"))
    assert names(store) == ["Promo", "Shipping"]  # most recently saved first
    info = store.library_page()[0]
    assert (info.kind, info.text) == ("button", "Reserve a table?")
    store.rename("Promo", "Promo v2")
    store.duplicate("Shipping")
    store.delete("Shipping")
    assert names(store) == ["Shipping copy", "Promo v2"]
    assert store.library_count() == 2


def test_a_quiet_library_is_listed_with_one_stat_and_no_pass(
    store: DraftStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(5):
        store.save_as(f"d{n}", data("text", f"Body {n}"))
    age_folder(store.directory / "library")
    store.library_page()  # a pass over the files: the folder changed since the index saw it
    passes = store.index.passes
    read: list[Path] = []
    monkeypatch.setattr(store, "_read", lambda path, name: read.append(path))
    assert len(names(store)) == 5
    assert store.index.passes == passes and read == []  # no draft file was read
    store.save_as("d5", data("text", "Body 5"))  # the store's own change keeps it in step
    assert store.index.passes == passes


def test_files_added_and_removed_behind_its_back_are_found(store: DraftStore) -> None:
    library = store.directory / "library"
    store.save_as("Mine", data("button", "Mine"))
    age_folder(library)
    assert names(store) == ["Mine"]
    behind_its_back(library, "Copied in", body="From a backup")
    assert names(store) == ["Mine", "Copied in"]
    assert store.library_page(DraftQuery("backup"))[0].name == "Copied in"
    (library / "Mine.json").unlink()
    assert names(store) == ["Copied in"]


def test_a_change_in_the_same_tick_is_not_missed(store: DraftStore) -> None:
    library = store.directory / "library"
    store.save_as("One", data("text", "1"))
    stamp = os.stat(library).st_mtime_ns
    assert names(store) == ["One"]  # the folder changed just now: not trusted yet
    behind_its_back(library, "Two")
    os.utime(library, ns=(stamp, stamp))  # the clock did not tick between the two changes
    assert sorted(names(store)) == ["One", "Two"]


def test_a_draft_rewritten_in_place_is_indexed_again_when_opened(store: DraftStore) -> None:
    library = store.directory / "library"
    store.save_as("Edited", data("text", "Before"))
    age_folder(library)
    store.library_page()
    stamp = os.stat(library).st_mtime_ns
    behind_its_back(library, "Edited", kind="button", body="After")  # in place: same folder
    os.utime(library, ns=(stamp, stamp))
    assert store.open("Edited").data["kind"] == "button"
    assert store.library_page()[0].text == "After"


def test_a_damaged_index_is_rebuilt_from_the_files(store: DraftStore, tmp_path: Path) -> None:
    store.save_as("Kept", data("list", "Keep me"))
    store.save_as("Also", data("text", "And me"))
    store.index.close()
    (tmp_path / INDEX_FILENAME).write_bytes(b"this is not a database" * 100)
    assert sorted(names(store)) == ["Also", "Kept"]
    reopened = DraftStore(tmp_path)  # a new process
    (tmp_path / INDEX_FILENAME).write_bytes(b"\0" * 4096)
    assert sorted(names(reopened)) == ["Also", "Kept"]
    assert reopened.open("Kept").data == data("list", "Keep me")


def test_a_damaged_draft_is_kept_aside_when_the_index_meets_it(store: DraftStore) -> None:
    library = store.directory / "library"
    store.save_as("good", data("text", "Good"))
    (library / "bad.json").write_text("[1, 2", encoding="utf-8")
    assert names(store) == ["good"]
    [backup] = store.take_set_aside()
    assert backup.name.startswith("bad.json.corrupt-") and backup.read_text() == "[1, 2"
    assert names(store) == ["good"] and store.take_set_aside() == []


def test_search_by_name_text_and_kind_title(store: DraftStore) -> None:
    store.save_as("Jacket promo", data("product", "Winter jackets"))
    store.save_as("Shipping", data("list", "Pick a shipping option"))
    store.save_as("Reserve", data("button", "Book 100% now"))

    def found(text: str) -> list[str]:
        return sorted(names(store, DraftQuery(text, kinds_titled(text))))

    assert found("jacket") == ["Jacket promo"]  # name and text, any case
    assert found("option") == ["Shipping"]
    assert found("reply buttons") == ["Reserve"]  # the kind's title
    assert found("single product") == ["Jacket promo"]
    assert found("100%") == ["Reserve"] and found("%") == ["Reserve"]
    assert found("nothing like it") == []
    assert len(found("")) == 3
    assert store.library_count(DraftQuery("o")) == 3


def test_pages_walk_a_large_library(store: DraftStore) -> None:
    for n in range(250):
        store.save_as(f"draft {n:03d}", data("text", str(n)))
    seen = []
    after = None
    while page := store.library_page(after=after, limit=100):
        seen += [info.name for info in page]
        after = page[-1]
    assert seen == [f"draft {n:03d}" for n in reversed(range(250))]
    assert store.library() == store.library_page(limit=1000)


def test_the_racy_window_is_a_few_seconds() -> None:
    assert 1 <= drafts_index.RACY_SECONDS <= 5
