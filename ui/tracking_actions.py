"""The window's carrier tracking: import a carrier's status export, or ask the tracking
service, and see what each status did (app/tracking.py does the work)."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import actions, tracking
from app.spreadsheets.reading import ImportRejected
from ui import background, dialogs
from ui.documents_dialog import ImportErrorsDialog
from ui.workspace import Workspace

NEEDS_A_PERSON = {"unknown", "ambiguous", "refused", "lost", "not_allowed_here"}


class TrackingResults(QDialog):
    """Each status with the shipment and order it matched and what it did."""

    def __init__(self, outcomes: list[tracking.Outcome], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Carrier statuses"))
        words = {
            "signed": self.tr("Signed for"),
            "already_signed": self.tr("Already signed: nothing done"),
            "refused": self.tr("Refused: the order is in exception, to resolve"),
            "lost": self.tr("Lost: the order is in exception, to resolve"),
            "already_refused": self.tr("Already refused or lost: nothing done"),
            "noted": self.tr("On its way: nothing changed"),
            "unknown": self.tr("No shipment has this tracking number"),
            "ambiguous": self.tr("Several shipments share this number: not applied"),
            "not_allowed_here": self.tr("The order's node takes no signature"),
        }
        signed = sum(o.outcome == "signed" for o in outcomes)
        left = sum(o.outcome in NEEDS_A_PERSON for o in outcomes)
        summary = QLabel(
            self.tr("%1 shipment(s) signed for; %2 status(es) need a person to look.")
            .replace("%1", str(signed))
            .replace("%2", str(left))
        )
        table = QTableWidget(len(outcomes), 5)
        table.setHorizontalHeaderLabels(
            [
                self.tr("Tracking number"),
                self.tr("Carrier status"),
                self.tr("Shipment"),
                self.tr("Order"),
                self.tr("Result"),
            ]
        )
        for row, o in enumerate(outcomes):
            cells = [o.tracking_no, o.status, o.shipment or "", o.order or "", words[o.outcome]]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table)
        layout.addWidget(close)
        self.resize(860, 420)


class CarrierTracking(QObject):
    """The 单据 menu's carrier entries, for whoever may sign for shipments."""

    def __init__(self, workspace: Workspace, window: QWidget):
        super().__init__(window)
        self.workspace = workspace
        self.window = window

    def add_to(self, menu: QMenu) -> None:
        user = self.workspace.user
        allowed = self.workspace.read(lambda s: actions.records_anywhere(s, user, "sign"))
        menu.addSeparator()
        self.import_action = menu.addAction(self.tr("Import carrier statuses…"))
        self.import_action.triggered.connect(self.choose_file)
        self.pull_action = menu.addAction(self.tr("Ask the tracking service"))
        self.pull_action.triggered.connect(self.ask_service)
        for action in (self.import_action, self.pull_action):
            action.setEnabled(allowed)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Import carrier statuses"),
            "",
            self.tr("Carrier exports (*.csv *.xlsx)"),
        )
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> None:
        self.workspace.act(
            tracking.import_export, path, on_done=self.show_results, on_error=self.failed
        )

    def ask_service(self) -> None:
        database = self.workspace.database
        background.run(lambda: tracking.ask_service(database), self._answered, self.failed)

    def _answered(self, found) -> None:
        answers, where = found
        self.workspace.act(
            tracking.apply,
            answers,
            tracking.SOURCE_SERVICE,
            where,
            on_done=self.show_results,
            on_error=self.failed,
        )

    def show_results(self, outcomes: list[tracking.Outcome]) -> None:
        self.results = TrackingResults(outcomes, self.window)
        self.results.setModal(True)
        self.results.show()

    def failed(self, error: Exception) -> None:
        if isinstance(error, ImportRejected):
            ImportErrorsDialog(error.problems, self.workspace.lang, self.window).exec()
            return
        dialogs.show_error(self.window, error, self.workspace.lang)
