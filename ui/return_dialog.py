"""Dialogs for returns, exchanges, refunds and shipment trouble, and the actions they start."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QTableWidgetItem,
)

from app import orders, returns, shipments
from app.returns import ReturnLine
from ui import screen_fit
from ui.dialogs import INVALID, QuantityTable, _FormDialog, _MoneyDialog, parse_decimal


def _reason_box() -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setFixedHeight(70)
    return box


class ReturnDialog(_FormDialog):
    """What comes back (at most what was shipped and not yet returned), and why; for an
    exchange the same goods go out again on a free replacement order."""

    def __init__(self, number: str, lines, *, exchange: bool, parent=None):
        title = self.tr("Exchange for %1") if exchange else self.tr("Return from %1")
        super().__init__(title.replace("%1", number), parent)
        self.table = QuantityTable(
            lines,
            [self.tr("SKU"), self.tr("Product"), self.tr("May come back"), self.tr("Comes back")],
        )
        for row in range(self.table.rowCount()):
            self.table.item(row, 3).setText("0")
        self.table.setColumnCount(5)
        self.table.setHorizontalHeaderItem(4, QTableWidgetItem(self.tr("Reason for this line")))
        for row in range(self.table.rowCount()):
            self.table.setItem(row, 4, QTableWidgetItem(""))
        self.reason = _reason_box()
        self.form.addRow(self.table)
        self.form.addRow(self.tr("Reason"), self.reason)
        if exchange:
            self.form.addRow(
                QLabel(
                    self.tr(
                        "The same goods go out again on a free replacement order, which sales "
                        "submit like any order."
                    )
                )
            )
        self.table.itemChanged.connect(self.check)
        self.reason.textChanged.connect(self.check)
        screen_fit.resize_within_screen(self, 680, 380)
        self.check()

    def validate(self) -> str:
        moves = self.table.moves()
        if moves is None:
            return self.tr("Each quantity must be a number between 0 and what may come back.")
        if not moves:
            return self.tr("Take back at least one item.")
        if not self.reason.toPlainText().strip() and any(
            not self._line_reason(row) for row in self._rows_taken()
        ):
            return self.tr("Please write why the goods come back.")
        return ""

    def _rows_taken(self) -> list[int]:
        return [
            row
            for row in range(self.table.rowCount())
            if (parse_decimal(self.table.item(row, 3).text()) or 0) > 0
        ]

    def _line_reason(self, row: int) -> str:
        return self.table.item(row, 4).text().strip()

    def values(self) -> tuple[list[ReturnLine], str]:
        lines = [
            ReturnLine(
                self.table.item(row, 0).text(),
                parse_decimal(self.table.item(row, 3).text()),
                self._line_reason(row),
            )
            for row in self._rows_taken()
        ]
        return lines, self.reason.toPlainText().strip()


class TroubleDialog(_FormDialog):
    """Which shipment was refused (or lost), and why."""

    def __init__(self, detail: dict, lost: bool, parent=None):
        title = self.tr("Lost shipment: %1") if lost else self.tr("Refused shipment: %1")
        super().__init__(title.replace("%1", detail["number"]), parent)
        self.shipment = QComboBox()
        for s in detail["shipments"]:
            if s["state"] == shipments.IN_TRANSIT:
                self.shipment.addItem(
                    f"{s['number']}  {s['carrier']}  {s['tracking_no']}", s["number"]
                )
        self.reason = _reason_box()
        self.form.addRow(self.tr("Shipment"), self.shipment)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.reason.textChanged.connect(self.check)
        self.check()

    def validate(self) -> str:
        if not self.shipment.count():
            return self.tr("No shipment is on its way.")
        return "" if self.reason.toPlainText().strip() else self.tr("Please write why.")

    def values(self) -> tuple[str, str]:
        return self.shipment.currentData(), self.reason.toPlainText().strip()


class ResolveDialog(_FormDialog):
    """Reship the goods, or take them back and refund; either way a return brings them in."""

    def __init__(self, detail: dict, parent=None):
        super().__init__(
            self.tr("Resolve the exception of %1").replace("%1", detail["number"]), parent
        )
        troubled = [
            s
            for s in detail["shipments"]
            if s["state"] in shipments.TROUBLE_NAMES and not s["resolution"]
        ]
        summary = "<br>".join(
            f"{s['number']} · {s['state_label']} · {s['trouble_reason']}" for s in troubled
        )
        self.form.addRow(QLabel(summary))
        self.reship = QRadioButton(self.tr("Reship the goods on a free supplementary order"))
        self.refund = QRadioButton(self.tr("Take the goods back on a return and refund them"))
        self.reship.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.reship)
        group.addButton(self.refund)
        self.form.addRow(self.reship)
        self.form.addRow(self.refund)
        self.comment = _reason_box()
        self.form.addRow(self.tr("Comment (optional)"), self.comment)
        self.form.addRow(
            QLabel(
                self.tr(
                    "Refused goods go back into stock when the warehouse receives the return; "
                    "lost goods are written off."
                )
            )
        )
        self.check()

    def validate(self) -> str:
        return ""

    def values(self) -> tuple[str, str]:
        how = shipments.RESHIP if self.reship.isChecked() else shipments.REFUND
        return how, self.comment.toPlainText().strip()


class ReturnReceiveDialog(_FormDialog):
    """Returned goods arriving: how many in good order, how many damaged."""

    def __init__(self, detail: dict, parent=None):
        super().__init__(self.tr("Goods back for %1").replace("%1", detail["number"]), parent)
        lines = [
            (line["sku"], line["name"], Decimal(line["qty"]) - Decimal(line["received_qty"]))
            for line in detail["lines"]
            if Decimal(line["qty"]) > Decimal(line["received_qty"])
        ]
        headers = [self.tr("SKU"), self.tr("Product"), self.tr("Still to come")]
        self.good = QuantityTable(lines, [*headers, self.tr("In good order")])
        self.damaged = QuantityTable(lines, [*headers, self.tr("Damaged")])
        for row in range(self.damaged.rowCount()):
            self.damaged.item(row, 3).setText("0")
        self.form.addRow(self.good)
        self.form.addRow(QLabel(self.tr("Damaged goods are kept apart, never available:")))
        self.form.addRow(self.damaged)
        for table in (self.good, self.damaged):
            table.itemChanged.connect(self.check)
        screen_fit.resize_within_screen(self, 560, 420)
        self.check()

    def validate(self) -> str:
        good, damaged = self.good.moves(), self.damaged.moves()
        if good is None or damaged is None:
            return self.tr("Each quantity must be a number between 0 and what is still open.")
        return "" if good or damaged else self.tr("Receive at least one item.")

    def values(self):
        return self.good.moves() or [], self.damaged.moves() or None


class RefundDialog(_MoneyDialog):
    def __init__(self, detail: dict, parent=None):
        super().__init__(self.tr("Refund for %1").replace("%1", detail["number"]), parent)
        self.due = Decimal(detail["total"]) + Decimal(detail["paid"])
        self.add_money_rows(
            detail["currency"], self.due, self.tr("Still to refund"), self.tr("Refund")
        )

    def validate(self) -> str:
        value = parse_decimal(self.amount.text())
        ok = value is not None and 0 < value <= self.due
        self.amount.setStyleSheet("" if ok else INVALID)
        return "" if ok else self.tr("The refund must be more than 0 and at most what is due.")


def take_action(window, action, detail: dict, common: dict) -> bool:
    """Run the dialog and the service of a trouble, resolution or return action; False when
    the action is none of these."""
    workspace, number = window.workspace, detail["number"]
    coming_back = workspace.read(lambda s: returns.is_return(orders.find_order(s, number)))
    if action.kind in ("refuse", "lost"):
        dialog = TroubleDialog(detail, action.kind == "lost", window)
        if window._ask(dialog):
            shipment, reason = dialog.values()
            service = shipments.report_lost if action.kind == "lost" else shipments.refuse
            workspace.act(service, shipment, reason=reason, **common)
    elif action.kind == "resolve":
        dialog = ResolveDialog(detail, window)
        if window._ask(dialog):
            how, comment = dialog.values()
            workspace.act(shipments.resolve, number, how, comment=comment, **common)
    elif action.kind in ("return", "exchange"):
        lines = workspace.read(lambda s: returns.returnable_lines(s, number))
        dialog = ReturnDialog(number, lines, exchange=action.kind == "exchange", parent=window)
        if window._ask(dialog):
            chosen, reason = dialog.values()
            service = returns.exchange if action.kind == "exchange" else returns.create_return
            workspace.act(service, number, chosen, reason=reason, **common)
    elif action.kind == "receive" and coming_back:
        dialog = ReturnReceiveDialog(detail, window)
        if window._ask(dialog):
            good, damaged = dialog.values()
            workspace.act(returns.receive_return, number, good, damaged=damaged, **common)
    elif action.kind == "pay" and coming_back:
        dialog = RefundDialog(detail, window)
        if window._ask(dialog):
            value, method, reference = dialog.values()
            workspace.act(
                returns.refund, number, value, method=method, reference=reference, **common
            )
    else:
        return False
    return True
