"""An index of the drafts library, kept in step with its files, so listing and searching 10,000
drafts reads no draft file.

One SQLite table (a cache: the files stay the truth) holds each draft's name, time, kind and text
summary with its file's mtime and size. ``DraftStore`` calls ``sync()`` before each change and
``put``/``remove`` after it. Files changed behind the store's back (another program, a copy, a
sync tool) are found cheaply: adding, removing or renaming a file changes the library folder's
mtime, so one ``stat`` says "nothing changed"; otherwise one pass compares every file's mtime and
size with the index and reads only the files that differ. A folder mtime under ``RACY_SECONDS``
old after such a pass is not trusted (a change in the same clock tick would leave it equal: Git's
"racy" rule), so the next look passes over the files again. A draft rewritten in place, which
leaves the folder's mtime alone, is indexed again when it is opened. A damaged index is deleted
and rebuilt from the files.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

import msgspec

from composer.storage.records import like_pattern

if TYPE_CHECKING:
    import sqlite3  # imported on the first query: opening the window reads no index

__all__ = ["INDEX_FILENAME", "RACY_SECONDS", "DraftQuery", "DraftsIndex", "IndexEntry"]

log = logging.getLogger(__name__)

INDEX_FILENAME: Final = "library-index.sqlite3"
INDEX_VERSION: Final = 1
RACY_SECONDS: Final = 2.0
SUFFIX: Final = ".json"
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS drafts (
    name TEXT PRIMARY KEY,
    saved_at TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    mtime_ns INTEGER NOT NULL,
    size INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS drafts_order ON drafts (saved_at, name);
CREATE TABLE IF NOT EXISTS folder (id INTEGER PRIMARY KEY CHECK (id = 1), mtime_ns INTEGER);
"""
T = TypeVar("T")


class IndexEntry(msgspec.Struct, frozen=True):
    """What the index keeps of one draft (``name``: its file's name without ``.json``)."""

    name: str
    saved_at: str  # ``composer.storage.records.ts`` form: text order is time order
    kind: str
    text: str


Reader = Callable[[Path], "IndexEntry | None"]
"""Reads one draft file; None when it holds no draft (it was set aside, or is unreadable)."""


class DraftQuery(msgspec.Struct, frozen=True):
    """Which drafts to list: ``text`` found in the name or the text (ASCII letters in any case),
    or a kind in ``kinds`` (the caller maps the words typed to kinds by their titles)."""

    text: str = ""
    kinds: tuple[str, ...] = ()

    def where(self) -> tuple[str, tuple[object, ...]]:
        text = self.text.strip()
        if not text:
            return "1", ()
        like = like_pattern(text)
        parts = ["name LIKE ? ESCAPE '\\'", "text LIKE ? ESCAPE '\\'"]
        if self.kinds:
            parts.append(f"kind IN ({', '.join('?' * len(self.kinds))})")
        return f"({' OR '.join(parts)})", (like, like, *self.kinds)


