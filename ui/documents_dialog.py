"""Import, export and batch printing off the UI thread, with a progress bar and a Cancel
button; and the table of a rejected import's problems, which the user can save.

Changing work runs through app.runner, as one unit of work on a pool thread. Cancelling
makes the service raise app.jobs.Cancelled inside that unit of work, which rolls back:
nothing is left half imported, and a cancelled export leaves no file.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Slot
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

from app import printing, runner
from app.changes import Changes
from app.jobs import CancelCheck, ProgressCallback
from app.queries import OrderFilter
from app.spreadsheets.export import EXPORTERS, export_orders
from app.spreadsheets.importing import IMPORTERS
from app.spreadsheets.problem_report import write_problems
from app.spreadsheets.reading import RowProblem
from db.engine import Database
from db.models import User
from ui import background, screen_fit

Work = Callable[[ProgressCallback, CancelCheck], object]


# --- the work, as the services do it -----------------------------------------------------


def import_work(database: Database, user: User, what: str, path: str | Path) -> Work:
    def work(progress: ProgressCallback, cancelled: CancelCheck):
        return runner.run(database, user, IMPORTERS[what], path, progress, cancelled)

    return work


def export_work(
    database: Database,
    user: User,
    what: str,
    path: str | Path,
    order_filter: OrderFilter | None = None,
) -> Work:
    def work(progress: ProgressCallback, cancelled: CancelCheck):
        with database.reading() as session:
            if what == "orders":
                return export_orders(session, user, path, order_filter, progress, cancelled)
            return EXPORTERS[what](session, user, path, progress, cancelled)

    return work


def batch_print_work(database: Database, user: User) -> Work:
    """Delivery notes of every order waiting at the warehouse, as one PDF (a
    printing.NoteBatch); nothing is recorded until it is printed or saved."""

    def work(progress: ProgressCallback, cancelled: CancelCheck):
        with database.reading() as session:
            return printing.render_delivery_notes(session, user, None, progress, cancelled)

    return work


# --- running it off the UI thread --------------------------------------------------------


class JobDialog(QDialog):
    """Runs `work` on a worker thread while showing its progress.

    After exec(): `outcome` holds what the work returned (accepted) and `changes` what it
    changed, or `error` what it raised (rejected) — app.jobs.Cancelled when the user
    cancelled.
    """

    def __init__(self, title: str, work: Work, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)
        self.work = work
        self.outcome: object = None
        self.changes = Changes()
        self.error: Exception | None = None
        self._cancel = threading.Event()
        self._running = False

        self.label = QLabel(title, self)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)  # busy until the work says how much there is
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)

    def exec(self) -> int:
        self.start()
        return super().exec()

    def start(self) -> None:
        self._running = True
        background.run(
            lambda report: self.work(report, self._cancel.is_set),
            self._succeeded,
            self._failed,
            on_progress=self._show_progress,
        )

    def running(self) -> bool:
        return self._running

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

    def _succeeded(self, result: object) -> None:
        self._running = False
        if isinstance(result, runner.Outcome):
            self.outcome, self.changes = result.value, result.changes
        else:
            self.outcome = result
        self.accept()

    def _failed(self, error: Exception) -> None:
        self._running = False
        self.error = error
        super().reject()


# --- a rejected import --------------------------------------------------------------------


class ImportErrorsDialog(QDialog):
    """Every bad row of a rejected import: sheet, row, column and why; savable as a workbook."""

    def __init__(self, problems: list[RowProblem], lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.problems = problems
        # Where it may save: the window refuses the open database and its backups.
        self.check_target: Callable[[str | Path], Path | None] = Path
        self.setWindowTitle(self.tr("Nothing was imported"))
        screen_fit.resize_within_screen(self, 900, 480)
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
        target = self.check_target(path)
        if target is not None:
            write_problems(self.problems, target)
