"""The detail panel: one order's header, lines, shipments, payments, links and actions."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import printing
from app.actions import Action
from ui.flow_layout import FlowLayout
from ui.formats import local_time
from ui.node_chip import NodeChip
from ui.workspace import Workspace


def _table(headers: list[str], stretch: int | None) -> QTableWidget:
    """A read-only table as tall as its rows; the `stretch` column takes the spare width,
    or with none, every column keeps its text whole and the table scrolls sideways."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.setProperty("scrolls_sideways", stretch is None)  # _fill leaves room for the bar
    return table


SHORT_COLUMN = 3  # of the lines table
SHORT_BRUSH = QBrush(QColor("#d4380d"))


def _fill(table: QTableWidget, rows: list[list[str]], right_from: int = 99) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            if c >= right_from:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    header = table.horizontalHeader()
    height = header.sizeHint().height() + 2 * table.frameWidth()
    height += table.verticalHeader().defaultSectionSize() * max(1, table.rowCount())
    if table.property("scrolls_sideways"):
        height += table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(height)


class OrderDetail(QWidget):
    action_requested = Signal(object)  # an app.actions.Action
    print_requested = Signal(object)  # an app.printing.Printable
    open_requested = Signal(str)  # the number of a linked order, clicked

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.detail: dict | None = None

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.title.setWordWrap(True)  # a long kind's name wraps, the print button stays in sight
        self.chip = NodeChip()
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.links = QLabel()
        self.links.setWordWrap(True)
        self.links.setTextFormat(Qt.TextFormat.RichText)
        self.links.linkActivated.connect(self.open_requested.emit)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #595959;")

        prices = workspace.sees_prices
        line_headers = [
            self.tr("SKU"),
            self.tr("Product"),
            self.tr("Ordered"),
            self.tr("Short"),
            self.tr("Shipped / received"),
            self.tr("Returned"),
        ]
        if prices:
            line_headers.append(self.tr("Unit price"))
        self.lines = _table(line_headers, stretch=None)
        self.shipments = _table(
            [
                self.tr("Shipment"),
                self.tr("State"),
                self.tr("Carrier"),
                self.tr("Tracking no."),
                self.tr("Shipped"),
                self.tr("Signed"),
            ],
            stretch=None,
        )
        self.receipts = _table(
            [self.tr("Receipt"), self.tr("Received"), self.tr("By"), self.tr("Goods")],
            stretch=3,
        )
        self.payments = _table(
            [self.tr("Amount"), self.tr("Method"), self.tr("Reference"), self.tr("Paid at")],
            stretch=2,
        )
        self.amendments = _table(
            [
                self.tr("Amendment"),
                self.tr("Revision"),
                self.tr("When"),
                self.tr("By"),
                self.tr("Reason"),
                self.tr("Changes"),
                *([self.tr("Total")] if prices else []),
            ],
            stretch=None,
        )
        self.buttons = FlowLayout()  # wraps onto a second row on a narrow panel
        self.print_menu = QMenu(self)
        self.print_button = QPushButton(self.tr("Print / preview"))
        self.print_button.setMenu(self.print_menu)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.chip, alignment=Qt.AlignmentFlag.AlignVCenter)  # not stretched tall
        top.addStretch(1)
        top.addWidget(self.print_button, alignment=Qt.AlignmentFlag.AlignVCenter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.links)
        actions_box = QGroupBox(self.tr("What you can do now"))
        actions_layout = QVBoxLayout(actions_box)
        actions_layout.addLayout(self.buttons)
        actions_layout.addWidget(self.hint)
        layout.addWidget(actions_box)
        self.payments_label = self._section(self.tr("Payments"))
        self.shipments_label = self._section(self.tr("Shipments"))
        self.receipts_label = self._section(self.tr("Goods receipts"))
        self.amendments_label = self._section(self.tr("Amendments"))
        for widget in (
            self._section(self.tr("Lines")),
            self.lines,
            self.shipments_label,
            self.shipments,
            self.receipts_label,
            self.receipts,
            self.payments_label,
            self.payments,
            self.amendments_label,
            self.amendments,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.payments.setVisible(prices)
        self.payments_label.setVisible(prices)
        self.show_nothing()

    @staticmethod
    def _section(text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet("font-weight: bold;")
        return label

    def show_nothing(self) -> None:
        self.detail = None
        self.title.setText(self.tr("No order selected"))
        self.chip.hide()
        for label in (self.facts, self.links, self.hint):
            label.clear()
        for table in (self.lines, self.shipments, self.receipts, self.payments, self.amendments):
            _fill(table, [])
        for widget in (self.amendments_label, self.amendments):
            widget.hide()
        self._set_buttons([])
        self._set_printable([])

    @property
    def number(self) -> str | None:
        return self.detail["number"] if self.detail else None

    def show_order(self, detail: dict) -> None:
        self.detail = detail
        prices = self.workspace.sees_prices
        self.title.setText(f"{detail['number']}  ·  {detail['kind_label']}")
        self.chip.show_node(detail["status_color"], detail["status_label"])
        self.chip.show()
        progress = detail["progress"]
        moved = progress["received_pct" if detail["goods_fact"] == "receive" else "shipped_pct"]
        facts = [
            self.tr("Party: %1").replace("%1", detail["party"]),
            self.tr("Due: %1").replace("%1", detail["due"] or "—"),
            self.tr("Shipped / received: %1%").replace("%1", str(moved)),
        ]
        if prices:
            facts.insert(
                1,
                self.tr("Total: %1 %2")
                .replace("%1", detail["currency"])
                .replace("%2", detail["total"]),
            )
        if prices and "list_value" in detail:  # what approval weighs beside the total
            facts.insert(
                2,
                self.tr("At list prices: %1 (discount %2%)")
                .replace("%1", detail["list_value"])
                .replace("%2", detail["discount_pct"]),
            )
            facts.append(
                self.tr("Paid: %1 (%2%)")
                .replace("%1", detail["paid"])
                .replace("%2", str(progress["paid_pct"]))
            )
        facts.append(
            self.tr("Waiting for: %1").replace("%1", detail["waiting_for"] or self.tr("nobody"))
        )
        if detail["overdue"]:
            facts.append(
                "<span style='color:#a8071a;font-weight:bold'>" + self.tr("Overdue") + "</span>"
            )
        if detail.get("short", "0") != "0":
            facts.append(
                "<span style='color:#d4380d;font-weight:bold'>"
                + self.tr("Backorder: %1 short").replace("%1", detail["short"])
                + "</span>"
            )
        cells = [f"<td style='padding-right:18px'>{fact}</td>" for fact in facts]
        rows = ["<tr>" + "".join(cells[i : i + 2]) + "</tr>" for i in range(0, len(cells), 2)]
        self.facts.setText("<table>" + "".join(rows) + "</table>")
        links = self._links(detail)
        if detail.get("exception"):
            links.append(
                "<span style='color:#a8071a;font-weight:bold'>"
                + self.tr("In exception: a shipment was refused or lost and waits to be resolved.")
                + "</span>"
            )
        if detail["note"]:
            links.append(self.tr("Note: %1").replace("%1", html.escape(detail["note"])))
        self.links.setText("<br>".join(links))
        self.links.setVisible(bool(links))
        self._show_amendments(detail, prices)
        _fill(
            self.lines,
            [
                [
                    line["sku"],
                    line["name"],
                    line["qty"],
                    "" if line["short_qty"] == "0" else line["short_qty"],
                    line["received_qty" if detail["goods_fact"] == "receive" else "shipped_qty"],
                    line["returned_qty"],
                    *([line["unit_price"]] if prices else []),
                ]
                for line in detail["lines"]
            ],
            right_from=2,
        )
        for row in range(self.lines.rowCount()):
            self.lines.item(row, SHORT_COLUMN).setForeground(SHORT_BRUSH)
        _fill(
            self.shipments,
            [
                [
                    s["number"],
                    " · ".join(
                        filter(
                            None,
                            (
                                s["state_label"],
                                s["trouble_reason"],
                                s["resolution_label"]
                                and self.tr("resolved: %1").replace("%1", s["resolution_label"]),
                            ),
                        )
                    ),
                    s["carrier"],
                    s["tracking_no"],
                    local_time(s["shipped_at"]),
                    local_time(s["delivered_at"]) or self.tr("not yet"),
                ]
                for s in detail["shipments"]
            ],
        )
        # A purchase receives goods, a sale ships them: each shows its own movements.
        purchase = detail["kind"] == "purchase"
        for widget in (self.receipts_label, self.receipts):
            widget.setVisible(purchase)
        for widget in (self.shipments_label, self.shipments):
            widget.setVisible(not purchase)
        _fill(
            self.receipts,
            [
                [
                    r["number"],
                    local_time(r["received_at"]),
                    r["received_by"],
                    "、".join(f"{line['sku']} × {line['qty']}" for line in r["lines"]),
                ]
                for r in detail["receipts"]
            ],
        )
        _fill(
            self.payments,
            [
                [p["amount"], p["method"], p["reference"], local_time(p["paid_at"])]
                for p in detail["payments"]
            ],
        )
        self._set_buttons(detail["actions"])
        self._set_printable(detail["printable"])
        if detail["actions"]:
            self.hint.clear()
        elif detail["waiting_for"]:
            self.hint.setText(
                self.tr("Nothing for you to do here: the next step belongs to %1.").replace(
                    "%1", detail["waiting_for"]
                )
            )
        else:
            self.hint.setText(self.tr("This order is finished."))

    def _links(self, detail: dict) -> list[str]:
        """The parent, the children and the amendments, each order a link that opens it."""

        def link(row: dict) -> str:
            number = html.escape(row["number"])
            return (
                f"<a href='{number}'>{number}</a> {html.escape(row['kind_label'])} "
                f"({html.escape(row['status_label'])})"
            )

        linked = detail.get("linked", [])
        parents = [link(row) for row in linked if row["relation"] == "parent"]
        children = [link(row) for row in linked if row["relation"] == "child"]
        result = []
        if parents:
            result.append(self.tr("Made from %1").replace("%1", parents[0]))
        if children:
            result.append(self.tr("Linked orders: %1").replace("%1", "、".join(children)))
        if detail.get("revision", 1) > 1:
            result.append(
                self.tr("Revision %1 (%n amendment(s))", "", len(detail["amendments"])).replace(
                    "%1", str(detail["revision"])
                )
            )
        return result

    def _outcome(self, amendment: dict) -> str:
        if amendment["rejected"]:
            return self.tr(" (rejected, undone)")
        return self.tr(" (back to approval)") if amendment["reapproval"] else ""

    def _show_amendments(self, detail: dict, prices: bool) -> None:
        rows = detail.get("amendments", [])
        for widget in (self.amendments_label, self.amendments):
            widget.setVisible(bool(rows))

        def change(c: dict) -> str:
            text = f"{c['sku']} {c['qty_before']}→{c['qty_after']}"
            price = c.get("price") or {}
            if prices and price.get("before") and price.get("after") != price["before"]:
                text += f" @{price['before']}→{price['after']}"
            return text

        _fill(
            self.amendments,
            [
                [
                    row["number"],
                    str(row["revision"]),
                    local_time(row["at"]),
                    row["user"],
                    row["reason"] + self._outcome(row),
                    "; ".join(change(c) for c in row["lines"]),
                    *(
                        [f"{row['total']['before']} → {row['total']['after']}"]
                        if prices and "total" in row
                        else []
                    ),
                ]
                for row in rows
            ],
        )

    def _set_buttons(self, available: list[Action]) -> None:
        while self.buttons.count():
            item = self.buttons.takeAt(0)
            if item.widget():
                item.widget().hide()  # gone at once, not when the event loop next deletes
                item.widget().deleteLater()
        for action in available:
            button = QPushButton(action.label(self.workspace.lang))
            button.clicked.connect(lambda _=False, a=action: self.action_requested.emit(a))
            self.buttons.addWidget(button)

    def _set_printable(self, documents: list[printing.Printable]) -> None:
        self.print_menu.clear()
        for document in documents:
            choice = self.print_menu.addAction(document.label(self.workspace.lang))
            choice.triggered.connect(lambda _=False, d=document: self.print_requested.emit(d))
        self.print_button.setVisible(bool(documents))
