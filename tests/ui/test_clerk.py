"""The window on a laptop screen and for a clerk: who acts next in view, the list and the
detail panel agreeing, goods receipts of a purchase, stock in the editor, past due dates."""

from __future__ import annotations

import pytest
from desk import WAIT_MS, click_action, open_desk, wait_for_node
from PySide6.QtCore import QItemSelectionModel

from app import orders, settings
from ui.order_list import NUMBER, OWNER

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


def act(office, service, *args, **kwargs):
    with office.db.unit_of_work() as session:
        return service(session, *args, **kwargs)


@sqlite_only
def test_who_acts_next_is_visible_at_1366_pixels(qtbot, office):
    office.order("sales")
    window = open_desk(qtbot, office.db, office.sales)
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    view = window.list
    right_edge = view.columnViewportPosition(OWNER) + view.columnWidth(OWNER)
    assert view.columnViewportPosition(OWNER) >= 0 and right_edge <= view.viewport().width()
    assert view.horizontalScrollBar().value() == 0


@sqlite_only
def test_after_an_approval_the_list_and_the_detail_agree(qtbot, office):
    act(office, settings.change, office.admin, "approval_threshold", "50")
    first, second = office.order("sales"), office.order("sales")
    for number in (first, second):
        act(office, orders.advance, office.sales, number, "submitted")
    owner = open_desk(qtbot, office.db, office.owner)
    qtbot.waitUntil(lambda: owner.model.rowCount() == 2, timeout=WAIT_MS)
    row = next(r for r in range(2) if owner.model.index(r, NUMBER).data() == first)
    owner.list.selectionModel().setCurrentIndex(
        owner.model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.waitUntil(lambda: owner.detail.number == first, timeout=WAIT_MS)
    click_action(qtbot, owner, "审批通过")
    wait_for_node(qtbot, owner, "已下单")
    qtbot.waitUntil(lambda: owner.model.rowCount() == 1, timeout=WAIT_MS)
    selected = owner.list.selectionModel().selectedRows()
    shown = owner.detail.number
    # Either the list selects the order the panel shows, or nothing: never another order.
    assert [owner.model.index(i.row(), NUMBER).data() for i in selected] in ([shown], [])
    assert shown == first
