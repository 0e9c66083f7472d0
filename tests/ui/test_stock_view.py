"""The stock view in the window: figures, a product's ledger, reorder suggestions and the
button that makes the draft purchase orders; the shortfall in the list and the detail."""

from __future__ import annotations

import pytest
from desk import WAIT_MS, answer, open_desk
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from app import masterdata
from db.models import Order
from ui.order_list import SHORT

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


def act(office, service, *args, **kwargs):
    with office.db.unit_of_work() as session:
        return service(session, *args, **kwargs)


def go_to(window, key: str) -> None:
    keys = [window.nav.item(i).data(256) for i in range(window.nav.count())]
    window.nav.setCurrentRow(keys.index(key))


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


@sqlite_only
def test_stock_view_shows_the_shortfall_the_ledger_and_makes_drafts(qtbot, office):
    act(
        office,
        masterdata.edit_product,
        office.warehouse,
        "B-2",
        min_stock="2",
        supplier="东莞精工制造厂",
        lead_time_days=0,
    )
    number = office.placed(lines=[("B-2", 8)])
    window = open_desk(qtbot, office.db, office.purchasing)
    go_to(window, "stock")
    view = window.stock
    assert window.pages.currentWidget() is view and not window.right.isVisible()
    qtbot.waitUntil(lambda: view.ledger.rowCount() > 0, timeout=WAIT_MS)
    skus = [r["sku"] for r in view.rows]
    assert skus == ["A-1", "B-2"]  # services have no stock
    # on hand, reserved, available, short, on order, minimum
    assert cells(view.products, 1)[2:8] == ["5", "5", "0", "3", "0", "2"]
    view.products.setCurrentCell(1, 0)
    qtbot.waitUntil(lambda: "B-2" in view.ledger_title.text(), timeout=WAIT_MS)
    assert number in view.short_orders.text()
    assert cells(view.ledger, 0)[1:4] == ["下单预留", number, "sales"]
    assert cells(view.ledger, 1)[1] == "期初库存"
    # 3 short + 2 minimum − 0 available − 0 on order = 5.
    assert cells(view.suggestions, 0)[:3] == ["B-2", "东莞精工制造厂", "5"]
    answer(QMessageBox, lambda box: box.accept())
    view.create_button.click()

    def drafts():
        with office.db.reading() as session:
            return session.execute(
                select(Order.status, Order.note).where(Order.kind == "purchase")
            ).all()

    qtbot.waitUntil(lambda: len(drafts()) == 1, timeout=WAIT_MS)
    assert drafts()[0][0] == "draft"
    qtbot.waitUntil(lambda: cells(view.products, 1)[6] == "5", timeout=WAIT_MS)
    assert view.suggestions.rowCount() == 0


@sqlite_only
def test_the_order_list_and_detail_mark_a_backorder(qtbot, office):
    number = office.placed(lines=[("B-2", 8), ("A-1", 1)])
    window = open_desk(qtbot, office.db, office.warehouse)
    go_to(window, "all")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    assert window.model.index(0, SHORT).data() == "short 3"
    window.show_order(number)
    short_column = [
        window.detail.lines.horizontalHeaderItem(c).text()
        for c in range(window.detail.lines.columnCount())
    ].index("Short")
    assert [window.detail.lines.item(r, short_column).text() for r in range(2)] == ["3", ""]
    assert "Backorder: 3 short" in window.detail.facts.text()


@sqlite_only
def test_finance_has_no_stock_view(qtbot, office):
    window = open_desk(qtbot, office.db, office.finance)
    keys = [window.nav.item(i).data(256) for i in range(window.nav.count())]
    assert "stock" not in keys and window.stock is None
