"""The window on a laptop screen and for a clerk: who acts next in view, the list and the
detail panel agreeing, goods receipts of a purchase, stock in the editor, past due dates."""

from __future__ import annotations

import pytest
from desk import WAIT_MS, action_buttons, click_action, open_desk, wait_for_node
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


@sqlite_only
def test_a_purchase_lists_its_goods_receipts_in_the_detail_panel(qtbot, office):
    number = office.order("purchase", lines=(("A-1", 10), ("B-2", 2)))
    act(office, orders.advance, office.purchasing, number, "submitted")
    act(office, orders.receive, office.warehouse, number, [orders.MoveSpec("A-1", "4")])
    window = open_desk(qtbot, office.db, office.purchasing)
    window.show_order(number)
    detail = window.detail
    assert detail.receipts.rowCount() == 1 and not detail.receipts.isHidden()
    assert detail.shipments.isHidden()
    cells = [detail.receipts.item(0, c).text() for c in range(4)]
    assert cells[0] and cells[1]  # the receipt's number and when
    assert cells[2] == "warehouse" and cells[3] == "A-1 × 4"
    sale = office.order("sales")
    window.show_order(sale)
    assert detail.receipts.isHidden() and not detail.shipments.isHidden()


@sqlite_only
def test_the_editor_shows_available_stock_warns_of_a_past_due_date(qtbot, office):
    from PySide6.QtCore import QDate

    from ui.order_editor import AVAILABLE, QTY, SKU, OrderEditor, SkuDelegate

    placed = office.order("sales", lines=(("B-2", 2),))
    act(office, orders.advance, office.sales, placed, "submitted")  # reserves 2 of 5
    window = open_desk(qtbot, office.db, office.sales)
    editor = OrderEditor(window.workspace, "sales", parent=window)
    qtbot.addWidget(editor)
    editor.set_cell(0, SKU, "B-2")
    assert editor.lines.item(0, AVAILABLE).text() == "3"
    editor.set_cell(0, QTY, "4")
    assert "backorder" in editor.lines.item(0, AVAILABLE).toolTip()
    editor.set_cell(0, QTY, "3")
    assert editor.lines.item(0, AVAILABLE).toolTip() == ""
    row = editor.add_line("S-9")
    assert editor.lines.item(row, AVAILABLE).text() == "—"  # a service has no stock
    editor.party.setCurrentText("华东贸易有限公司")
    assert editor.warning.text() == ""
    editor.has_due.setChecked(True)
    editor.due.setDate(QDate.currentDate().addDays(-3))
    assert "past" in editor.warning.text()
    assert editor.buttons.button(editor.buttons.StandardButton.Save).isEnabled()  # only a warning
    delegate = editor.lines.itemDelegateForColumn(SKU)
    assert isinstance(delegate, SkuDelegate)
    cell = delegate.createEditor(editor.lines.viewport(), None, editor.lines.model().index(0, SKU))
    popup = cell.completer().popup()
    widest = max(popup.fontMetrics().horizontalAdvance(c) for c in delegate.choices)
    assert popup.minimumWidth() > widest  # no completion is cut off


@sqlite_only
def test_every_action_of_the_detail_panel_is_in_view_at_1366_pixels(qtbot, office):
    """Customer service has six actions on a shipped order: on a laptop screen they wrap
    onto more rows, and none of them, nor the print button, lies past the panel's edge."""
    number = office.placed()
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF1")
    window = open_desk(qtbot, office.db, office.service)
    window.resize(1280, 728)  # what the window takes on a 1366×768 screen
    window.show()
    window.show_order(number)
    buttons = action_buttons(window)
    assert [b.text() for b in buttons][-1] == "确认签收" and len(buttons) == 6
    viewport = window.detail.parentWidget()  # the panel's scroll area shows this much of it
    shown = (*buttons, window.detail.print_button)
    qtbot.waitUntil(lambda: all(button.isVisible() for button in shown), timeout=WAIT_MS)
    for button in shown:
        right = button.mapTo(viewport, button.rect().topRight()).x()
        assert right < viewport.width(), button.text()
    rows = {button.mapTo(viewport, button.rect().topLeft()).y() for button in buttons}
    assert len(rows) >= 2  # wrapped, however wide the font draws them
