"""Printing and Excel from the window: preview, batch printing, export, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from desk import WAIT_MS, answer, open_desk, wait_for_node
from openpyxl import Workbook, load_workbook
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMenu, QMessageBox, QToolBar
from sqlalchemy import func, select

from app import orders
from app.spreadsheets.layouts import ORDERS, PARTIES
from db.models import Event, Order
from ui import i18n
from ui.documents_dialog import ImportErrorsDialog, JobDialog
from ui.order_list import NUMBER

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def placed_order(office) -> str:
    number = office.order()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    return number


def print_choices(window) -> list[str]:
    return [choice.text() for choice in window.detail.print_menu.actions()]


def choose_print(window, label: str) -> None:
    choices = [c for c in window.detail.print_menu.actions() if c.text() == label]
    assert choices, f"no document {label!r}; offered: {print_choices(window)}"
    choices[0].trigger()


def print_events(office, number: str) -> list[dict]:
    with office.db.reading() as session:
        return [
            event.after
            for event in session.scalars(
                select(Event).where(Event.entity_ref == number, Event.action == "print")
            )
        ]


def orders_workbook(tmp_path, rows: list[tuple[str, str, int]]):
    """A workbook of one-line sales orders of A-1: (number, customer, quantity)."""
    book = Workbook()
    sheet = book.active
    sheet.title = ORDERS.title
    sheet.append([column.header for column in ORDERS.columns])
    for number, party, qty in rows:
        sheet.append([number, "销售", party, None, None, None, "A-1", None, qty])
    path = tmp_path / "orders.xlsx"
    book.save(path)
    return path


def test_preview_from_the_detail_panel_records_the_print_once_saved(qtbot, office, tmp_path):
    number = placed_order(office)
    window = open_desk(qtbot, office.db, office.sales)
    window.show_order(number)
    assert window.detail.print_button.isVisible()
    assert print_choices(window) == ["销售订单确认书", "发货单"]
    choose_print(window, "销售订单确认书")
    qtbot.waitUntil(lambda: window.preview is not None, timeout=WAIT_MS)
    preview = window.preview
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready, timeout=WAIT_MS)
    assert preview.page_count() >= 1 and preview.isVisible()
    assert number in preview.windowTitle()
    assert number in preview.document.getAllText(0).text()
    qtbot.wait(300)
    assert print_events(office, number) == []  # looking at it is not printing it
    preview.save_to(tmp_path / "confirmation.pdf")
    saved = [{"document": "order"}]
    qtbot.waitUntil(lambda: print_events(office, number) == saved, timeout=WAIT_MS)
    # the timeline follows: the print is one of the order's events
    qtbot.waitUntil(
        lambda: window.timeline.topLevelItem(0).text(3) == "已打印 销售订单确认书", timeout=WAIT_MS
    )


def test_the_warehouse_is_offered_the_delivery_note_only(qtbot, office):
    number = placed_order(office)
    window = open_desk(qtbot, office.db, office.warehouse)
    wait_for_node(qtbot, window, "已下单")
    assert window.detail.number == number
    assert print_choices(window) == ["发货单"]
    choose_print(window, "发货单")
    qtbot.waitUntil(lambda: window.preview is not None, timeout=WAIT_MS)
    window.preview.printed.emit()  # as after the print dialog's OK
    qtbot.waitUntil(
        lambda: print_events(office, number) == [{"document": "delivery-note"}], timeout=WAIT_MS
    )


def test_a_draft_offers_nothing_to_print(qtbot, office):
    office.order()
    window = open_desk(qtbot, office.db, office.sales)
    wait_for_node(qtbot, window, "草稿")
    assert not window.detail.print_button.isVisible() and print_choices(window) == []


def test_batch_printing_makes_one_delivery_note_per_waiting_order(qtbot, office, tmp_path):
    waiting = [placed_order(office) for _ in range(3)]
    draft = office.order()
    window = open_desk(qtbot, office.db, office.warehouse)
    assert window.batch_print_action in window.findChild(QToolBar, "main_toolbar").actions()
    window.batch_print_action.trigger()  # returns when the progress dialog has closed
    preview = window.preview
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready, timeout=WAIT_MS)
    text = "".join(preview.document.getAllText(page).text() for page in range(preview.page_count()))
    assert all(number in text for number in waiting) and draft not in text
    assert preview.page_count() == len(waiting)  # one short note per order
    assert [len(print_events(office, number)) for number in waiting] == [0, 0, 0]  # not yet
    preview.save_to(tmp_path / "notes.pdf")  # the notes leave the program: now they count
    qtbot.waitUntil(
        lambda: [len(print_events(office, number)) for number in waiting] == [1, 1, 1],
        timeout=WAIT_MS,
    )


@pytest.mark.parametrize("suffix", ["", ".before-upgrade-20261201T0900"])
def test_the_window_never_saves_onto_the_database(qtbot, office, suffix):
    """Saving a PDF, an export or a template onto the open database (or its journal
    files or an upgrade backup) is refused with a message, and the file is left alone."""
    window = open_desk(qtbot, office.db, office.owner, lang="en")
    target = Path(f"{office.db.sqlite_path}{suffix}")
    if suffix:  # an upgrade backup beside the database
        target.write_bytes(b"SQLite format 3\x00 and the rest")
    before = target.read_bytes()
    told = []
    for save in (
        lambda: window.export_to("orders", target),
        lambda: window.save_template("parties", target),
        lambda: window.show_preview(b"%PDF-1.4 not really", "x") or window.preview.save_to(target),
    ):
        answer(QMessageBox, lambda box: (told.append(box.text()), box.accept()))
        save()  # the message box is modal: answered before this returns
    assert target.read_bytes() == before
    assert len(told) == 3 and all("is not overwritten" in text for text in told)


def test_export_writes_the_list_as_filtered(qtbot, office, tmp_path):
    sales = office.order()
    purchase = office.order("purchase", lines=(("A-1", 2), ("B-2", 3)))
    window = open_desk(qtbot, office.db, office.owner)
    window.nav.setCurrentRow(1)  # all orders
    window.filters.kind.setCurrentIndex(window.filters.kind.findData("purchase"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    target = tmp_path / "orders.xlsx"
    window.export_to("orders", target)
    rows = [
        row for row in load_workbook(target).active.iter_rows(min_row=3, values_only=True) if row[0]
    ]
    assert [(row[0], row[6]) for row in rows] == [(purchase, "A-1"), (purchase, "B-2")]
    assert sales not in {row[0] for row in rows}
    assert target.name in window.statusBar().currentMessage()


def test_an_import_with_a_bad_row_shows_every_problem_and_imports_nothing(qtbot, office, tmp_path):
    path = orders_workbook(tmp_path, [("W-1", "华东贸易有限公司", 1), ("W-2", "无名公司", -1)])
    window = open_desk(qtbot, office.db, office.sales)
    seen = {}

    def look(dialog: ImportErrorsDialog) -> None:
        table = dialog.table
        seen["rows"] = [
            [table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())
        ]
        dialog.save_to(tmp_path / "problems.xlsx")
        dialog.reject()

    answer(ImportErrorsDialog, look)
    window.import_from("orders", path)
    assert {row[1] for row in seen["rows"]} == {"3"} and len(seen["rows"]) == 2
    assert any("无名公司" in row[3] for row in seen["rows"])
    assert (tmp_path / "problems.xlsx").exists()
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0


def test_a_good_import_refreshes_the_list(qtbot, office, tmp_path):
    window = open_desk(qtbot, office.db, office.sales)
    window.nav.setCurrentRow(1)
    assert window.model.rowCount() == 0
    window.import_from("orders", orders_workbook(tmp_path, [("W-1", "华东贸易有限公司", 2)]))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    assert window.model.index(0, NUMBER).data() == "W-1"


def test_the_warehouse_may_not_export_priced_orders(qtbot, office):
    window = open_desk(qtbot, office.db, office.warehouse)
    assert not window.export_actions["orders"].isEnabled()
    assert window.export_actions["products"].isEnabled()
    assert not window.import_actions["orders"].isEnabled()
    assert window.import_actions["products"].isEnabled()


def test_a_template_is_saved_where_asked(qtbot, office, tmp_path):
    window = open_desk(qtbot, office.db, office.sales)
    window.save_template("parties", tmp_path / "parties.xlsx")
    assert load_workbook(tmp_path / "parties.xlsx").active.title == PARTIES.title


def test_the_documents_speak_chinese_or_english(qtbot, qapp, office):
    number = placed_order(office)
    i18n.install(qapp, "zh")
    chinese = open_desk(qtbot, office.db, office.sales, "zh")
    chinese.show_order(number)
    assert chinese.detail.print_button.text() == "打印/预览"
    assert "单据(&D)" in [menu.title() for menu in chinese.menuBar().findChildren(QMenu)]
    assert chinese.batch_print_action.text() == "批量打印待发货订单的发货单"
    i18n.install(qapp, "en")
    english = open_desk(qtbot, office.db, office.sales, "en")
    english.show_order(number)
    assert print_choices(english) == ["Sales order confirmation", "Delivery note"]
    assert english.export_actions["orders"].text() == "Orders (the list as filtered)"


def test_imported_parties_are_offered_in_the_party_filter(qtbot, office, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = PARTIES.title
    sheet.append([column.header for column in PARTIES.columns])
    sheet.append(["西湖文具店", "客户", "王经理", "0571-8888", "杭州"])
    path = tmp_path / "parties.xlsx"
    book.save(path)
    window = open_desk(qtbot, office.db, office.sales)
    window.import_from("parties", path)
    qtbot.waitUntil(lambda: window.filters.party.findText("西湖文具店") > 0, timeout=2000)


def test_cancel_in_the_progress_dialog_leaves_nothing_imported(qtbot, office, tmp_path):
    window = open_desk(qtbot, office.db, office.sales)
    answer(JobDialog, lambda dialog: dialog.cancel_button.click())
    rows = [(f"W-{index}", "华东贸易有限公司", 1) for index in range(400)]
    window.import_from("orders", orders_workbook(tmp_path, rows))
    assert window.statusBar().currentMessage() == "已取消，未做任何更改。"
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).select_from(Order)) == 0
