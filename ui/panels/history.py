"""Past sends, newest first, over the whole history store: time, number, type, text, the send's
life as WhatsApp's ticks, and the wamid or the mapped error. Search (number, wamid, text) and a
status filter run in SQL; "Open in editor" and "Resend…" act on the selected send.

Updates are incremental (``history_model``): ``note_status(wamid)`` re-reads one row,
``note_new_sends()`` inserts the new rows at the top. While the panel is hidden (another tab)
they are only noted, and applied when it is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, Signal, SignalInstance
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from composer.storage.history_rows import PAGE_ROWS, HistoryQuery
from ui import look
from ui.panels.history_model import (
    COLUMNS,
    DETAIL_COLUMN,
    MARK_ROLE,
    HistoryModel,
    HistorySource,
)
from ui.panels.ticks import WORDS

__all__ = ["COLUMNS", "STATUS_CHOICES", "HistoryPanel"]

DETAIL_LINES: Final = 5  # the selected send's story under the table (all of it in its tooltip)
# The status filter's entries: label, ``STATUS_FILTERS`` key (None: every send).
STATUS_CHOICES: Final = (
    ("All statuses", None),
    (WORDS["clock"], "accepted"),
    (WORDS["sent"], "sent"),
    (WORDS["delivered"], "delivered"),
    (WORDS["read"], "read"),
    (WORDS["failed"], "failed"),
    (WORDS["unknown"], "unknown"),
)


class HistoryPanel(QWidget):
    """``open_requested(id)``: open the send's message in the editor (double-click, Enter or the
    button); ``resend_requested(id)``: open it and offer to send it again (the window asks)."""

    open_requested = Signal(int)
    resend_requested = Signal(int)

    def __init__(self, source: Callable[[], HistorySource], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(source)
        self._loaded = False
        self._pending: set[str] = set()  # wamids whose status moved while hidden
        self._newer = self._all = False
        self._follow_newest = True  # until the user picks an older send
        self._selecting = False
        self.search = QLineEdit()
        self.search.setObjectName("historySearch")
        self.search.setPlaceholderText("Search number, wamid or text")
        self.search.setAccessibleName("Search the send history")
        self.search.setClearButtonEnabled(True)
        self.status = QComboBox()
        self.status.setObjectName("historyStatus")
        self.status.setAccessibleName("Show sends with this status")
        for label, key in STATUS_CHOICES:
            self.status.addItem(label, key)
        self.table = self._make_table()
        self.details = QLabel()
        look.name(self.details, "historyDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setAccessibleName("Details of the selected send")
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A fixed height: a status moving the selected send changes its text, and a label that
        # grew would re-lay out the panel and repaint the whole table (15 ms against 1 ms).
        lines = DETAIL_LINES * self.details.fontMetrics().lineSpacing()
        self.details.setFixedHeight(lines + 2 * self.details.margin() + 4)
        self.open_button = QPushButton("Open in editor")
        self.resend_button = QPushButton("Resend…")
        self.resend_button.setToolTip("Open the message in the editor and send it again (asks)")
        self._lay_out()
        self.search.textChanged.connect(self._query_changed)
        self.status.currentIndexChanged.connect(self._query_changed)
        self.open_button.clicked.connect(lambda: self._request(self.open_requested))
        self.resend_button.clicked.connect(lambda: self._request(self.resend_requested))
        self.table.activated.connect(lambda _i: self._request(self.open_requested))
        self.model.dataChanged.connect(self._row_changed)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.modelReset.connect(self._show_details)
        self._show_details()

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("historyTable")
        table.setAccessibleName("Send history")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.setWordWrap(False)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)  # the message text takes what is left
        metrics = table.fontMetrics()
        for column, sample in enumerate(("2026-12-31 23:59", "Failed later", "+1 555-010-0001",
                                         "Reply buttons")):  # fmt: skip
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 30)
        # The pane is narrow: the wamid or the error is in the details below and the tooltips.
        table.setColumnHidden(DETAIL_COLUMN, True)
        table.setToolTip("Double-click a send to open its message in the editor")
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.resend_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)

    # --- what the window tells the panel -----------------------------------------------------
    def note_status(self, wamid: str) -> None:
        """A status webhook moved the send ``wamid``: its row is read again (once shown)."""
        if self._live():
            self.model.update_wamid(wamid)
        elif not self._all:
            self._pending.add(wamid)
            if len(self._pending) > PAGE_ROWS:  # cheaper to read the first page again
                self._all, self._pending = True, set()

    def note_new_sends(self) -> None:
        """Sends were recorded (the window sent): their rows go on top (once shown)."""
        if self._live():
            self.model.add_newer()
        else:
            self._newer = True

    def note_changed(self) -> None:
        """Anything may have changed (pasted webhooks): read the list again (once shown)."""
        if self._live():
            self._reload()
        else:
            self._all = True

    def refresh(self) -> None:
        """Bring the list up to date now, shown or not (the first time: the first page)."""
        if not self._loaded or self._all:
            self._loaded, self._all = True, False
            self._pending, self._newer = set(), False
            self._reload()
            return
        if self._newer:
            self._newer = False
            self.model.add_newer()
        pending, self._pending = self._pending, set()
        for wamid in pending:
            self.model.update_wamid(wamid)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # --- reading it (tests, the window) ------------------------------------------------------
    def row_count(self) -> int:
        return self.model.rowCount()

    def row(self, index: int) -> list[str]:
        return list(self.model.shown_row(index).cells)

    def mark(self, index: int) -> str:
        """The tick mark of row ``index``: clock, sent, delivered, read, failed or unknown."""
        return str(self.model.index(index, 0).data(MARK_ROLE))

    def current_id(self) -> int | None:
        row = self.table.currentIndex().row()
        return self.model.shown_row(row).id if 0 <= row < self.model.rowCount() else None

    def select(self, index: int) -> None:
        self.table.setCurrentIndex(self.model.index(index, 0))

    # --- internals ---------------------------------------------------------------------------
    def _live(self) -> bool:
        return self._loaded and self.isVisible()

    def _query_changed(self, *_: object) -> None:
        self._reload(HistoryQuery(self.search.text(), self.status.currentData()))

    def _reload(self, query: HistoryQuery | None = None) -> None:
        keep = self.current_id()
        self.model.set_query(query or self.model.query)
        position = self.model.position(keep) if keep is not None else None
        self._select(position if position is not None else 0 if self._follow_newest else None)

    def _select(self, position: int | None) -> None:
        self._selecting = True
        try:
            if position is not None and position < self.model.rowCount():
                self.select(position)
            self._show_details()
        finally:
            self._selecting = False

    def _rows_inserted(self, _parent: QModelIndex, first: int, _last: int) -> None:
        if first == 0 and (self._follow_newest or not self.table.currentIndex().isValid()):
            self._select(0)  # a new send, and the user was looking at the newest one

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._selecting:
            self._follow_newest = current.row() == 0
        self._show_details()

    def _row_changed(self, top_left: QModelIndex, _bottom_right: QModelIndex) -> None:
        if top_left.row() == self.table.currentIndex().row():
            self._show_details()

    def _show_details(self) -> None:
        row = self.table.currentIndex().row()
        valid = 0 <= row < self.model.rowCount()
        text = self.model.shown_row(row).details if valid else self.model.error or ""
        self.details.setText(text)
        self.details.setToolTip(text)
        for button in (self.open_button, self.resend_button):
            button.setEnabled(valid)

    def _request(self, signal: SignalInstance) -> None:
        record_id = self.current_id()
        if record_id is not None:
            signal.emit(record_id)
