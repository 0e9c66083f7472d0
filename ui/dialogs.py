"""Dialogs that ask for what an action needs, and how errors are shown to a clerk."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.actions import Action
from app.errors import Conflict, OrderTrailError
from app.orders import MoveSpec
from ui import crash, screen_fit

CARRIERS = ["顺丰速运", "中通快递", "圆通速递", "韵达快递", "德邦物流", "京东物流", "EMS"]
METHODS = ["银行转账", "现金", "支票", "微信支付", "支付宝"]
INVALID = "background: #fff1f0;"


def show_error(parent: QWidget, error: Exception, lang: str) -> bool:
    """Tell the user what went wrong; True when they chose to reload after a conflict."""
    if isinstance(error, Conflict):
        title = QApplication.translate("errors", "Changed by someone else")
        box = QMessageBox(QMessageBox.Icon.Warning, title, error.message(lang), parent=parent)
        reload = box.addButton(
            QApplication.translate("errors", "Reload"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        chosen = box.clickedButton() is reload
        box.deleteLater()
        return chosen
    if isinstance(error, OrderTrailError):
        title = QApplication.translate("errors", "Not done")
        QMessageBox.warning(parent, title, error.message(lang))
    else:
        crash.report(error, parent)
    return False


def parse_decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text.strip().replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class _FormDialog(QDialog):
    """A titled form with OK/Cancel whose OK stays disabled until `valid()` holds."""

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #a8071a;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def check(self) -> None:
        problem = self.validate()
        self.problem.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)

    def validate(self) -> str:
        """What is still wrong, or "" when the dialog can be accepted."""
        raise NotImplementedError


class QuantityTable(QTableWidget):
    """SKU, product, still open, and an editable quantity per line; bad cells turn red."""

    def __init__(self, lines: list[tuple[str, str, Decimal]], headers: list[str], parent=None):
        super().__init__(len(lines), 4, parent)
        self.setHorizontalHeaderLabels(headers)
        self.verticalHeader().setVisible(False)
        self.open = []
        for row, (sku, name, still_open) in enumerate(lines):
            for column, text in enumerate(
                (sku, name, format(still_open, "f"), format(still_open, "f"))
            ):
                item = QTableWidgetItem(text)
                if column < 3:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.setItem(row, column, item)
            self.open.append(still_open)
        self.resizeColumnsToContents()
        self.horizontalHeader().setStretchLastSection(True)

    def moves(self) -> list[MoveSpec] | None:
        """The quantities typed, or None while one of them is not a valid quantity."""
        result = []
        for row, still_open in enumerate(self.open):
            item = self.item(row, 3)
            qty = parse_decimal(item.text())
            ok = qty is not None and 0 <= qty <= still_open
            item.setBackground(Qt.GlobalColor.white if ok else Qt.GlobalColor.red)
            if not ok:
                return None
            if qty:
                result.append(MoveSpec(self.item(row, 0).text(), qty))
        return result


def _open_lines(detail: dict, done_key: str) -> list[tuple[str, str, Decimal]]:
    return [
        (line["sku"], line["name"], Decimal(line["qty"]) - Decimal(line[done_key]))
        for line in detail["lines"]
        if not line["service"] and Decimal(line["qty"]) > Decimal(line[done_key])
    ]


class ShipDialog(_FormDialog):
    def __init__(self, detail: dict, parent=None):
        super().__init__(self.tr("Ship %1").replace("%1", detail["number"]), parent)
        self.carrier = QComboBox()
        self.carrier.setEditable(True)
        self.carrier.addItems(CARRIERS)
        self.carrier.setCurrentText("")
        self.carrier.lineEdit().setPlaceholderText(self.tr("Carrier"))
        self.tracking = QLineEdit()
        self.tracking.setPlaceholderText(self.tr("Tracking number from the waybill"))
        self.table = QuantityTable(
            _open_lines(detail, "shipped_qty"),
            [self.tr("SKU"), self.tr("Product"), self.tr("Still to ship"), self.tr("Ship now")],
        )
        self.form.addRow(self.tr("Carrier"), self.carrier)
        self.form.addRow(self.tr("Tracking no."), self.tracking)
        self.form.addRow(self.table)
        self.carrier.currentTextChanged.connect(self.check)
        self.tracking.textChanged.connect(self.check)
        self.table.itemChanged.connect(self.check)
        screen_fit.resize_within_screen(self, 560, 360)
        self.check()

    def validate(self) -> str:
        if not self.carrier.currentText().strip():
            return self.tr("Choose or type the carrier.")
        if not self.tracking.text().strip():
            return self.tr("Type the tracking number.")
        moves = self.table.moves()
        if moves is None:
            return self.tr("Each quantity must be a number between 0 and what is still open.")
        if not moves:
            return self.tr("Ship at least one item.")
        return ""

    def values(self) -> tuple[str, str, list[MoveSpec]]:
        return (
            self.carrier.currentText().strip(),
            self.tracking.text().strip(),
            self.table.moves() or [],
        )


class ReceiveDialog(_FormDialog):
    def __init__(self, detail: dict, parent=None):
        super().__init__(self.tr("Receive %1").replace("%1", detail["number"]), parent)
        self.table = QuantityTable(
            _open_lines(detail, "received_qty"),
            [self.tr("SKU"), self.tr("Product"), self.tr("Still to come"), self.tr("Received now")],
        )
        self.form.addRow(self.table)
        self.table.itemChanged.connect(self.check)
        screen_fit.resize_within_screen(self, 520, 320)
        self.check()

    def validate(self) -> str:
        moves = self.table.moves()
        if moves is None:
            return self.tr("Each quantity must be a number between 0 and what is still open.")
        return "" if moves else self.tr("Receive at least one item.")

    def values(self) -> list[MoveSpec]:
        return self.table.moves() or []


class SignDialog(_FormDialog):
    """Which shipment the customer signed for."""

    def __init__(self, detail: dict, parent=None):
        super().__init__(self.tr("Signed for: %1").replace("%1", detail["number"]), parent)
        self.shipment = QComboBox()
        for shipment in detail["shipments"]:
            if shipment["delivered_at"] is None:
                self.shipment.addItem(
                    f"{shipment['number']}  {shipment['carrier']}  {shipment['tracking_no']}",
                    shipment["number"],
                )
        self.form.addRow(self.tr("Shipment"), self.shipment)
        self.check()

    def validate(self) -> str:
        return "" if self.shipment.count() else self.tr("Every shipment is signed for.")

    def value(self) -> str:
        return self.shipment.currentData()


class _MoneyDialog(_FormDialog):
    """An amount (the open one to start with), a method and a reference."""

    def add_money_rows(self, currency: str, due: Decimal, due_label: str, amount_label: str):
        self.amount = QLineEdit(f"{due:.2f}")
        self.amount.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.method = QComboBox()
        self.method.setEditable(True)
        self.method.addItems(METHODS)
        self.reference = QLineEdit()
        self.form.addRow(due_label, QLabel(f"{currency} {due:,.2f}"))
        self.form.addRow(amount_label, self.amount)
        self.form.addRow(self.tr("Method"), self.method)
        self.form.addRow(self.tr("Reference"), self.reference)
        self.amount.textChanged.connect(self.check)
        self.check()

    def values(self) -> tuple[Decimal, str, str]:
        return (
            parse_decimal(self.amount.text()),
            self.method.currentText().strip(),
            self.reference.text().strip(),
        )


class PaymentDialog(_MoneyDialog):
    def __init__(self, detail: dict, parent=None):
        super().__init__(self.tr("Payment for %1").replace("%1", detail["number"]), parent)
        self.open_balance = Decimal(detail["total"]) - Decimal(detail["paid"])
        self.add_money_rows(
            detail["currency"],
            self.open_balance,
            self.tr("Open balance"),
            self.tr("Amount (negative for a refund)"),
        )

    def validate(self) -> str:
        value = parse_decimal(self.amount.text())
        ok = value is not None and value != 0 and value <= self.open_balance
        self.amount.setStyleSheet("" if ok else INVALID)
        if value is None or value == 0:
            return self.tr("The amount must be a number other than 0.")
        if value > self.open_balance:
            return self.tr("The amount is more than the open balance.")
        return ""


class StepDialog(_FormDialog):
    """A workflow step that needs a reason (cancel) or a comment (reject), or takes one."""

    def __init__(self, action: Action, number: str, lang: str, parent=None):
        super().__init__(f"{action.label(lang)} · {number}", parent)
        self.required = "reason" in action.requires or "comment" in action.requires
        self.text = QPlainTextEdit()
        self.text.setFixedHeight(90)
        label = self.tr("Reason") if "reason" in action.requires else self.tr("Comment")
        self.form.addRow(label if self.required else self.tr("Comment (optional)"), self.text)
        self.text.textChanged.connect(self.check)
        self.check()

    def validate(self) -> str:
        if self.required and not self.text.toPlainText().strip():
            return self.tr("Please write why.")
        return ""

    def value(self) -> str:
        return self.text.toPlainText().strip()
