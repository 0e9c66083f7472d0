"""A printed document on screen (QtPdf), sent to a printer through the system print dialog.

The PDF comes from app.printing; `printed` is emitted once it is printed or saved, so the
caller records the print then (opening a preview is no print).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import screen_fit

POINTS_PER_INCH = 72


def print_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Render the document's pages (the range the user chose, else all) onto the printer at
    its resolution; returns how many pages were sent."""
    count = document.pageCount()
    first = max(printer.fromPage(), 1) - 1
    last = (printer.toPage() or count) - 1
    pages = range(first, min(last, count - 1) + 1)
    painter = QPainter()
    if not pages or not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        for index, page in enumerate(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(
                page,
                QSize(
                    round(points.width() * dpi / POINTS_PER_INCH),
                    round(points.height() * dpi / POINTS_PER_INCH),
                ),
            )
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.topLeft(), size), image)
    finally:
        painter.end()
    return len(pages)


class PrintPreview(QDialog):
    """Shows the PDF page after page; Print opens the system print dialog."""

    printed = Signal()

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        screen_fit.resize_within_screen(self, 820, 960)
        self.pdf = pdf
        # Where it may save: the window refuses the open database and its backups.
        self.check_target: Callable[[str | Path], Path | None] = Path
        # QPdfDocument reads from the device while it lives: keep the buffer with the dialog.
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button.clicked.connect(self.choose_file)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        return self.document.pageCount()

    def choose_printer(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() == QDialog.DialogCode.Accepted and print_pages(self.document, printer):
            self.printed.emit()

    def choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), f"{self.windowTitle()}.pdf", "PDF (*.pdf)"
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str | Path) -> None:
        target = self.check_target(path)
        if target is None:
            return
        try:
            target.write_bytes(self.pdf)
        except OSError as error:
            QMessageBox.warning(
                self,
                self.tr("Not saved"),
                self.tr("%1 could not be written: %2")
                .replace("%1", str(target))
                .replace("%2", error.strerror or str(error)),
            )
            return
        self.printed.emit()
