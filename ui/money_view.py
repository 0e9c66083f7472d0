"""The finance page: receivables and payables aged by days past due, and the month-end
reconciliation report with its exports and the lock of a closed month."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import ageing, periods, reconcile
from app.clock import utcnow
from app.reconcile_files import write_report
from app.roles import may
from ui import background, dialogs
from ui.tables import picking_table
from ui.workspace import Workspace

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
OVER_LIMIT = QColor("#b42318")
MONTHS_SHOWN = 24


def _table(headers: list[str], stretch: int) -> QTableWidget:
    table = picking_table(headers, stretch)
    table.setAlternatingRowColors(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numeric_from: int) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c >= numeric_from:
                item.setTextAlignment(RIGHT)
            table.setItem(r, c, item)


def _money(value) -> str:
    return f"{value:,.2f}"


def recent_months(today: date, count: int = MONTHS_SHOWN) -> list[str]:
    """This month and the ones before it, newest first."""
    months, year, month = [], today.year, today.month
    for _ in range(count):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return months


class AgeingTab(QWidget):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.result: ageing.Ageing | None = None
        lang = workspace.lang
        self.heading = QLabel()
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.reload)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.refresh_button)
        buckets = [ageing.BUCKET_LABELS[b][1 if lang == "en" else 0] for b in ageing.BUCKETS]
        self.parties = _table(
            [self.tr("Customer / supplier"), self.tr("Side"), self.tr("Payment terms")]
            + buckets
            + [self.tr("Total open"), self.tr("Credit limit")],
            0,
        )
        self.orders = _table(
            [
                self.tr("Order"),
                self.tr("Total"),
                self.tr("Paid"),
                self.tr("Open"),
                self.tr("Payment due"),
                self.tr("Days past due"),
            ],
            0,
        )
        self.orders_label = QLabel(self.tr("Open orders of the selected party"))
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.orders_label)
        lower_layout.addWidget(self.orders)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.parties)
        split.addWidget(lower)
        split.setSizes([380, 200])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.parties.currentCellChanged.connect(lambda row, *_: self._show_orders(row))

    def reload(self) -> None:
        self.heading.setText(self.tr("Loading…"))
        database, user = self.workspace.database, self.workspace.user

        def work():
            with database.reading() as session:
                return ageing.ageing(session, user)

        background.run(work, self._show, self._failed)

    def _failed(self, error: Exception) -> None:
        self.heading.setText("")
        dialogs.show_error(self, error, self.workspace.lang)

    def _show(self, result: ageing.Ageing) -> None:
        self.result = result
        lang = self.workspace.lang
        sides = {"receivable": self.tr("Receivable"), "payable": self.tr("Payable")}
        received, paid = result.totals("receivable"), result.totals("payable")
        self.heading.setText(
            self.tr("As at %1 · receivable %2 · payable %3")
            .replace("%1", result.as_of.isoformat())
            .replace("%2", _money(sum(received.values())))
            .replace("%3", _money(sum(paid.values())))
        )
        rows = [
            [
                row.party,
                sides[row.side],
                f"{row.terms.text} ({row.terms.describe(lang)})"
                if row.terms.text
                else row.terms.describe(lang),
                *(_money(row.buckets[b]) for b in ageing.BUCKETS),
                _money(row.total),
                "" if row.credit_limit is None else _money(row.credit_limit),
            ]
            for row in result.parties
        ]
        _fill(self.parties, rows, 3)
        for index, row in enumerate(result.parties):
            if row.over_limit:
                for column in (len(ageing.BUCKETS) + 3, len(ageing.BUCKETS) + 4):
                    item = self.parties.item(index, column)
                    item.setForeground(QBrush(OVER_LIMIT))
                    item.setToolTip(self.tr("Open receivable over the credit limit"))
        if result.parties:
            self.parties.selectRow(0)
        self._show_orders(0 if result.parties else -1)

    def _show_orders(self, row: int) -> None:
        if self.result is None or not 0 <= row < len(self.result.parties):
            _fill(self.orders, [], 1)
            return
        party = self.result.parties[row]
        self.orders_label.setText(self.tr("Open orders of %1").replace("%1", party.party))
        database, user, as_of = self.workspace.database, self.workspace.user, self.result.as_of

        def work():
            with database.reading() as session:
                return ageing.party_orders(session, user, party.party, party.side, as_of)

        background.run(work, self._fill_orders, self._failed)

    def _fill_orders(self, orders: list[ageing.OpenOrder]) -> None:
        _fill(
            self.orders,
            [
                [
                    o.number,
                    _money(o.total),
                    _money(o.paid),
                    _money(o.open),
                    o.due.isoformat(),
                    str(o.days_past) if o.days_past >= 0 else self.tr("not yet due"),
                ]
                for o in orders
            ],
            1,
        )


class ReconcileTab(QWidget):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.report: reconcile.Report | None = None
        self.month = QComboBox()
        self.month.addItems(recent_months(utcnow().date()))
        self.month.setCurrentIndex(1)  # last month: the one being closed
        self.run_button = QPushButton(self.tr("Reconcile"))
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        self.pdf_button = QPushButton(self.tr("Export to PDF…"))
        self.lock_button = QPushButton(self.tr("Lock this month…"))
        self.lock_button.setVisible(may(workspace.user, "lock_period"))
        for button in (self.excel_button, self.pdf_button):
            button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.excel_button.clicked.connect(lambda: self.choose_export(".xlsx"))
        self.pdf_button.clicked.connect(lambda: self.choose_export(".pdf"))
        self.lock_button.clicked.connect(self.lock)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month")))
        top.addWidget(self.month)
        top.addWidget(self.run_button)
        top.addStretch(1)
        top.addWidget(self.excel_button)
        top.addWidget(self.pdf_button)
        top.addWidget(self.lock_button)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = _table(
            [self.tr("Check"), self.tr("Order / product"), self.tr("Amount"), self.tr("What")],
            3,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def run(self) -> None:
        month = self.month.currentText()
        self.summary.setText(self.tr("Reconciling %1…").replace("%1", month))
        database, user = self.workspace.database, self.workspace.user

        def work():
            with database.reading() as session:
                return reconcile.reconcile(session, user, month)

        background.run(work, self._show, self._failed)

    def _failed(self, error: Exception) -> None:
        self.summary.setText("")
        dialogs.show_error(self, error, self.workspace.lang)

    def _show(self, report: reconcile.Report) -> None:
        self.report = report
        lang = self.workspace.lang
        counts = " · ".join(
            f"{check.label(lang)} {report.count(check.code)}" for check in reconcile.CHECKS
        )
        if report.empty:
            text = self.tr("%1: no discrepancies.").replace("%1", report.month)
        else:
            text = (
                self.tr("%1: %2 discrepancies.")
                .replace("%1", report.month)
                .replace("%2", str(len(report.discrepancies)))
            )
        self.summary.setText(f"{text}  {counts}")
        labels = {check.code: check.label(lang) for check in reconcile.CHECKS}
        _fill(
            self.table,
            [
                [
                    labels[d.check],
                    d.subject,
                    "" if d.amount is None else _money(d.amount),
                    d.message(lang),
                ]
                for d in report.discrepancies
            ],
            2,
        )
        for row in range(self.table.rowCount()):
            self.table.item(row, 3).setTextAlignment(
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            )
        for button in (self.excel_button, self.pdf_button):
            button.setEnabled(True)

    def choose_export(self, suffix: str) -> None:
        if self.report is None:
            return
        kind = "Excel (*.xlsx)" if suffix == ".xlsx" else "PDF (*.pdf)"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the reconciliation report"),
            f"对账-{self.report.month}{suffix}",
            kind,
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> None:
        report, database = self.report, self.workspace.database

        def work():
            from app.output_files import check_output

            target = check_output(database, path)
            with database.reading() as session:
                return write_report(session, report, target)

        background.run(
            work,
            lambda written: self.summary.setText(
                self.tr("Written to %1").replace("%1", str(written))
            ),
            self._failed,
        )

    def lock(self) -> None:
        month = self.month.currentText()
        answer = QMessageBox.question(
            self,
            self.tr("Lock this month"),
            self.tr(
                "Lock %1 for good? Nothing may be dated into it afterwards: no order, "
                "shipment, receipt or payment."
            ).replace("%1", month),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.workspace.act(
            periods.lock_month,
            month,
            on_done=lambda lock: self.summary.setText(
                self.tr("%1 is locked.").replace("%1", lock.month)
            ),
            on_error=self._failed,
        )


class MoneyView(QTabWidget):
    """The finance page of the main window."""

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.ageing = AgeingTab(workspace)
        self.reconcile = ReconcileTab(workspace)
        self.addTab(self.ageing, self.tr("Receivables and payables"))
        self.addTab(self.reconcile, self.tr("Month-end reconciliation"))
        self._stale = True
        workspace.changed.connect(self._changed)

    def _changed(self, _changes) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._stale:
            self._stale = False
            self.ageing.reload()
