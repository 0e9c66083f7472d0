"""The desktop window, driven as office staff would drive it."""

from __future__ import annotations

import pytest
from desk import WAIT_MS, answer, click_action, open_desk, shown_actions, wait_for_node
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app import orders, settings
from db.engine import Database
from ui.dialogs import PaymentDialog, ShipDialog
from ui.login import LoginDialog
from ui.order_editor import NAME, QTY, SKU, OrderEditor
from ui.order_list import NUMBER, PAID

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])
PASSWORD = "secret-pw"  # every user of the `office` fixture has it


def act(office, service, *args, **kwargs):
    with office.db.unit_of_work() as session:
        return service(session, *args, **kwargs)


def status_of(office, number: str) -> str:
    with office.db.reading() as session:
        return orders.find_order(session, number).status


@sqlite_only
def test_sign_in_remembers_the_user_name(qtbot, office):
    login = LoginDialog(office.db, "zh", "test.db")
    qtbot.addWidget(login)
    login.name.setText("sales")
    login.password.setText("wrong")
    login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: login.problem.text() == "用户名或密码错误。", timeout=WAIT_MS)
    assert login.user is None
    login.password.setText(PASSWORD)
    login.remember.setChecked(True)
    login.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: login.user is not None, timeout=WAIT_MS)
    assert login.user.roles == {"sales"}
    again = LoginDialog(office.db, "zh", "test.db")
    qtbot.addWidget(again)
    assert again.name.text() == "sales"


@sqlite_only
def test_create_an_order_and_take_it_to_completed_role_by_role(qtbot, office):
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "approval_threshold", "50")
    sales = open_desk(qtbot, office.db, office.sales)

    def fill(editor: OrderEditor) -> None:
        editor.party.setCurrentText("华东贸易有限公司")
        editor.set_cell(0, SKU, "A-1")
        editor.set_cell(0, QTY, "4")
        assert editor.lines.item(0, NAME).text() == "复印纸"
        assert editor.total.text().endswith("CNY 100.00")
        editor.set_cell(0, QTY, "-1")  # validated as typed: Save is refused
        assert not editor.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        editor.set_cell(0, QTY, "4")
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    answer(OrderEditor, fill)
    sales.new_action.trigger()
    wait_for_node(qtbot, sales, "草稿")
    number = sales.detail.number
    assert number.startswith("SO-") and status_of(office, number) == "draft"
    qtbot.waitUntil(lambda: sales.model.rowCount() == 1, timeout=WAIT_MS)
    assert sales.model.index(0, NUMBER).data() == number
    click_action(qtbot, sales, "提交")
    wait_for_node(qtbot, sales, "待审批")
    assert shown_actions(sales) == ["取消订单"]

    def step(role: str, label: str, reached: str, dialog=None, fill_in=None):
        window = open_desk(qtbot, office.db, office.users[role])
        qtbot.waitUntil(lambda: window.model.rowCount() >= 1, timeout=WAIT_MS)
        assert window.model.index(0, NUMBER).data() == number  # it waits in this role's queue
        qtbot.waitUntil(lambda: window.detail.number == number, timeout=WAIT_MS)
        if dialog:
            answer(dialog, fill_in)
        click_action(qtbot, window, label)
        wait_for_node(qtbot, window, reached)
        window.close()

    def ship(dialog: ShipDialog) -> None:
        dialog.carrier.setCurrentText("顺丰速运")
        dialog.tracking.setText("SF1234567890")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def pay(dialog: PaymentDialog) -> None:
        assert dialog.amount.text() == "100.00"
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    step("owner", "审批通过", "已下单")
    step("warehouse", "备货完成", "已备货")
    step("warehouse", "登记发货", "已发货", ShipDialog, ship)
    step("service", "确认签收", "已签收")
    step("finance", "登记收款", "已收款", PaymentDialog, pay)
    step("service", "完成归档", "已完成")
    assert status_of(office, number) == "completed"
    sales.show_order(number)
    rows = [sales.timeline.topLevelItem(i) for i in range(sales.timeline.topLevelItemCount())]
    moves = [(row.text(1), row.text(2)) for row in rows if row.text(2)]
    assert ("owner", "待审批 → 已下单") in moves and ("warehouse", "已备货 → 已发货") in moves
    assert moves[0] == ("service", "已收款 → 已完成")


@sqlite_only
def test_warehouse_sees_no_prices_and_cannot_record_payments(qtbot, office):
    number = office.order()
    act(office, orders.advance, office.sales, number, "submitted")
    window = open_desk(qtbot, office.db, office.warehouse)
    wait_for_node(qtbot, window, "已下单")
    assert window.list.isColumnHidden(PAID)
    headers = [
        window.detail.lines.horizontalHeaderItem(c).text()
        for c in range(window.detail.lines.columnCount())
    ]
    assert "Unit price" not in headers and len(headers) == 6
    assert window.detail.payments.isHidden()
    assert "Total" not in window.detail.facts.text()
    assert shown_actions(window) == ["登记发货", "备货完成"]
    assert not any("款" in label for label in shown_actions(window))

    finance = open_desk(qtbot, office.db, office.finance)
    finance.show_order(number)
    assert "登记收款" in shown_actions(finance)
    assert not finance.list.isColumnHidden(PAID)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_change_on_one_desktop_shows_on_another(qtbot, office):
    office.order()
    other_database = Database(office.db.url)  # a second desktop has its own connections
    try:
        here = open_desk(qtbot, office.db, office.sales)
        there = open_desk(qtbot, other_database, office.sales)
        wait_for_node(qtbot, there, "草稿")
        assert there.nav.item(0).text().endswith("(1)")
        click_action(qtbot, here, "提交")
        wait_for_node(qtbot, here, "已下单")
        # the other window follows within about two seconds, without anyone touching it
        wait_for_node(qtbot, there, "已下单", timeout=2500)
        qtbot.waitUntil(lambda: there.nav.item(0).text().endswith("(0)"), timeout=1000)
        there.close()
    finally:
        other_database.dispose()


