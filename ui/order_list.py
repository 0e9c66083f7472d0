"""The order list: a table model over SQL that loads the rows it shows a page at a time.

The model knows only how many orders match; a row's data is read when the view
first paints it, one page of PAGE orders per query and off the UI thread, so a
list of 100,000 orders opens and scrolls as fast as one of 100. Sorting and
filtering are database queries.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QRect,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import worklist
from app.kinds import KINDS
from app.queries import OrderFilter
from app.roles import roles_label
from ui import background, node_chip
from ui.formats import local_time
from ui.workspace import Workspace

PAGE = 100
CACHED_PAGES = 40
OVERDUE_BACKGROUND_BRUSH = QBrush(QColor("#fff1f0"))
OVERDUE_TEXT_BRUSH = QBrush(QColor("#a8071a"))

NUMBER, KIND, PARTY, NODE, MOVED, PAID, DUE, OWNER, UPDATED, LATE, REASON, SHORT = range(12)
LAST = SHORT
SHORT_TEXT_BRUSH = QBrush(QColor("#d4380d"))
SORT_OF_COLUMN = {
    LATE: worklist.LATE,
    NUMBER: "number",
    KIND: "kind",
    PARTY: "party",
    NODE: "status",
    DUE: "due",
    UPDATED: "updated",
}
ROW_ROLE = Qt.ItemDataRole.UserRole
ROLES_ANSWERED = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.ToolTipRole,
        ROW_ROLE,
    }
)


class OrderTableModel(QAbstractTableModel):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.query = OrderFilter()
        self._count = 0
        self._pages: OrderedDict[int, list[dict]] = OrderedDict()
        self._stale: set[int] = set()  # shown until their fresh copy arrives
        self._loading: set[int] = set()
        self._wanted = 0
        self._generation = 0
        self._bold = QFont()
        self._bold.setBold(True)
        # One page at a time: Python holds one lock for all threads, and every reader
        # beyond one would take turns with the painting instead of helping it.
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(1)

    def headers(self) -> list[str]:
        return [
            self.tr("Number"),
            self.tr("Kind"),
            self.tr("Party"),
            self.tr("Node"),
            self.tr("Shipped / received"),
            self.tr("Paid"),
            self.tr("Due"),
            self.tr("Waiting for"),
            self.tr("Last change"),
            self.tr("Time left / late by"),
            self.tr("Why"),
            self.tr("Short"),
        ]

    def kind_label(self, kind: str) -> str:
        return KINDS[kind].label(self.workspace.lang)

    # --- loading --------------------------------------------------------------------------
    # The first page is read at once, so a new list shows its top rows without a flicker;
    # every other page, and the count of a list longer than a page, is read on a pool
    # thread and shown when it arrives, so neither filtering nor scrolling waits for a
    # scan of the whole table. Rows whose page has not arrived yet show empty.

    def set_query(self, query: OrderFilter) -> None:
        self.beginResetModel()
        self.query = query
        self._generation += 1
        self._pages.clear()
        self._stale.clear()
        self._loading.clear()
        first = self._read(0)
        self._pages[0] = first
        self._count = len(first)
        self.endResetModel()
        if len(first) == PAGE:
            self._count_later()

    def refresh(self) -> None:
        """Re-read after a change, keeping the view where it is and its rows until replaced."""
        self._generation += 1
        self._loading.clear()
        self._stale = set(self._pages)
        first = self._read(0)
        self._pages[0] = first
        self._stale.discard(0)
        if len(first) < PAGE:
            self._resize(len(first))
        else:
            self._count_later()
        if self._count:
            self.dataChanged.emit(self.index(0, 0), self.index(self._count - 1, LAST))

    def _count_later(self) -> None:
        generation, query = self._generation, self.query
        background.run(
            lambda: self.workspace.read(lambda s: worklist.count(s, query)),
            lambda count: self._counted(generation, count),
            lambda _error: None,
        )  # the list keeps the rows it already shows

    def _counted(self, generation: int, count: int) -> None:
        if generation == self._generation:  # else the list changed while it was counted
            self._resize(count)

    def _resize(self, count: int) -> None:
        if count > self._count:
            self.beginInsertRows(QModelIndex(), self._count, count - 1)
            self._count = count
            self.endInsertRows()
        elif count < self._count:
            self.beginRemoveRows(QModelIndex(), count, self._count - 1)
            self._count = count
            self.endRemoveRows()

    def _read(self, number: int) -> list[dict]:
        query, lang = self.query, self.workspace.lang
        return self.workspace.read(lambda s: worklist.page(s, query, number * PAGE, PAGE, lang))

    def _request(self, number: int) -> None:
        if number in self._loading:
            return
        self._loading.add(number)
        self._wanted = number
        generation = self._generation

        def load() -> list[dict] | None:
            # A page scrolled past before its turn came is not worth reading.
            return self._read(number) if abs(number - self._wanted) <= 2 else None

        background.run(
            load,
            lambda rows: self._arrived(generation, number, rows),
            lambda _error: self._loading.discard(number),
            self._readers,
        )

    def _arrived(self, generation: int, number: int, rows: list[dict] | None) -> None:
        if generation != self._generation:
            return  # the list was filtered or refreshed meanwhile
        self._loading.discard(number)
        if rows is None:
            return
        self._pages[number] = rows
        self._stale.discard(number)
        if len(self._pages) > CACHED_PAGES:
            self._pages.popitem(last=False)
        first = number * PAGE
        last = min(first + PAGE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, LAST))

    def _page(self, number: int) -> list[dict] | None:
        rows = self._pages.get(number)
        if rows is None or number in self._stale:
            self._request(number)
        else:
            self._pages.move_to_end(number)
        return rows

    def row_at(self, row: int) -> dict | None:
        """The row's order summary, or None while its page is still being read."""
        rows = self._page(row // PAGE)
        offset = row % PAGE
        return rows[offset] if rows is not None and offset < len(rows) else None

    def row_of(self, number: str) -> int | None:
        """Where the order is among the rows read so far, or None."""
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row["number"] == number:
                    return page * PAGE + offset
        return None

    # --- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else LAST + 1

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        # Painting asks for a dozen roles per cell: answer the unused ones at once.
        if role not in ROLES_ANSWERED or not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            cells = row.get("cells")
            if cells is None:  # worked out once per row, not on every repaint
                cells = row["cells"] = [self._text(row, c) for c in range(LAST + 1)]
            return cells[column]
        if column == NODE and role == Qt.ItemDataRole.ToolTipRole:
            return self.data(index)
        if column == SHORT and row["short"] != "0":
            if role == Qt.ItemDataRole.ForegroundRole:
                return SHORT_TEXT_BRUSH
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Short: still to ship beyond what stock could reserve (backorder)")
        if not row["overdue"]:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return OVERDUE_BACKGROUND_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole and column in (NUMBER, DUE, LATE):
            return OVERDUE_TEXT_BRUSH
        if role == Qt.ItemDataRole.FontRole and column == NUMBER:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (LATE, REASON):
                return row["late_reason"]
            if row.get("escalated"):
                return self.tr("Late past twice its limit: the owner has been told")
            return self.tr("Overdue at this node or past its due date")
        return None

    def _text(self, row: dict, column: int) -> str:
        progress = row["progress"]
        if column == NUMBER:
            return row["number"]
        if column == KIND:
            return self.kind_label(row["kind"])
        if column == PARTY:
            return row["party"]
        if column == NODE:
            return row["status_label"]
        if column == MOVED:
            return (
                f"{progress['received_pct' if row['goods_fact'] == 'receive' else 'shipped_pct']}%"
            )
        if column == PAID:
            return f"{progress['paid_pct']}%"
        if column == DUE:
            return row["due"] or ""
        if column == OWNER:
            return roles_label(row["owner_roles"], self.workspace.lang)
        if column == LATE:
            return row["time_left"]
        if column == REASON:
            return row["late_reason"]
        if column == SHORT:
            return "" if row["short"] == "0" else self.tr("short %1").replace("%1", row["short"])
        return local_time(row["updated_at"])

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_OF_COLUMN.get(column)
        if key is not None:
            self.set_query(
                replace(self.query, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
            )


class NodeDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index) -> None:
        row = index.data(ROW_ROLE)
        QApplication.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self.parent()
        )
        if row is not None:
            node_chip.paint(painter, option.rect, row["status_color"], row["status_label"])


