"""The drafts library as a Qt list model over the store's index, fetched a page at a time.

Opening the dialog reads one page (100 drafts) from the index, whatever the library's size; the
view asks for more as it scrolls (``canFetchMore``/``fetchMore``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from composer.kinds.catalogue import kinds_titled, title
from composer.storage.drafts import PAGE_DRAFTS
from composer.storage.drafts_index import DraftQuery

if TYPE_CHECKING:
    from composer.storage.drafts import DraftInfo, DraftStore

NAME_ROLE: Final = Qt.ItemDataRole.UserRole
SNIPPET_CHARS: Final = 90

Index = QModelIndex | QPersistentModelIndex


def describe(info: DraftInfo) -> str:
    """Two lines: the name, then the kind's title, when it was saved and the text."""
    when = info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    text = info.text if len(info.text) <= SNIPPET_CHARS else info.text[: SNIPPET_CHARS - 1] + "…"
    second = " · ".join(part for part in (title(info.kind), f"saved {when}", text) if part)
    return f"{info.name}\n{second}"


class DraftsModel(QAbstractListModel):
    """Drafts of ``store`` matching the search, most recently saved first."""

    def __init__(self, store: DraftStore) -> None:
        super().__init__()
        self._store = store
        self._query = DraftQuery()
        self._rows: list[DraftInfo] = []
        self._texts: dict[int, str] = {}  # row -> its two lines, made when first drawn
        self._exhausted = False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._texts.get(row)
            if text is None:
                text = self._texts[row] = describe(self._rows[row])
            return text
        if role == NAME_ROLE:
            return self._rows[row].name
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted:
            return
        after = self._rows[-1] if self._rows else None
        page = self._store.library_page(self._query, after=after, limit=PAGE_DRAFTS)
        self._exhausted = len(page) < PAGE_DRAFTS
        if page:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows += page
            self.endInsertRows()

    def search(self, text: str) -> None:
        """List the drafts whose name, text or kind (by its title) holds ``text``."""
        self.beginResetModel()
        self._query = DraftQuery(text, kinds_titled(text))
        self._rows, self._texts, self._exhausted = [], {}, False
        self.endResetModel()
        self.fetchMore()

    def reload(self) -> None:
        self.search(self._query.text)

    def searching(self) -> bool:
        return bool(self._query.text.strip())

    def row_of(self, name: str) -> int | None:
        """The row of draft ``name`` among those fetched, else None."""
        return next((i for i, info in enumerate(self._rows) if info.name == name), None)

    def name(self, row: int) -> str:
        return self._rows[row].name
