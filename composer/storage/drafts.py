"""Drafts: the autosaved "current" message plus a named library, as small atomic JSON files.

Qt-free and policy-free: the window decides *when* to save (it throttles); this module only makes
every write atomic (temporary file, fsync, ``os.replace``, fsync of the directory) so that a crash
or SIGKILL at any moment leaves either the previous or the new draft on disk, never a torn file.

A draft's ``data`` is any JSON object (the window stores the Graph payload plus the editor type).

A corrupt file (truncated, empty, not an object, not UTF-8) is never overwritten nor silently
skipped: it is moved aside in the same folder as ``<name>.json.corrupt-<UTC time>`` and listed by
``take_set_aside()``, so the window can tell the user where their text went.

The library is listed and searched through an index kept in step with the files
(``composer.storage.drafts_index``): each change here goes ``sync()``, write, ``put``/``remove``.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import msgspec

from composer.clock import Clock, utc_now
from composer.storage import paths
from composer.storage.atomic_file import atomic_write_json, fsync_dir, keep_aside
from composer.storage.drafts_index import INDEX_FILENAME, DraftQuery, DraftsIndex, IndexEntry
from composer.storage.records import dt, ts
from composer.storage.summary import payload_text

CURRENT = "current"
PAGE_DRAFTS: Final = 100
ALL_DRAFTS: Final = DraftQuery()
_SUFFIX = ".json"
_NAME_MAX = 80
_UNSAFE = re.compile(r"[^\w .,()+@-]", re.UNICODE)


class DraftError(Exception):
    """A draft cannot be saved, found or read; the message says which and why."""


class DraftInfo(msgspec.Struct, frozen=True):
    """One entry of the library, as listed in the drafts dialog."""

    name: str
    saved_at: datetime
    kind: str
    text: str = ""  # the message's text on one line (``composer.storage.summary``)


class Draft(msgspec.Struct, frozen=True):
    name: str
    saved_at: datetime
    data: dict[str, Any]


def _check_name(name: str) -> str:
    clean = name.strip()
    if not clean:
        raise DraftError("A draft name cannot be empty.")
    if len(clean) > _NAME_MAX:
        raise DraftError(f"A draft name can have at most {_NAME_MAX} characters.")
    if clean.startswith(".") or _UNSAFE.search(clean):
        raise DraftError(
            "A draft name may use letters, digits, spaces and . , ( ) + @ - _ only "
            f"(got {clean!r})."
        )
    return clean


class _Corrupt(DraftError):
    """The file exists and was read, but does not hold a draft."""


class DraftStore:
    """The autosave slot and the named drafts library, in ``directory`` (one file per draft)."""

    def __init__(self, directory: Path | None = None, clock: Clock = utc_now) -> None:
        self._dir = directory if directory is not None else paths.data_dir() / "drafts"
        self._library = self._dir / "library"
        self._library.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._clock = clock
        self._set_aside: list[Path] = []
        self._index = DraftsIndex(self._dir / INDEX_FILENAME, self._library, self._entry)

    @property
    def index(self) -> DraftsIndex:
        return self._index

    def take_set_aside(self) -> list[Path]:
        """Corrupt files moved aside since the last call (the window names them to the user)."""
        found, self._set_aside = self._set_aside, []
        return found

    @property
    def directory(self) -> Path:
        return self._dir

    # --- the autosave slot ---------------------------------------------------------------
    def save_current(self, data: dict[str, Any]) -> None:
        self._write(self._dir / (CURRENT + _SUFFIX), CURRENT, data)

    def load_current(self) -> dict[str, Any] | None:
        """The last autosaved message, or None when there is none or it is unreadable."""
        path = self._dir / (CURRENT + _SUFFIX)
        if not path.exists():
            return None
        try:
            return self._read(path, CURRENT).data
        except DraftError:
            return None

    # --- the library ---------------------------------------------------------------------
    def library(self) -> list[DraftInfo]:
        """Every named draft, most recently saved first (damaged files are set aside)."""
        infos: list[DraftInfo] = []
        while page := self.library_page(after=infos[-1] if infos else None, limit=1000):
            infos += page
        return infos

    def library_page(
        self, query: DraftQuery = ALL_DRAFTS, *, after: DraftInfo | None = None,
        limit: int = PAGE_DRAFTS,
    ) -> list[DraftInfo]:  # fmt: skip
        """Up to ``limit`` drafts matching ``query``, newest first, after ``after``; the first
        page (``after`` None) brings the index in step with the files first."""
        if after is None:
            self._index.sync()
        cursor = (ts(after.saved_at), after.name) if after is not None else None
        return [_info(entry) for entry in self._index.page(query, cursor, limit)]

    def library_count(self, query: DraftQuery = ALL_DRAFTS) -> int:
        return self._index.count(query)

    def exists(self, name: str) -> bool:
        return self._path(name).exists()

    def save_as(self, name: str, data: dict[str, Any], *, overwrite: bool = False) -> str:
        clean = _check_name(name)
        path = self._path(clean)
        if path.exists() and not overwrite:
            raise DraftError(f"A draft named {clean!r} already exists.")
        self._index.sync()
        self._index.put(_entry(clean, self._write(path, clean, data)), path)
        return clean

    def open(self, name: str) -> Draft:
        """The draft ``name`` (read from its file, which the index then follows)."""
        path, clean = self._existing(name), _check_name(name)
        try:
            draft = self._read(path, clean)
        except DraftError:
            if not path.exists():  # damaged, now set aside: no longer listed
                self._index.sync()
            raise
        self._index.sync()
        self._index.put(_entry(clean, draft), path)  # it may have been rewritten in place
        return draft

    def rename(self, old: str, new: str) -> str:
        source = self._existing(old)
        clean = _check_name(new)
        target = self._path(clean)
        if target.exists() and target != source:
            raise DraftError(f"A draft named {clean!r} already exists.")
        draft = self._read(source, old)
        self._index.sync()
        self._index.put(_entry(clean, self._write(target, clean, draft.data)), target)
        if target != source:
            source.unlink()
            fsync_dir(self._library)
            self._index.remove(source.stem)
        return clean

    def duplicate(self, name: str, new_name: str | None = None) -> str:
        draft = self.open(name)
        if new_name is None:
            base = f"{draft.name} copy"
            new_name, n = base, 2
            while self.exists(new_name):
                new_name, n = f"{base} {n}", n + 1
        return self.save_as(new_name, draft.data)

    def delete(self, name: str) -> None:
        path = self._existing(name)
        self._index.sync()
        path.unlink()
        fsync_dir(self._library)
        self._index.remove(path.stem)

    # --- files ---------------------------------------------------------------------------
    def _path(self, name: str) -> Path:
        return self._library / (_check_name(name) + _SUFFIX)

    def _existing(self, name: str) -> Path:
        path = self._path(name)
        if not path.exists():
            raise DraftError(f"There is no draft named {name.strip()!r}.")
        return path

    def _write(self, path: Path, name: str, data: dict[str, Any]) -> Draft:
        saved_at = self._clock()
        record = {"name": name, "saved_at": saved_at.isoformat(), "data": data}
        try:
            atomic_write_json(path, record)
        except (OSError, TypeError, ValueError) as exc:
            raise DraftError(f"Could not save the draft {name!r}: {exc}") from exc
        return Draft(name, saved_at, data)

    def _entry(self, path: Path) -> IndexEntry | None:
        """The index's reader: one library file, or None when it holds no draft."""
        try:
            return _entry(path.stem, self._read(path, path.stem))
        except DraftError:  # damaged (now set aside) or unreadable: not listed
            return None

    def _read(self, path: Path, name: str) -> Draft:
        """The draft in ``path``; a corrupt one is moved aside first (DraftError names where)."""
        try:
            raw = path.read_bytes()
        except OSError as exc:  # unreadable (permissions...): leave the file where it is
            raise DraftError(f"The draft {name!r} could not be read: {exc.strerror}") from exc
        try:
            return _parse(raw, name)
        except _Corrupt as exc:
            backup = self._move_aside(path)
            raise DraftError(f"{exc} It was kept as {backup.name}.") from exc

    def _move_aside(self, path: Path) -> Path:
        backup = keep_aside(path, self._clock())
        self._set_aside.append(backup)
        return backup