class PercentDelegate(QStyledItemDelegate):
    """A thin bar with the percentage beside it: readable at a glance, even when printed."""

    def paint(self, painter, option, index) -> None:
        QApplication.style().drawPrimitive(
            QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, self.parent()
        )
        text = index.data() or ""
        percent = int(text.rstrip("%") or 0)
        cell = option.rect.adjusted(6, 0, -6, 0)
        label_width = painter.fontMetrics().horizontalAdvance("100%") + 6
        track = QRect(cell.left(), cell.center().y() - 3, cell.width() - label_width, 7)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#e8e8e8"))
        painter.drawRoundedRect(track, 3, 3)
        if percent:
            painter.setBrush(QColor("#389e0d" if percent >= 100 else "#1677ff"))
            painter.drawRoundedRect(
                QRect(track.left(), track.top(), max(6, track.width() * percent // 100), 7), 3, 3
            )
        painter.setPen(option.palette.text().color())
        painter.drawText(
            QRect(track.right() + 4, cell.top(), label_width, cell.height()),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            text,
        )
        painter.restore()


class OrderListView(QTableView):
    def __init__(self, model: OrderTableModel, parent=None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # Newest first until a header is clicked: no column shows an indicator yet.
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.setWordWrap(False)
        self._delegates = (NodeDelegate(self), PercentDelegate(self))
        self.setItemDelegateForColumn(NODE, self._delegates[0])
        self.setItemDelegateForColumn(MOVED, self._delegates[1])
        self.setItemDelegateForColumn(PAID, self._delegates[1])
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = self.fontMetrics()
        workspace = model.workspace
        labels = workspace.read(lambda s: worklist.each_node_label(s, workspace.lang))
        # Wide enough for the usual labels; a longer one is cut short, whole in its tooltip.
        widest = max(metrics.horizontalAdvance(label) for label in labels)
        chip = min(widest, metrics.horizontalAdvance("Awaiting approval")) + 24
        kinds = max(metrics.horizontalAdvance(model.kind_label(k)) for k in KINDS)
        widths = {
            NUMBER: metrics.horizontalAdvance("SO-2026-000000") + 16,
            KIND: kinds + 16,
            PARTY: 170,
            NODE: chip,
            MOVED: 104,
            PAID: 96,
            DUE: 86,
            OWNER: 90,
            LATE: metrics.horizontalAdvance("超时 100 个工作小时") + 16,
            REASON: metrics.horizontalAdvance("已下单 100 个工作小时未备货") + 16,
            UPDATED: metrics.horizontalAdvance("2026-12-31 23:59") + 16,
            SHORT: max(metrics.horizontalAdvance(model.headers()[SHORT]), 40) + 20,
        }
        for column, width in widths.items():
            self.setColumnWidth(column, width)
        self.setColumnHidden(PAID, not model.workspace.sees_prices)
        # Who acts next is what a clerk looks for: beside the node, visible on a laptop
        # screen without scrolling sideways.
        header.moveSection(header.visualIndex(OWNER), header.visualIndex(NODE) + 1)
        # How late, the due date and why come next: what makes an order urgent, in sight
        # before the progress bars.
        for column, after in ((LATE, OWNER), (DUE, LATE), (REASON, DUE)):
            header.moveSection(header.visualIndex(column), header.visualIndex(after) + 1)
        # What a backorder still lacks, right after how late: both in sight on a laptop screen.
        header.moveSection(header.visualIndex(SHORT), header.visualIndex(LATE) + 1)


class OrderFilterBar(QWidget):
    """Kind, node, party, creation dates, overdue only, and a search over number/party/tracking."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.kind = QComboBox()
        self.kind.addItem(self.tr("All kinds"), None)
        for code, kind in KINDS.items():
            self.kind.addItem(kind.label(workspace.lang), code)
        self.node = QComboBox()
        self.node.addItem(self.tr("All nodes"), None)
        for code, label in workspace.read(lambda s: worklist.node_labels(s, workspace.lang)):
            self.node.addItem(label, code)
        self.party = QComboBox()
        self.party.setEditable(True)
        self.reload_parties()
        self.party.lineEdit().setPlaceholderText(self.tr("Any party"))
        self.party.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.party.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.party.setMinimumWidth(160)
        self.dated = QCheckBox(self.tr("Created between"))
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addMonths(-1))
        self.date_to = QDateEdit(today)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, party, tracking no. (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)

        first, second = QHBoxLayout(), QHBoxLayout()
        first.addWidget(self.search, 1)
        for widget in (self.kind, self.node, self.overdue):
            first.addWidget(widget)
        for widget in (self.party, self.dated, self.date_from, QLabel("–"), self.date_to):
            second.addWidget(widget)
        second.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)

        # Typing waits for a pause so the database is asked once per word, not per key.
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        self.party.currentTextChanged.connect(self._typing.start)
        self.dated.toggled.connect(self.date_from.setEnabled)
        self.dated.toggled.connect(self.date_to.setEnabled)
        for signal in (
            self.kind.currentIndexChanged,
            self.node.currentIndexChanged,
            self.dated.toggled,
            self.overdue.toggled,
            self.date_from.dateChanged,
            self.date_to.dateChanged,
        ):
            signal.connect(self.changed)

    def reload_parties(self) -> None:
        """Offer the parties the database has now (after an import), keeping what is typed."""
        typed = self.party.currentText()
        self.party.blockSignals(True)
        self.party.clear()
        self.party.addItem("")
        self.party.addItems(self.workspace.read(worklist.party_names))
        self.party.setCurrentText(typed)
        self.party.blockSignals(False)

    def apply_to(self, query: OrderFilter) -> OrderFilter:
        dated = self.dated.isChecked()
        return replace(
            query,
            kind=self.kind.currentData() or query.kind,
            status=self.node.currentData(),
            party=self.party.currentText().strip() or None,
            text=self.search.text().strip() or None,
            overdue=self.overdue.isChecked() or query.overdue,
            created_from=_date(self.date_from.date()) if dated else None,
            created_to=_date(self.date_to.date()) if dated else None,
        )


def _date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
