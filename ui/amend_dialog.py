"""The change documents asked for from an order's detail panel: an amendment (修改订单), which
sets the lines' quantities and prices, removes or adds lines, with its reason; and a
supplementary order (补单) of its own lines. The services check everything again."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from app import amendments, supplements
from app.masterdata import list_products
from app.orders import LineSpec
from ui import screen_fit
from ui.dialogs import INVALID, _FormDialog, parse_decimal

SKU, NAME, DONE, QTY, PRICE = range(5)


class LinesTable(QTableWidget):
    """Lines to edit: SKU, product, what already moved (the floor), quantity and price.
    Existing lines keep their SKU; new ones are added with a product chosen below."""

    def __init__(self, prices: bool, headers: list[str], parent=None):
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().setVisible(False)
        self.setColumnHidden(PRICE, not prices)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        self.originals: dict[str, tuple[Decimal, Decimal]] = {}

    def add(self, sku: str, name: str, done: Decimal, qty: Decimal, price: Decimal, *, old=False):
        row = self.rowCount()
        blocked = self.blockSignals(True)  # a half-made row is not checked
        self.insertRow(row)
        for column, text in enumerate(
            (sku, name, format(done.normalize(), "f"), format(qty.normalize(), "f"), f"{price:.2f}")
        ):
            item = QTableWidgetItem(text)
            if column < QTY:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if column >= DONE:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, column, item)
        self.blockSignals(blocked)
        if old:
            self.originals[sku] = (qty, price)

    def problem_rows(self) -> list[int]:
        blocked = self.blockSignals(True)  # colouring a cell is no change to check again
        try:
            return self._problem_rows()
        finally:
            self.blockSignals(blocked)

    def _problem_rows(self) -> list[int]:
        bad = []
        for row in range(self.rowCount()):
            qty = parse_decimal(self.item(row, QTY).text())
            price = parse_decimal(self.item(row, PRICE).text())
            done = Decimal(self.item(row, DONE).text())
            ok = qty is not None and qty >= max(done, Decimal(0)) and price is not None
            ok = ok and price >= 0
            for column in (QTY, PRICE):
                self.item(row, column).setBackground(
                    Qt.GlobalColor.white if ok else Qt.GlobalColor.red
                )
            if not ok:
                bad.append(row)
        return bad

    def rows(self) -> list[tuple[str, Decimal, Decimal]]:
        return [
            (
                self.item(row, SKU).text(),
                parse_decimal(self.item(row, QTY).text()),
                parse_decimal(self.item(row, PRICE).text()),
            )
            for row in range(self.rowCount())
        ]


class _LinesDialog(_FormDialog):
    def __init__(self, title: str, workspace, detail: dict, parent=None):
        super().__init__(title, parent)
        self.workspace = workspace
        self.detail = detail
        prices = workspace.sees_prices
        self.table = LinesTable(
            prices,
            [
                self.tr("SKU"),
                self.tr("Product"),
                self.tr("Shipped / received"),
                self.tr("Quantity"),
                self.tr("Unit price"),
            ],
        )
        self.products = {
            p.sku: (p.name, p.price) for p in workspace.read(lambda s: list_products(s))
        }
        self.choice = QComboBox()
        for sku, (name, _price) in self.products.items():
            self.choice.addItem(f"{sku}  {name}", sku)
        add = QPushButton(self.tr("Add line"))
        add.clicked.connect(self.add_chosen)
        adding = QHBoxLayout()
        adding.addWidget(self.choice, 1)
        adding.addWidget(add)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why (required): what the customer asked for"))
        self.reason.setFixedHeight(self.fontMetrics().height() * 3 + 16)
        self.form.addRow(self.heading())
        self.form.addRow(self.table)
        self.form.addRow(self.tr("Product to add:"), adding)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.table.itemChanged.connect(lambda _item: self.check())
        self.reason.textChanged.connect(self.check)
        screen_fit.resize_within_screen(self, 760, 480)

    def heading(self) -> QLabel:
        raise NotImplementedError

    def add_chosen(self) -> None:
        sku = self.choice.currentData()
        if sku is None or any(sku == row[0] for row in self.table.rows()):
            return
        name, price = self.products[sku]
        self.table.add(sku, name, Decimal(0), Decimal(1), price)
        self.check()

    def validate(self) -> str:
        if self.table.problem_rows():
            return self.tr(
                "Each quantity must be a number no lower than what already moved, each price "
                "a number of at least 0."
            )
        if not self.reason.toPlainText().strip():
            return self.tr("Give the reason.")
        return ""

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


class AmendDialog(_LinesDialog):
    """The order's lines as they stand; a quantity of 0 removes a line."""

    def __init__(self, workspace, detail: dict, parent=None):
        super().__init__(
            self.tr("Amend %1").replace("%1", detail["number"]), workspace, detail, parent
        )
        done_key = "received_qty" if detail["goods_fact"] == "receive" else "shipped_qty"
        for line in detail["lines"]:
            self.table.add(
                line["sku"],
                line["name"],
                Decimal(line[done_key]),
                Decimal(line["qty"]),
                Decimal(line.get("unit_price", "0")),
                old=True,
            )
        self.reason.setStyleSheet(INVALID)
        self.reason.textChanged.connect(
            lambda: self.reason.setStyleSheet("" if self.reason_text() else INVALID)
        )
        self.check()

    def heading(self) -> QLabel:
        label = QLabel(
            self.tr(
                "An approved order is not edited in place: this records an amendment (revision "
                "%1). Set 0 to remove a line. A total grown past the approval amount goes back "
                "to approval."
            ).replace("%1", str(self.detail.get("revision", 1) + 1))
        )
        label.setWordWrap(True)
        return label

    def validate(self) -> str:
        problem = super().validate()
        if problem:
            return problem
        sets, remove = self.changes()
        if not sets and not remove:
            return self.tr("Nothing changes yet.")
        return ""

    def changes(self) -> tuple[list[LineSpec], list[str]]:
        sets, remove = [], []
        for sku, qty, price in self.table.rows():
            original = self.table.originals.get(sku)
            if original is not None and qty == 0:
                remove.append(sku)
            elif original is None or (qty, price) != original:
                shown_price = price if self.workspace.sees_prices else None
                sets.append(LineSpec(sku, qty, shown_price))
        return sets, remove


