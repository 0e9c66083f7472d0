"""The exceptions queue: orders held back by a refused or lost shipment, with the reason."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import shipments
from ui.formats import local_time
from ui.workspace import Workspace


class ExceptionQueue(QWidget):
    order_chosen = Signal(str)  # the number of the order in exception

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.workspace = workspace
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; color: #a8071a;")
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Order"),
                self.tr("Party"),
                self.tr("Shipment"),
                self.tr("Trouble"),
                self.tr("Reason"),
                self.tr("Since"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(
            lambda row, _c: self.order_chosen.emit(self.table.item(row, 0).text())
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.table)

    def refresh(self) -> None:
        found = self.workspace.read(shipments.open_exceptions)
        english = self.workspace.lang == "en"
        self.title.setText(
            self.tr("Refused or lost shipments to resolve: %1").replace("%1", str(len(found)))
        )
        self.table.setRowCount(len(found))
        for row, e in enumerate(found):
            since = local_time(e.since)
            cells = (e.number, e.party, e.shipment, shipments.STATE_NAMES[e.trouble][english],
                     e.reason, since)  # fmt: skip
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        rows = max(1, min(len(found), 6))
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(height + self.table.verticalHeader().defaultSectionSize() * rows)
