"""The dashboard page and the wall display in the window, on the small history of
tests/dashboard_office.py made ten days before now (the window reads the real clock)."""

from __future__ import annotations

from datetime import timedelta

import pypdfium2
import pytest
from dashboard_office import NOW, T0, build
from desk import WAIT_MS, open_desk
from openpyxl import load_workbook
from PySide6.QtWidgets import QAbstractButton, QLineEdit

from app import orders, runner, users
from app.clock import utcnow
from ui.board import BoardWindow
from ui.main_window import DASHBOARD

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


@pytest.fixture
def history(office):
    return build(office, utcnow() - (NOW - T0))


def open_dashboard(qtbot, office, user=None):
    window = open_desk(qtbot, office.db, user or office.owner)
    keys = [window.nav.item(i).data(256) for i in range(window.nav.count())]
    window.nav.setCurrentRow(keys.index(DASHBOARD))
    return window


def listed(window) -> set[str]:
    return {window.model.row_at(r)["number"] for r in range(window.model.rowCount())}


@sqlite_only
def test_the_owner_sees_the_figures_and_opens_the_orders_behind_them(qtbot, office, history):
    window = open_dashboard(qtbot, office)
    page = window.dashboard
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    assert window.right.isHidden()  # the detail panel makes room for the figures
    assert page.tiles["open"].value.text() == "5"
    assert page.tiles["late"].value.text() == "2"
    assert page.tiles["on_time"].value.text() == "33.3%  (1/3)"
    assert page.times.item(0, 0).text() == "销售 · 草稿"
    assert page.customers.item(0, 0).text() == "Acme 😀 Ltd"

    page.tiles["late"].click()
    qtbot.waitUntil(lambda: listed(window) == {history["so2"], history["so3"]}, timeout=WAIT_MS)
    assert window.drill_bar.isVisibleTo(window) and "Late orders" in window.drill_bar.label.text()

    window.drill_bar.back.emit()
    assert window.pages.currentWidget() is page
    page._figure_clicked(page.data.top_products, 1)  # so1 and so3
    qtbot.waitUntil(lambda: listed(window) == {history["so1"], history["so3"]}, timeout=WAIT_MS)

    window.show_dashboard()
    page._month_clicked(11, page.months_view.chart().series()[0].barSets()[1])  # purchases
    if page.data.months[-1].purchases.value:  # the history may fall in last month
        qtbot.waitUntil(lambda: listed(window) == {history["po1"]}, timeout=WAIT_MS)


@sqlite_only
def test_the_dashboard_follows_a_change(qtbot, office, history):
    window = open_dashboard(qtbot, office)
    page = window.dashboard
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    runner.run(office.db, office.sales, orders.cancel, history["so3"], "客户取消")
    qtbot.waitUntil(lambda: page.tiles["late"].value.text() == "1", timeout=WAIT_MS)
    assert page.tiles["open"].value.text() == "4"


@sqlite_only
def test_the_dashboard_exports_a_pdf_and_a_workbook(qtbot, office, history, tmp_path):
    window = open_dashboard(qtbot, office)
    page = window.dashboard
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    saved = []
    page.export_pdf(tmp_path / "看板.pdf", saved.append)
    page.export_excel(tmp_path / "看板.xlsx", saved.append)
    qtbot.waitUntil(lambda: len(saved) == 2, timeout=WAIT_MS)
    pdf = pypdfium2.PdfDocument(str(tmp_path / "看板.pdf"))
    assert "准时发货率" in pdf[0].get_textpage().get_text_range()
    assert load_workbook(tmp_path / "看板.xlsx")["概览"]["A2"].value == 5


@sqlite_only
def test_others_are_told_the_dashboard_is_the_owners(qtbot, office, history):
    window = open_dashboard(qtbot, office, office.sales)
    assert window.dashboard.data is None and not window.dashboard.allowed


@sqlite_only
def test_the_wall_display_counts_and_follows_changes_with_nothing_to_press(qtbot, office, history):
    with office.db.unit_of_work() as session:
        wall = users.add_user(session, office.admin, "大屏", ["board"], "wall-password")
    board = BoardWindow(office.db, wall, "zh")
    qtbot.addWidget(board)
    board.resize(1366, 768)
    board.show()
    qtbot.waitUntil(lambda: board.data is not None, timeout=WAIT_MS)
    assert board.to_ship.count.text() == "1"  # so3 waits at 已下单 and is due
    assert history["so3"] in board.to_ship.rows.text()
    assert board.late.count.text() == "2"
    tiles = {name.text(): count.text() for name, count in board.node_tiles}
    assert tiles["销售 · 已发货"] == "1" and tiles["采购 · 已到货入库"] == "1"
    assert board.findChildren(QAbstractButton) == [] and board.findChildren(QLineEdit) == []

    # Called off on another desktop: the board hears it and reads again by itself.
    runner.run(office.db, office.sales, orders.cancel, history["so3"], "客户取消")
    qtbot.waitUntil(lambda: board.to_ship.count.text() == "0", timeout=WAIT_MS)
    assert board.late.count.text() == "1"
    assert board.data.at > utcnow() - timedelta(minutes=1)
    board.close()
