"""Import, export and batch printing off the UI thread, with a progress bar and a Cancel
button; and the table of a rejected import's problems, which the user can save.

The work runs in its own unit of work on a worker thread. Cancelling makes the service
raise app.jobs.Cancelled inside that unit of work, which rolls back: nothing is left
half imported, and a cancelled export leaves no file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import printing
from app.jobs import CancelCheck, ProgressCallback
from app.queries import OrderFilter
from app.spreadsheets.export import EXPORTERS, export_orders
from app.spreadsheets.importing import IMPORTERS
from app.spreadsheets.problem_report import write_problems
from app.spreadsheets.reading import RowProblem
from app.worklist import ListQuery
from db.engine import Database
from db.models import User

Work = Callable[[ProgressCallback, CancelCheck], object]


# --- the work, as the services do it -----------------------------------------------------


def import_work(database: Database, user: User, what: str, path: str | Path) -> Work:
    def work(progress: ProgressCallback, cancelled: CancelCheck):
        with database.unit_of_work() as session:
            return IMPORTERS[what](session, user, path, progress, cancelled)

    return work


def export_work(
    database: Database,
    user: User,
    what: str,
    path: str | Path,
    order_filter: OrderFilter | ListQuery | None = None,
) -> Work:
    def work(progress: ProgressCallback, cancelled: CancelCheck):
        with database.reading() as session:
            if what == "orders":
                return export_orders(session, user, path, order_filter, progress, cancelled)
            return EXPORTERS[what](session, user, path, progress, cancelled)

    return work


def batch_print_work(database: Database, user: User) -> Work:
    """Delivery notes of every order waiting at the warehouse, as one PDF."""

    def work(progress: ProgressCallback, cancelled: CancelCheck) -> bytes:
        with database.unit_of_work() as session:
            return printing.print_delivery_notes(
                session, user, progress=progress, cancelled=cancelled
            )

    return work


# --- running it off the UI thread --------------------------------------------------------


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Work, cancel: threading.Event):
        super().__init__()
        self.work = work
        self.cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self.work(self.progressed.emit, self.cancel.is_set)
        except Exception as error:  # handed to the UI thread, which shows it
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


class JobDialog(QDialog):
    """Runs `work` on a worker thread while showing its progress.

    After exec(): `outcome` holds what the work returned (accepted), or `error` what it
    raised (rejected) — app.jobs.Cancelled when the user cancelled.
    """

    def __init__(self, title: str, work: Work, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.outcome: object = None
        self.error: Exception | None = None
        self._cancel = threading.Event()

        self.label = QLabel(title, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the work says how much there is
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)

        self._thread = QThread(self)
        self._worker = _Worker(work, self._cancel)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._show_progress)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)

    def exec(self) -> int:
        self.start()
        return super().exec()

    def start(self) -> None:
        self._thread.start()

    def running(self) -> bool:
        return self._thread.isRunning()

    @Slot()
    def cancel(self) -> None:
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling… nothing will be changed."))

    def reject(self) -> None:
        # Escape or closing the window while the work runs means cancel, then wait for it.
        if self.running():
            self.cancel()
        else:
            super().reject()

    @Slot(int, int)
    def _show_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()

    @Slot(object)
    def _succeeded(self, result: object) -> None:
        self._stop_thread()
        self.outcome = result
        self.accept()

    @Slot(object)
    def _failed(self, error: Exception) -> None:
        self._stop_thread()
        self.error = error
        super().reject()


# --- a rejected import --------------------------------------------------------------------


class ImportErrorsDialog(QDialog):
    """Every bad row of a rejected import: sheet, row, column and why; savable as a workbook."""

    def __init__(self, problems: list[RowProblem], lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.problems = problems
        self.setWindowTitle(self.tr("Nothing was imported"))
        self.resize(900, 480)
        summary = QLabel(
            self.tr(
                "The file has %n problem(s); nothing was imported. Fix them "
                "and import the file again.",
                "",
                len(problems),
            ),
            self,
        )
        summary.setWordWrap(True)

        self.table = QTableWidget(len(problems), 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Problem")]
        )
        for row, problem in enumerate(problems):
            cells = [
                problem.sheet,
                str(problem.row) if problem.row else "",
                problem.column,
                problem.en if lang == "en" else problem.zh,
            ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()  # the sheet's own row numbers are a column

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save as Excel…"), self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.choose_file)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the problems"), "import-problems.xlsx", "Excel (*.xlsx)"
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> None:
        write_problems(self.problems, path)
