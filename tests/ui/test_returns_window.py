"""Refused shipments, their exception and returns, driven through the window."""

from __future__ import annotations

import pytest
from desk import WAIT_MS, answer, click_action, open_desk, shown_actions
from sqlalchemy import select

from app import orders, shipments
from db.models import Order, Shipment
from ui.return_dialog import ResolveDialog, ReturnDialog, TroubleDialog

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


def shipped(office) -> tuple[str, str]:
    number = office.placed()
    with office.db.unit_of_work() as session:
        return number, orders.ship(session, office.warehouse, number, "顺丰", "SF1").number


@sqlite_only
def test_a_refused_shipment_is_queued_and_resolved_in_the_window(qtbot, office):
    number, shipment = shipped(office)
    window = open_desk(qtbot, office.db, office.service, "en")
    window.show_order(number)
    assert {"Refused…", "Lost…"} <= set(shown_actions(window))

    def refuse(dialog: TroubleDialog) -> None:
        dialog.reason.setPlainText("客户拒收 😀")
        dialog.accept()

    answer(TroubleDialog, refuse)
    click_action(qtbot, window, "Refused…")
    qtbot.waitUntil(lambda: "Resolve exception…" in shown_actions(window), timeout=WAIT_MS)
    assert "In exception" in window.detail.links.text()
    assert window.detail.shipments.item(0, 1).text() == "refused · 客户拒收 😀"
    window.nav.setCurrentRow(4)  # the exceptions page
    qtbot.waitUntil(lambda: window.exception_queue.table.rowCount() == 1, timeout=WAIT_MS)
    assert window.exception_queue.table.item(0, 4).text() == "客户拒收 😀"
    window.exception_queue.table.cellClicked.emit(0, 0)  # the order opens in the detail panel
    qtbot.waitUntil(lambda: window.detail.number == number, timeout=WAIT_MS)

    def reship(dialog: ResolveDialog) -> None:
        dialog.reship.setChecked(True)
        dialog.accept()

    answer(ResolveDialog, reship)
    click_action(qtbot, window, "Resolve exception…")
    qtbot.waitUntil(lambda: window.exception_queue.table.rowCount() == 0, timeout=WAIT_MS)
    with office.db.reading() as session:
        row = session.scalar(select(Shipment).where(Shipment.number == shipment))
        assert (row.resolution, shipments.state_of(row)) == ("reship", "refused")
        kinds = session.scalars(select(Order.kind).where(Order.parent_id.is_not(None))).all()
        assert sorted(kinds) == ["return", "supplementary"]


@sqlite_only
def test_a_return_from_the_detail_panel(qtbot, office):
    number, shipment = shipped(office)
    with office.db.unit_of_work() as session:
        orders.confirm_delivery(session, office.service, shipment)
    window = open_desk(qtbot, office.db, office.service, "en")
    window.show_order(number)

    def fill(dialog: ReturnDialog) -> None:
        dialog.table.item(0, 3).setText("2")
        dialog.reason.setPlainText("质量问题")
        dialog.accept()

    answer(ReturnDialog, fill)
    click_action(qtbot, window, "Return…")
    qtbot.waitUntil(lambda: "RO-" in window.detail.links.text(), timeout=WAIT_MS)
    with office.db.reading() as session:
        ret = session.scalar(select(Order).where(Order.kind == "return"))
        assert [(line.qty, line.reason) for line in ret.lines] == [(2, "质量问题")]