def _entry(name: str, draft: Draft) -> IndexEntry:
    """A draft as the index keeps it, under its file's name."""
    kind, payload = draft.data.get("kind"), draft.data.get("payload")
    text = payload_text(payload) if isinstance(payload, dict) else ""
    saved_at = draft.saved_at if draft.saved_at.tzinfo else draft.saved_at.replace(tzinfo=UTC)
    return IndexEntry(name, ts(saved_at), kind if isinstance(kind, str) else "", text)


def _info(entry: IndexEntry) -> DraftInfo:
    saved_at = dt(entry.saved_at)
    assert saved_at is not None
    return DraftInfo(entry.name, saved_at, entry.kind, entry.text)


def _parse(raw: bytes, name: str) -> Draft:
    try:
        record = json.loads(raw.decode("utf-8"))
        data = record["data"]
        saved_at = datetime.fromisoformat(record["saved_at"])
        stored_name = record.get("name", name)
    except (ValueError, KeyError, TypeError, RecursionError) as exc:
        raise _Corrupt(f"The draft {name!r} is damaged ({type(exc).__name__}).") from exc
    if not isinstance(data, dict) or not isinstance(stored_name, str):
        raise _Corrupt(f"The draft {name!r} is not a JSON object.")
    return Draft(stored_name, saved_at, data)