class DraftsIndex:
    """The index of the folder ``library``, in the SQLite file ``path``."""

    def __init__(self, path: Path, library: Path, read: Reader) -> None:
        self.path, self._library, self._read = path, library, read
        self._conn: sqlite3.Connection | None = None
        self.passes = 0  # passes over the files (tests and benchmarks watch it)

    # --- keeping in step -----------------------------------------------------------------------
    def sync(self) -> None:
        """Bring the index in step with the files (one ``stat`` when nothing changed)."""
        self._run(self._sync)

    def put(self, entry: IndexEntry, file: Path) -> None:
        """The store has just written ``file`` (after ``sync()``): index it."""
        st = file.stat()

        def put(conn: sqlite3.Connection) -> None:
            self._upsert(conn, [(entry, st.st_mtime_ns, st.st_size)])
            self._note_folder(conn)

        self._run(put)

    def remove(self, name: str) -> None:
        """The store has just deleted (or renamed away) draft ``name`` (after ``sync()``)."""

        def remove(conn: sqlite3.Connection) -> None:
            conn.execute("DELETE FROM drafts WHERE name = ?", (name,))
            self._note_folder(conn)

        self._run(remove)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    # --- reading -----------------------------------------------------------------------------
    def page(
        self, query: DraftQuery, after: tuple[str, str] | None, limit: int
    ) -> list[IndexEntry]:
        """Up to ``limit`` drafts matching ``query``, most recently saved first, after the
        ``(saved_at, name)`` of the last one already listed (None: from the start)."""
        where, args = query.where()
        if after is not None:
            where, args = f"{where} AND (saved_at, name) < (?, ?)", (*args, *after)
        sql = (
            f"SELECT name, saved_at, kind, text FROM drafts WHERE {where}"
            " ORDER BY saved_at DESC, name DESC LIMIT ?"
        )
        return self._run(lambda c: [IndexEntry(*row) for row in c.execute(sql, (*args, limit))])

    def count(self, query: DraftQuery) -> int:
        where, args = query.where()
        sql = f"SELECT COUNT(*) FROM drafts WHERE {where}"
        return self._run(lambda c: int(c.execute(sql, args).fetchone()[0]))

    # --- internals ---------------------------------------------------------------------------
    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """``work`` in one transaction; on a damaged index, rebuild it and do the work again."""
        import sqlite3

        try:
            return self._in_transaction(work)
        except sqlite3.DatabaseError as exc:
            log.warning("the drafts index %s is damaged (%s): rebuilt", self.path, exc)
            self.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(f"{self.path}{suffix}")
            self._in_transaction(self._sync)
            return self._in_transaction(work)

    def _in_transaction(self, work: Callable[[sqlite3.Connection], T]) -> T:
        conn = self._connect()
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = work(conn)
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        return result

    def _connect(self) -> sqlite3.Connection:
        if self._conn is None:
            import sqlite3

            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=NORMAL")
                if int(conn.execute("PRAGMA user_version").fetchone()[0]) != INDEX_VERSION:
                    conn.executescript("DROP TABLE IF EXISTS drafts; DROP TABLE IF EXISTS folder;")
                conn.executescript(_SCHEMA)
                conn.execute(f"PRAGMA user_version = {INDEX_VERSION}")
            except BaseException:
                conn.close()
                raise
            self._conn = conn
        return self._conn

    def _sync(self, conn: sqlite3.Connection) -> None:
        folder = os.stat(self._library).st_mtime_ns
        row = conn.execute("SELECT mtime_ns FROM folder WHERE id = 1").fetchone()
        if row is not None and row[0] == folder:
            return
        self.passes += 1
        self._compare_files(conn)
        racy = time.time_ns() - folder < RACY_SECONDS * 1e9
        conn.execute(
            "INSERT OR REPLACE INTO folder (id, mtime_ns) VALUES (1, ?)",
            (None if racy else folder,),
        )

    def _compare_files(self, conn: sqlite3.Connection) -> None:
        rows = conn.execute("SELECT name, mtime_ns, size FROM drafts").fetchall()
        known = {name: (mtime, size) for name, mtime, size in rows}
        changed: list[tuple[IndexEntry, int, int]] = []
        gone = set(known)
        with os.scandir(self._library) as items:
            for item in items:
                if not item.name.endswith(SUFFIX) or not item.is_file():
                    continue
                name, st = item.name[: -len(SUFFIX)], item.stat()
                if known.get(name) == (st.st_mtime_ns, st.st_size):
                    gone.discard(name)
                    continue
                entry = self._read(Path(item.path))  # a damaged file is set aside: gone
                if entry is not None:
                    gone.discard(name)
                    changed.append((entry, st.st_mtime_ns, st.st_size))
        conn.executemany("DELETE FROM drafts WHERE name = ?", [(name,) for name in gone])
        self._upsert(conn, changed)

    @staticmethod
    def _upsert(conn: sqlite3.Connection, rows: list[tuple[IndexEntry, int, int]]) -> None:
        conn.executemany(
            "INSERT OR REPLACE INTO drafts (name, saved_at, kind, text, mtime_ns, size)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(e.name, e.saved_at, e.kind, e.text, mtime, size) for e, mtime, size in rows],
        )

    def _note_folder(self, conn: sqlite3.Connection) -> None:
        """After the store's own change: the folder's new mtime is in step, if it was before."""
        if conn.execute("SELECT mtime_ns FROM folder WHERE id = 1").fetchone() in (None, (None,)):
            return  # not known to be in step: the next sync passes over the files anyway
        folder = os.stat(self._library).st_mtime_ns
        conn.execute("INSERT OR REPLACE INTO folder (id, mtime_ns) VALUES (1, ?)", (folder,))
