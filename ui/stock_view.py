"""The stock view: per product on hand, reserved, available, short and on order; the
ledger behind the selected product; reorder suggestions and the button that makes the
draft purchase orders, one per supplier."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import orders, reorder, stock_view
from app.changes import Changes
from ui import background, dialogs
from ui.formats import local_time
from ui.tables import picking_table
from ui.workspace import Workspace

SHORT_BRUSH = QBrush(QColor("#d4380d"))
LOW_BRUSH = QBrush(QColor("#fff7e6"))
FIGURES = ("on_hand", "reserved", "available", "short", "on_order", "min_stock")


def _table(headers: list[str], stretch: int | None = None) -> QTableWidget:
    table = picking_table(headers, stretch)
    table.setWordWrap(False)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], right: tuple[int, ...] = ()) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c in right:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)


class StockView(QWidget):
    created = Signal(list)  # the numbers of new draft purchase orders
    loaded = Signal()  # figures and the shown product's ledger are on screen

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.rows: list[dict] = []
        self.sku: str | None = None
        self._generation = 0

        self.products = _table(
            [
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("On hand"),
                self.tr("Reserved"),
                self.tr("Available"),
                self.tr("Short"),
                self.tr("On order"),
                self.tr("Minimum"),
                self.tr("Supplier"),
            ],
            stretch=1,
        )
        self.products.setObjectName("stock_products")
        self.ledger_title = QLabel()
        self.ledger_title.setStyleSheet("font-weight: bold;")
        self.short_orders = QLabel()
        self.short_orders.setWordWrap(True)
        self.short_orders.setStyleSheet("color: #d4380d;")
        self.ledger = _table(
            [
                self.tr("Time"),
                self.tr("Movement"),
                self.tr("Document"),
                self.tr("By"),
                self.tr("On hand ±"),
                self.tr("Reserved ±"),
                self.tr("On hand"),
                self.tr("Reserved"),
            ]
        )
        self.ledger.setObjectName("stock_ledger")
        self.suggestions = _table(
            [self.tr("SKU"), self.tr("Supplier"), self.tr("Buy"), self.tr("Why")], stretch=3
        )
        self.suggestions.setObjectName("reorder_suggestions")
        self.suggestions.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Create draft purchase orders"))
        self.create_button.clicked.connect(self.create_purchase_orders)
        self.may_buy = workspace.read(lambda s: orders.may_create(s, workspace.user, "purchase"))
        self.create_button.setVisible(self.may_buy)

        ledger_box = QWidget()
        ledger_layout = QVBoxLayout(ledger_box)
        ledger_layout.setContentsMargins(0, 0, 0, 0)
        ledger_layout.addWidget(self.ledger_title)
        ledger_layout.addWidget(self.short_orders)
        ledger_layout.addWidget(self.ledger)
        reorder_box = QWidget()
        reorder_layout = QVBoxLayout(reorder_box)
        reorder_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        title = QLabel(self.tr("Reorder suggestions"))
        title.setStyleSheet("font-weight: bold;")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(self.create_button)
        reorder_layout.addLayout(top)
        reorder_layout.addWidget(self.suggestions)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(ledger_box)
        lower.addWidget(reorder_box)
        lower.setSizes([640, 520])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.products)
        split.addWidget(lower)
        split.setSizes([300, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)

        self.products.currentCellChanged.connect(self._row_changed)
        workspace.changed.connect(self._changed)

    # --- reading --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read every product's figures and the suggestions off the UI thread (at 100,000
        orders the shortfalls take a moment), then show them."""
        workspace = self.workspace
        user, lang = workspace.user, workspace.lang
        self._generation += 1
        generation = self._generation
        background.run(
            lambda: workspace.read(
                lambda s: (
                    stock_view.stock_rows(s, user),
                    [x.row(lang) for x in reorder.suggestions(s, user)],
                )
            ),
            lambda found: self._arrived(generation, *found),
            lambda error: dialogs.show_error(self, error, lang),
        )

    def _arrived(self, generation: int, rows: list[dict], found: list[dict]) -> None:
        if generation != self._generation:
            return  # read again meanwhile
        self.rows = rows
        _fill(
            self.products,
            [
                [r["sku"], r["name"], *(r[k] for k in FIGURES), r["supplier"] or "—"]
                for r in self.rows
            ],
            right=(2, 3, 4, 5, 6, 7),
        )
        for row, r in enumerate(self.rows):
            if r["short"] != "0":
                self.products.item(row, 5).setForeground(SHORT_BRUSH)
            if r["below_min"]:
                for column in range(self.products.columnCount()):
                    self.products.item(row, column).setBackground(LOW_BRUSH)
        _fill(
            self.suggestions,
            [[r["sku"], r["supplier"] or "—", r["qty"], r["reason"]] for r in found],
            right=(2,),
        )
        self.suggestions.resizeRowsToContents()
        self.create_button.setEnabled(any(r["supplier"] for r in found))
        skus = [r["sku"] for r in self.rows]
        shown = self.sku if self.sku in skus else (skus[0] if skus else None)
        self.sku = None  # read the shown product again: its ledger may have grown
        self.products.setCurrentCell(skus.index(shown) if shown else -1, 0)
        if self.sku is None:
            self.show_product(shown)

    def _row_changed(self, row: int, _column: int, _old_row: int, _old_column: int) -> None:
        if 0 <= row < len(self.rows) and self.rows[row]["sku"] != self.sku:
            self.show_product(self.rows[row]["sku"])

    def show_product(self, sku: str | None) -> None:
        self.sku = sku
        if sku is None:
            self.ledger_title.setText(self.tr("No stocked products"))
            self.short_orders.clear()
            _fill(self.ledger, [])
            return
        workspace = self.workspace
        background.run(
            lambda: workspace.read(
                lambda s: stock_view.product_stock(s, workspace.user, sku, workspace.lang)
            ),
            self._product_arrived,
            lambda error: dialogs.show_error(self, error, workspace.lang),
        )

    def _product_arrived(self, found: dict) -> None:
        if found["sku"] != self.sku:
            return  # another product was chosen meanwhile
        self.ledger_title.setText(
            self.tr("Ledger of %1 %2").replace("%1", found["sku"]).replace("%2", found["name"])
        )
        waiting = ", ".join(f"{o['number']} ({o['short']})" for o in found["short_orders"])
        self.short_orders.setText(
            self.tr("Orders short of it: %1").replace("%1", waiting) if waiting else ""
        )
        self.short_orders.setVisible(bool(waiting))
        _fill(
            self.ledger,
            [
                [
                    local_time(m["at"]),
                    m["kind_label"],
                    m["document"],
                    m["user"],
                    *(m[k] for k in stock_view.LEDGER_FIGURES),
                ]
                for m in found["ledger"]
            ],
            right=(4, 5, 6, 7),
        )
        self.loaded.emit()

    def _changed(self, changes: Changes) -> None:
        concerns = changes.concerns_lists() or "products" in changes.master_data
        if self.isVisible() and concerns:
            self.reload()

    # --- acting ---------------------------------------------------------------------------

    def create_purchase_orders(self) -> None:
        self.create_button.setEnabled(False)
        self.workspace.act(
            reorder.create_purchase_orders, on_done=self._created, on_error=self._failed
        )

    def _created(self, made) -> None:
        numbers = [order.number for order in made]
        self.created.emit(numbers)
        QMessageBox.information(
            self,
            self.tr("Draft purchase orders"),
            self.tr("Created %1 for the purchasing staff to check and submit.").replace(
                "%1", ", ".join(numbers)
            ),
        )

    def _failed(self, error: Exception) -> None:
        self.create_button.setEnabled(True)
        dialogs.show_error(self, error, self.workspace.lang)
