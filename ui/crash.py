"""An unexpected error in the window: logged with its traceback, then told to the user.

The dialog says what happened and where the log is, and copies the details for a
bug report. The data is untouched: every change is one unit of work, and one that
fails rolls back.
"""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import about, logs
from ui import screen_fit

log = logging.getLogger("ordertrail.crash")


def details_of(error: BaseException) -> str:
    """What a bug report needs: the program's version, the platform, the traceback."""
    lines = traceback.format_exception(type(error), error, error.__traceback__)
    return logs.redact(
        f"OrderTrail {about.version()} · Python {platform.python_version()} · "
        f"{platform.platform()}\n\n" + "".join(lines)
    )


class CrashDialog(QDialog):
    def __init__(self, error: BaseException, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = details_of(error)
        self.summary = QLabel(
            self.tr(
                "Something went wrong inside OrderTrail: %1\n\n"
                "What you were doing was not saved; the data in the database is untouched. "
                "The details are in the log file:\n%2"
            )
            .replace("%1", f"{type(error).__name__}: {error}"[:300])
            .replace("%2", str(logs.log_path()))
        )
        self.summary.setWordWrap(True)
        self.summary.setMinimumWidth(420)
        self.text = QPlainTextEdit(self.details)
        self.text.setReadOnly(True)
        self.text.setMinimumHeight(120)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        screen_fit.resize_within_screen(self, 640, 420)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


_showing = False


def report(error: BaseException, parent: QWidget | None = None) -> None:
    """Log the error with its traceback and show the dialog (one at a time)."""
    global _showing
    log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
    if _showing or QApplication.instance() is None:
        return
    _showing = True
    try:
        dialog = CrashDialog(error, parent or QApplication.activeWindow())
        dialog.exec()
        dialog.deleteLater()
    finally:
        _showing = False


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    report(error.with_traceback(trace))


def install() -> None:
    """Errors raised in the window's slots and event handlers come here."""
    sys.excepthook = _hook