class SupplementDialog(_LinesDialog):
    """The lines of a new supplementary order for the same customer."""

    def __init__(self, workspace, detail: dict, parent=None):
        super().__init__(
            self.tr("Supplementary order for %1").replace("%1", detail["number"]),
            workspace,
            detail,
            parent,
        )
        self.table.setColumnHidden(DONE, True)
        self.check()

    def heading(self) -> QLabel:
        label = QLabel(
            self.tr(
                "A new order linked to %1 for %2: missing items, an extra delivery or a "
                "reshipment. It is submitted at once and runs its own workflow."
            )
            .replace("%1", self.detail["number"])
            .replace("%2", self.detail["party"])
        )
        label.setWordWrap(True)
        return label

    def validate(self) -> str:
        if not self.table.rowCount():
            return self.tr("Add at least one line.")
        return super().validate()

    def lines(self) -> list[LineSpec]:
        return [
            LineSpec(sku, qty, price if self.workspace.sees_prices else None)
            for sku, qty, price in self.table.rows()
        ]


def run_change_document(window, action, detail: dict, common: dict) -> None:
    """Ask for an amendment or a supplementary order, then record it off the UI thread."""
    workspace, number = window.workspace, detail["number"]
    if action.kind == "amend":
        dialog = AmendDialog(workspace, detail, window)
        if window._ask(dialog):
            sets, remove = dialog.changes()
            workspace.act(
                amendments.amend,
                number,
                sets,
                remove,
                reason=dialog.reason_text(),
                expected_version=detail["version"],
                **common,
            )
        return
    dialog = SupplementDialog(workspace, detail, window)
    if window._ask(dialog):
        workspace.act(
            supplements.supplement,
            number,
            dialog.lines(),
            reason=dialog.reason_text(),
            **common,
        )


CHANGE_DOCUMENTS = ("amend", "supplement")
