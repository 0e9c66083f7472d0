"""Creating and editing a draft: party picker, product lines with SKU completion, totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app import orders, queries, worklist
from app.kinds import KINDS
from app.orders import LineSpec
from ui import dialogs, screen_fit
from ui.workspace import Workspace

SKU, NAME, AVAILABLE, QTY, PRICE, AMOUNT = range(6)
SHORT_BACKGROUND = "#fff7e6"  # more ordered than is available: a backorder
CENT = Decimal("0.01")
THOUSANDTH = Decimal("0.001")


def _available(product: dict | None) -> str:
    if product is None:
        return ""
    return "—" if product["service"] else product["available"]


class SkuDelegate(QStyledItemDelegate):
    """The SKU cell completes from the product list as you type (SKU or name)."""

    def __init__(self, choices: list[str], parent=None):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        completer = QCompleter(self.choices, editor)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The popup is as wide as its longest "SKU  name", not as the narrow SKU cell.
        popup = completer.popup()
        widest = max((popup.fontMetrics().horizontalAdvance(c) for c in self.choices), default=0)
        popup.setMinimumWidth(widest + popup.verticalScrollBar().sizeHint().width() + 24)
        editor.setCompleter(completer)
        return editor

    def setModelData(self, editor, model, index) -> None:
        # A completion reads "SKU  name"; the cell keeps the SKU.
        model.setData(index, editor.text().split("  ")[0].strip())


def _number(text: str, step: Decimal, allow_zero: bool) -> Decimal | None:
    value = dialogs.parse_decimal(text)
    if value is None or value < 0 or (value == 0 and not allow_zero):
        return None
    return value if value == value.quantize(step) else None


class OrderEditor(QDialog):
    def __init__(self, workspace: Workspace, kind: str, detail: dict | None = None, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.kind = kind
        # What the editor asks for depends on whom the order is with.
        to_customer = KINDS[kind].party_kind == "customer"
        self.detail = detail
        self.saved_number: str | None = None
        title = self.tr("New sales order") if to_customer else self.tr("New purchase order")
        if detail:
            title = self.tr("Edit draft %1").replace("%1", detail["number"])
        self.setWindowTitle(title)
        products = workspace.read(queries.product_rows)
        self.products = {p["sku"]: p for p in products}

        self.party = QComboBox()
        self.party.setEditable(True)
        self.party.addItem("")
        self.party.addItems(
            workspace.read(lambda s: worklist.party_names(s, KINDS[kind].party_kind))
        )
        self.party.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.party.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.party.lineEdit().setPlaceholderText(
            self.tr("Type to search customers")
            if to_customer
            else self.tr("Type to search suppliers")
        )
        self.has_due = QCheckBox(self.tr("Due date"))
        self.due = QDateEdit(QDate.currentDate().addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.has_due.toggled.connect(self.check)
        self.due.dateChanged.connect(self.check)
        due_row = QHBoxLayout()
        due_row.addWidget(self.has_due)
        due_row.addWidget(self.due)
        due_row.addStretch(1)
        self.note = QLineEdit()

        self.lines = QTableWidget(0, 6)
        self.lines.setHorizontalHeaderLabels(
            [
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("Available"),
                self.tr("Quantity"),
                self.tr("Unit price"),
                self.tr("Amount"),
            ]
        )
        self.lines.verticalHeader().setVisible(False)
        self.lines.setItemDelegateForColumn(
            SKU, SkuDelegate([f"{p['sku']}  {p['name']}" for p in products], self)
        )
        for column, width in ((SKU, 90), (NAME, 210), (AVAILABLE, 70), (QTY, 80), (PRICE, 90)):
            self.lines.setColumnWidth(column, width)
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.lines.itemChanged.connect(self._line_changed)
        add = QPushButton(self.tr("Add line"))
        add.clicked.connect(lambda: self.add_line())
        remove = QPushButton(self.tr("Remove line"))
        remove.clicked.connect(self.remove_line)
        line_buttons = QHBoxLayout()
        line_buttons.addWidget(add)
        line_buttons.addWidget(remove)
        line_buttons.addStretch(1)
        self.total = QLabel()
        self.total.setStyleSheet("font-size: 15px; font-weight: bold;")
        line_buttons.addWidget(self.total)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a8071a;")
        self.warning = QLabel()  # worth a second look, but may be saved
        self.warning.setStyleSheet("color: #ad6800;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Customer") if to_customer else self.tr("Supplier"), self.party)
        form.addRow(due_row)
        form.addRow(self.tr("Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lines)
        layout.addLayout(line_buttons)
        layout.addWidget(self.problem)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        self.party.currentTextChanged.connect(self.check)
        screen_fit.resize_within_screen(self, 760, 480)

        if detail:
            self.party.setCurrentText(detail["party"])
            if detail["due"]:
                self.has_due.setChecked(True)
                self.due.setDate(QDate.fromString(detail["due"], "yyyy-MM-dd"))
            self.note.setText(detail["note"])
            for line in detail["lines"]:
                self.add_line(line["sku"], line["qty"], line["unit_price"])
        else:
            self.add_line()
        self.check()

    # --- lines ----------------------------------------------------------------------------

    def add_line(self, sku: str = "", qty: str = "1", price: str = "") -> int:
        self.lines.blockSignals(True)
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        cells = ((SKU, sku), (NAME, ""), (AVAILABLE, ""), (QTY, qty), (PRICE, price), (AMOUNT, ""))
        for column, text in cells:
            item = QTableWidgetItem(text)
            if column in (NAME, AVAILABLE, AMOUNT):
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column in (AVAILABLE, QTY, PRICE, AMOUNT):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.lines.setItem(row, column, item)
        self.lines.blockSignals(False)
        self._line_changed(self.lines.item(row, SKU))
        return row

    def remove_line(self) -> None:
        row = self.lines.currentRow()
        if row >= 0:
            self.lines.removeRow(row)
            self.check()

    def set_cell(self, row: int, column: int, text: str) -> None:
        self.lines.item(row, column).setText(text)

    def _line_changed(self, item: QTableWidgetItem) -> None:
        row = item.row()
        if item.column() == SKU:
            product = self.products.get(item.text().strip())
            self.lines.blockSignals(True)
            self.lines.item(row, NAME).setText(product["name"] if product else "")
            self.lines.item(row, AVAILABLE).setText(_available(product))
            if product and not self.lines.item(row, PRICE).text().strip():
                self.lines.item(row, PRICE).setText(product["price"])
            self.lines.blockSignals(False)
        self.check()

    def _line_problem(self, row: int) -> str:
        cells = [self.lines.item(row, c) for c in (SKU, QTY, PRICE)]
        sku, qty, price = (cell.text().strip() for cell in cells)
        checks = [
            (sku in self.products, self.tr("Line %1: choose a product from the list")),
            (
                _number(qty, THOUSANDTH, False) is not None,
                self.tr("Line %1: the quantity must be more than 0, with at most 3 decimals"),
            ),
            (
                _number(price, CENT, True) is not None,
                self.tr("Line %1: the price must be 0 or more, with at most 2 decimals"),
            ),
        ]
        self.lines.blockSignals(True)
        for cell, (ok, _) in zip(cells, checks, strict=True):
            cell.setBackground(Qt.GlobalColor.white if ok else Qt.GlobalColor.yellow)
        amount = ""
        if all(ok for ok, _ in checks):
            amount = f"{(Decimal(qty) * Decimal(price)).quantize(CENT):,.2f}"
        self.lines.item(row, AMOUNT).setText(amount)
        self._mark_shortage(row, self.products.get(sku), _number(qty, THOUSANDTH, False))
        self.lines.blockSignals(False)
        return next((why.replace("%1", str(row + 1)) for ok, why in checks if not ok), "")

    def check(self) -> None:
        """Validate as the user types: mark bad cells, total the good lines, gate Save."""
        problems = [self._line_problem(row) for row in range(self.lines.rowCount())]
        total = sum(
            (
                Decimal(self.lines.item(r, AMOUNT).text().replace(",", ""))
                for r in range(self.lines.rowCount())
                if self.lines.item(r, AMOUNT).text()
            ),
            Decimal(0),
        )
        self.total.setText(self.tr("Total: %1").replace("%1", f"CNY {total:,.2f}"))
        problem = next((p for p in problems if p), "")
        if not self.party.currentText().strip():
            problem = self.tr("Choose the party.")
        elif not self.lines.rowCount():
            problem = self.tr("Add at least one line.")
        self.problem.setText(problem)
        self.warning.setText(self._warning())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problem)

    def _warning(self) -> str:
        if self.has_due.isChecked() and self.due.date() < QDate.currentDate():
            return self.tr("The due date %1 is already past: is that meant?").replace(
                "%1", self.due.date().toString("yyyy-MM-dd")
            )
        return ""

    def _mark_shortage(self, row: int, product: dict | None, qty: Decimal | None) -> None:
        """A sale of more than is available is placed as a backorder: show it, allow it."""
        cell = self.lines.item(row, AVAILABLE)
        short = (
            self.kind == "sales"
            and product is not None
            and not product["service"]
            and qty is not None
            and qty > Decimal(product["available"])
        )
        cell.setBackground(QColor(SHORT_BACKGROUND) if short else Qt.GlobalColor.white)
        cell.setToolTip(
            self.tr("Only %1 available: the rest is a backorder.").replace(
                "%1", product["available"]
            )
            if short
            else ""
        )

    # --- saving ---------------------------------------------------------------------------

    def line_specs(self) -> list[LineSpec]:
        return [
            LineSpec(
                self.lines.item(r, SKU).text().strip(),
                self.lines.item(r, QTY).text().strip(),
                self.lines.item(r, PRICE).text().strip(),
            )
            for r in range(self.lines.rowCount())
        ]

    def save(self) -> None:
        due = self.due.date()
        values = dict(
            due=date(due.year(), due.month(), due.day()) if self.has_due.isChecked() else None,
            note=self.note.text(),
        )
        party, lines = self.party.currentText().strip(), self.line_specs()
        self.buttons.setEnabled(False)
        if self.detail:
            number = self.detail["number"]
            self.workspace.act(
                orders.update_draft,
                number,
                party,
                lines,
                expected_version=self.detail["version"],
                on_done=self._saved,
                on_error=self._failed,
                **values,
            )
        else:
            self.workspace.act(
                orders.create_order,
                self.kind,
                party,
                lines,
                on_done=self._saved,
                on_error=self._failed,
                **values,
            )

    def _saved(self, order) -> None:
        self.saved_number = order.number
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        if dialogs.show_error(self, error, self.workspace.lang):
            self.reject()  # the window reloads the order the user chose to see afresh
