"""The send history as a Qt table model over the whole store, fetched lazily a page at a time.

Rows come from ``Store.history_page`` (keyset pages, newest first) as the view scrolls
(``canFetchMore``/``fetchMore``); what a row shows is computed once when it arrives and kept.
A status webhook re-reads the one row it moved (``dataChanged`` on that row), a new send inserts
its row at the top (``history_newer``): nothing else is read again, and the view's selection
follows its record through both.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Final, NamedTuple, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from composer.kinds.catalogue import title
from composer.phone import display
from composer.storage.history_rows import PAGE_ROWS, HistoryQuery
from composer.storage.records import StoreError
from ui.panels.ticks import COLOURS, lifecycle, tick_icon

if TYPE_CHECKING:
    from composer.storage.records import HistoryRow

COLUMNS: Final = ("Time", "Status", "To", "Type", "Message", "wamid / error")
STATUS_COLUMN: Final = COLUMNS.index("Status")
DETAIL_COLUMN: Final = COLUMNS.index("wamid / error")
ID_ROLE: Final = Qt.ItemDataRole.UserRole
MARK_ROLE: Final = Qt.ItemDataRole.UserRole + 1
SNIPPET_CHARS: Final = 80

Index = QModelIndex | QPersistentModelIndex


class HistorySource(Protocol):
    """What the model reads from the history ``Store`` (``composer.storage.history_rows``)."""

    def history_page(
        self, query: HistoryQuery = ..., *, before: int | None = None, limit: int = ...
    ) -> list[HistoryRow]: ...

    def history_newer(self, query: HistoryQuery, after: int) -> list[HistoryRow]: ...

    def history_row(self, record_id: int) -> HistoryRow | None: ...


class Shown(NamedTuple):
    """One row as displayed, computed once from its ``HistoryRow``."""

    id: int
    wamid: str | None
    mark: str
    cells: tuple[str, ...]
    tips: tuple[str, ...]
    details: str  # the full story, under the table


def _when(at: datetime, today: datetime) -> str:
    local = at.astimezone()
    same_day = local.date() == today.date()
    return local.strftime("%H:%M:%S" if same_day else "%Y-%m-%d %H:%M")


def shown(row: HistoryRow, today: datetime | None = None) -> Shown:
    life = lifecycle(row)
    local = row.at.astimezone()
    number, kind = display(row.recipient), title(row.kind)
    snippet = row.text if len(row.text) <= SNIPPET_CHARS else row.text[: SNIPPET_CHARS - 1] + "…"
    status_tip = life.words + (f": {life.timeline}" if life.timeline else "")
    detail_tip = f"<p>{html.escape(life.detail)}</p>" if life.detail else ""
    cells = (_when(row.at, today or datetime.now().astimezone()), life.words, number, kind,
             snippet, life.detail)  # fmt: skip
    text_tip = f"<p>{html.escape(row.text)}</p>" if row.text else ""
    tips = (local.strftime("%Y-%m-%d %H:%M:%S %Z"), status_tip + detail_tip, row.recipient,
            row.kind, text_tip, detail_tip)  # fmt: skip
    lines = [f"{life.words} · {kind} to {number} · {local.strftime('%Y-%m-%d %H:%M:%S')}"]
    lines += [part for part in (row.text, life.detail, life.timeline) if part]
    return Shown(row.id, row.wamid, life.mark, cells, tips, "\n".join(lines))


class HistoryModel(QAbstractTableModel):
    """Rows of ``source()`` matching ``query``, newest first; ``source`` is called on first use
    (the store opens then). ``reads`` counts the rows read from the store (tests watch it)."""

    def __init__(self, source: Callable[[], HistorySource]) -> None:
        super().__init__()
        self._source = source
        self._query = HistoryQuery()
        self._rows: list[Shown] = []
        self._keys: list[int] = []  # -id of each row: ascending, for bisect
        self._by_wamid: dict[str, int] = {}
        self._exhausted = False
        self.reads = 0
        self.error: str | None = None  # why the store could not be read, shown by the panel

    # --- Qt's model interface ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tips[column] or None
        if role == Qt.ItemDataRole.DecorationRole and column == STATUS_COLUMN:
            return tick_icon(row.mark)
        if role == Qt.ItemDataRole.ForegroundRole and column in (STATUS_COLUMN, DETAIL_COLUMN):
            return QColor(COLOURS[row.mark]) if row.mark in ("failed", "unknown") else None
        if role == ID_ROLE:
            return row.id
        if role == MARK_ROLE:
            return row.mark
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        before = self._rows[-1].id if self._rows else None
        try:
            page = self._source().history_page(self._query, before=before, limit=PAGE_ROWS)
        except (StoreError, OSError) as exc:  # the history is optional for composing
            self.error, self._exhausted = f"History could not be read: {exc}", True
            return
        self.error = None
        self.reads += len(page)
        self._exhausted = len(page) < PAGE_ROWS
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._add(page, at=first)
        self.endInsertRows()

    # --- what the panel asks ---------------------------------------------------------------------
    @property
    def query(self) -> HistoryQuery:
        return self._query

    def set_query(self, query: HistoryQuery) -> None:
        """Start again from the newest send matching ``query`` (search or filter changed)."""
        self.beginResetModel()
        self._query = query
        self._rows, self._keys, self._by_wamid = [], [], {}
        self._exhausted = False
        self.endResetModel()
        self.fetchMore()

    def reload(self) -> None:
        self.set_query(self._query)

    def add_newer(self) -> int:
        """Insert the sends recorded since the newest row shown; returns how many."""
        if not self._rows:
            self.reload()
            return len(self._rows)
        try:
            newer = self._source().history_newer(self._query, self._rows[0].id)
        except (StoreError, OSError) as exc:
            self.error = f"History could not be read: {exc}"
            return 0
        self.reads += len(newer)
        if newer:
            self.beginInsertRows(QModelIndex(), 0, len(newer) - 1)
            self._add(newer, at=0)
            self.endInsertRows()
        return len(newer)

    def update_wamid(self, wamid: str) -> bool:
        """Read again the one row of ``wamid`` (a status moved it); False when it is not shown."""
        record_id = self._by_wamid.get(wamid)
        position = self.position(record_id) if record_id is not None else None
        if record_id is None or position is None:
            return False
        try:
            row = self._source().history_row(record_id)
        except (StoreError, OSError) as exc:
            self.error = f"History could not be read: {exc}"
            return False
        self.reads += 1
        if row is None:
            return False
        self._rows[position] = shown(row)
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))
        return True

    def position(self, record_id: int) -> int | None:
        """The row showing send ``record_id``, or None when it is not loaded."""
        at = bisect.bisect_left(self._keys, -record_id)
        return at if at < len(self._keys) and self._keys[at] == -record_id else None

    def shown_row(self, position: int) -> Shown:
        return self._rows[position]

    # --- internals -------------------------------------------------------------------------------
    def _add(self, rows: list[HistoryRow], at: int) -> None:
        today = datetime.now().astimezone()
        made = [shown(r, today) for r in rows]
        self._rows[at:at] = made
        self._keys[at:at] = [-r.id for r in made]
        for r in made:  # a status goes to the newest send of its wamid, as in the store
            if r.wamid and (at == 0 or r.wamid not in self._by_wamid):
                self._by_wamid[r.wamid] = r.id
