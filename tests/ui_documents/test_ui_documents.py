"""The print preview, the progress dialog of long work and the table of import problems."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import func, select

import ui  # noqa: F401  (keeps Python's singletons alive under PySide6 6.12)
from app import orders, printing
from app.jobs import Cancelled
from app.spreadsheets.importing import ImportResult
from app.spreadsheets.layouts import ORDERS
from app.spreadsheets.reading import ImportRejected
from db.models import Event, Order
from ui.documents_dialog import (
    ImportErrorsDialog,
    JobDialog,
    batch_print_work,
    export_work,
    import_work,
)
from ui.print_preview import PrintPreview, print_pages

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"


def _long_order_pdf(office) -> bytes:
    # Large enough to wait for approval, where its confirmation prints.
    number = office.placed("sales", lines=tuple(("A-1", 2 * i + 2) for i in range(60)))
    with office.db.unit_of_work() as session:
        return printing.print_document(session, office.sales, "order", number)


def _dark_pixels(image, step: int = 7) -> int:
    return sum(
        1
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
        if QColor(image.pixel(x, y)).lightness() < 100
    )


def test_the_preview_shows_every_page(office, qtbot):
    preview = PrintPreview(_long_order_pdf(office), "销售订单确认书")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    qtbot.wait(500)  # QPdfView renders its pages asynchronously
    assert preview.page_count() == 2
    shot = preview.grab().toImage()
    SCREENSHOTS.mkdir(exist_ok=True)
    shot.save(str(SCREENSHOTS / "print-preview.png"))
    assert _dark_pixels(shot) > 100  # text and table lines, not an empty grey view


def test_printing_sends_every_page_to_the_printer(office, qtbot, tmp_path):
    preview = PrintPreview(_long_order_pdf(office), "销售订单确认书")
    qtbot.addWidget(preview)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(150)
    target = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(target))
    assert print_pages(preview.document, printer) == 2
    assert len(pdfium.PdfDocument(target)) == 2


def test_save_as_pdf_writes_the_document(office, qtbot, tmp_path):
    pdf = _long_order_pdf(office)
    preview = PrintPreview(pdf, "x")
    qtbot.addWidget(preview)
    preview.save_to(tmp_path / "copy.pdf")
    assert (tmp_path / "copy.pdf").read_bytes() == pdf


def _run(qtbot, dialog: JobDialog) -> JobDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.start()
    qtbot.waitUntil(
        lambda: not dialog.running() and (dialog.outcome is not None or dialog.error is not None),
        timeout=20_000,
    )
    return dialog


def _orders_file(tmp_path, count: int) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = ORDERS.title
    sheet.append([c.header for c in ORDERS.columns])
    for index in range(count):
        sheet.append([f"W-{index}", "销售", "华东贸易有限公司", None, None, None, "A-1", None, 1])
    path = tmp_path / "orders.xlsx"
    book.save(path)
    return path


def test_an_import_runs_off_the_ui_thread_with_progress(office, qtbot, tmp_path):
    dialog = JobDialog(
        "导入订单", import_work(office.db, office.sales, "orders", _orders_file(tmp_path, 120))
    )
    _run(qtbot, dialog)
    assert isinstance(dialog.outcome, ImportResult) and len(dialog.outcome.created) == 120
    assert dialog.bar.value() == dialog.bar.maximum() > 0


def test_cancelling_an_import_leaves_nothing_imported(office, qtbot, tmp_path):
    dialog = JobDialog(
        "导入订单", import_work(office.db, office.sales, "orders", _orders_file(tmp_path, 120))
    )
    dialog.cancel()  # as if clicked before the first row was read
    _run(qtbot, dialog)
    assert isinstance(dialog.error, Cancelled)
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0


def test_a_rejected_import_shows_its_problems_and_saves_them(office, qtbot, tmp_path):
    path = _orders_file(tmp_path, 3)
    book = load_workbook(path)
    book.active["I3"] = -1
    book.active["C4"] = "无名公司"
    book.save(path)
    dialog = _run(
        qtbot, JobDialog("导入订单", import_work(office.db, office.sales, "orders", path))
    )
    assert isinstance(dialog.error, ImportRejected)

    table = ImportErrorsDialog(dialog.error.problems)
    qtbot.addWidget(table)
    table.show()
    assert table.table.rowCount() == 2
    assert [table.table.item(r, 1).text() for r in range(2)] == ["3", "4"]
    assert "无名公司" in table.table.item(1, 3).text()
    table.grab().save(str(SCREENSHOTS / "import-problems.png"))
    table.save_to(tmp_path / "problems.xlsx")
    rows = list(load_workbook(tmp_path / "problems.xlsx").active.values)
    assert [row[1] for row in rows[1:]] == [3, 4]


def test_an_export_job_writes_the_workbook(office, qtbot, tmp_path):
    office.order("sales")
    target = tmp_path / "orders.xlsx"
    dialog = _run(
        qtbot, JobDialog("导出订单", export_work(office.db, office.sales, "orders", target))
    )
    assert dialog.outcome == 1 and target.exists()


@pytest.mark.parametrize("orders_waiting", [2])
def test_batch_printing_of_waiting_orders(office, qtbot, orders_waiting):
    for _ in range(orders_waiting):
        number = office.order("sales")
        with office.db.unit_of_work() as session:
            orders.advance(session, office.sales, number, "submitted")
    dialog = _run(qtbot, JobDialog("打印发货单", batch_print_work(office.db, office.warehouse)))
    assert dialog.outcome.pdf.startswith(b"%PDF") and len(dialog.outcome.notes) == orders_waiting
    with office.db.reading() as session:  # made, not yet printed: nothing recorded
        assert not session.scalar(select(func.count()).where(Event.action == "print"))
    with office.db.unit_of_work() as session:
        printing.record_delivery_notes(session, office.warehouse, dialog.outcome.notes)
    with office.db.reading() as session:
        assert (
            session.scalar(select(func.count()).select_from(Event).where(Event.action == "print"))
            == orders_waiting
        )
