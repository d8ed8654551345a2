"""Marketing stop/resume in the history database: the newest word wins, migration from 2."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from composer.storage.history import Store
from composer.storage.records import MIGRATIONS, SCHEMA_VERSION

T0 = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def test_newest_word_wins_and_reads_are_forgiving(tmp_path: Path) -> None:
    with Store(tmp_path / "h.sqlite3") as store:
        assert store.marketing_preference("+15550100001") is None
        assert store.marketing_preference("+") is None
        assert store.set_marketing_preference("+15550100001", "stop", T0, name="Ana")
        assert not store.set_marketing_preference("15550100001", "resume", T0 - timedelta(1))
        said = store.marketing_preference("+1 555 0100 001")
        assert said is not None and said.stopped and said.at == T0 and said.name == "Ana"
        assert store.set_marketing_preference("+15550100001", "resume", T0 + timedelta(1))
        said = store.marketing_preference("+15550100001")
        assert said is not None and not said.stopped and said.name == "Ana"  # name kept
        with pytest.raises(ValueError, match="stop, resume"):
            store.set_marketing_preference("+15550100001", "maybe", T0)


def test_a_version_2_database_migrates(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    for step in MIGRATIONS[:2]:
        conn.executescript(step)
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 3
        store.set_marketing_preference("+15550100002", "stop", T0)
        assert store.marketing_preference("+15550100002") is not None