@sqlite_only
def test_a_stale_save_shows_who_changed_the_order(qtbot, office):
    number = office.order()
    window = open_desk(qtbot, office.db, office.sales)
    wait_for_node(qtbot, window, "草稿")
    seen: list[str] = []

    def edit(editor: OrderEditor) -> None:
        # meanwhile the owner cancels the draft on another desktop
        act(office, orders.cancel, office.owner, number, "客户不要了")
        editor.set_cell(0, QTY, "7")
        answer(QMessageBox, reload)
        editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    def reload(box: QMessageBox) -> None:
        seen.append(box.text())
        next(
            b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.AcceptRole
        ).click()

    answer(OrderEditor, edit)
    click_action(qtbot, window, "编辑草稿")
    wait_for_node(qtbot, window, "已取消")
    assert len(seen) == 1 and "owner" in seen[0] and number in seen[0]
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        assert [str(line.qty) for line in order.lines] == ["10.000"]  # nothing overwritten


@sqlite_only
def test_purchase_received_and_a_draft_cancelled_with_its_reason(qtbot, office):
    from ui.dialogs import ReceiveDialog, StepDialog

    purchase = office.order("purchase", lines=(("A-1", 30),))
    act(office, orders.advance, office.purchasing, purchase, "submitted")
    warehouse = open_desk(qtbot, office.db, office.warehouse)
    warehouse.show_order(purchase)

    def receive(dialog: ReceiveDialog) -> None:
        dialog.table.item(0, 3).setText("31")  # more than ordered: refused as typed
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.table.item(0, 3).setText("30")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer(ReceiveDialog, receive)
    click_action(qtbot, warehouse, "登记收货")
    wait_for_node(qtbot, warehouse, "已到货入库")

    draft = office.order()
    sales = open_desk(qtbot, office.db, office.sales)
    sales.show_order(draft)

    def cancel(dialog: StepDialog) -> None:
        assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        dialog.text.setPlainText("客户改用其他型号")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer(StepDialog, cancel)
    click_action(qtbot, sales, "取消订单")
    wait_for_node(qtbot, sales, "已取消")
    top = sales.timeline.topLevelItem(0)
    assert top.text(2) == "草稿 → 已取消" and top.text(3) == "客户改用其他型号"


@sqlite_only
def test_filters_search_and_shortcuts(qtbot, office):
    from PySide6.QtCore import Qt

    first = office.order()
    office.order("purchase")
    late = office.order(due="2020-01-01")
    window = open_desk(qtbot, office.db, office.admin)  # an admin starts on all orders
    assert window.page_key == "all" and window.model.rowCount() == 3
    assert not window.new_action.isEnabled()  # admins do not create orders
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT_MS)
    window.list.setFocus()
    qtbot.keyClick(window.list, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.filters.search.hasFocus, timeout=WAIT_MS)
    window.filters.search.setText(first)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    assert window.model.index(0, NUMBER).data() == first
    window.filters.search.clear()
    window.filters.overdue.setChecked(True)
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    assert window.model.index(0, NUMBER).data() == late
    window.filters.overdue.setChecked(False)
    window.filters.kind.setCurrentIndex(window.filters.kind.findData("purchase"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT_MS)
    assert window.model.index(0, NUMBER).data().startswith("PO-")
    window.nav.setCurrentRow(4)  # exceptions: late orders only
    assert window.model.rowCount() == 0  # and still filtered to purchases


@sqlite_only
def test_sku_completion_keeps_the_sku(qtbot, office):
    from PySide6.QtWidgets import QStyleOptionViewItem

    sales = open_desk(qtbot, office.db, office.sales)
    editor = OrderEditor(sales.workspace, "sales", parent=sales)
    qtbot.addWidget(editor)
    index = editor.lines.model().index(0, SKU)
    delegate = editor.lines.itemDelegateForColumn(SKU)
    field = delegate.createEditor(editor.lines, QStyleOptionViewItem(), index)
    assert "B-2  打印机" in field.completer().model().stringList()
    field.setText("B-2  打印机")  # what choosing the completion puts in the cell
    delegate.setModelData(field, editor.lines.model(), index)
    assert editor.lines.item(0, SKU).text() == "B-2"
    assert editor.lines.item(0, NAME).text() == "打印机"
    assert editor.total.text().endswith("CNY 1,280.00")


@sqlite_only
def test_the_approver_sees_the_list_value_and_the_discount(qtbot, office):
    number = office.order(lines=[("A-1", 10, "18.75"), ("S-9", 1)])
    act(office, orders.advance, office.sales, number, "submitted")
    window = open_desk(qtbot, office.db, office.owner, lang="en")
    window.show_order(number)
    qtbot.waitUntil(lambda: window.detail.number == number, timeout=WAIT_MS)
    facts = window.detail.facts.text()
    assert "Total: CNY 387.50" in facts and "At list prices: 450.00 (discount 13.9%)" in facts
    warehouse = open_desk(qtbot, office.db, office.warehouse, lang="en")
    warehouse.show_order(number)
    qtbot.waitUntil(lambda: warehouse.detail.number == number, timeout=WAIT_MS)
    assert "list prices" not in warehouse.detail.facts.text()
