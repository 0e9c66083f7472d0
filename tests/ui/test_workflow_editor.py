"""The admin edits a workflow in the window, and every desktop follows the stored version:
queues, buttons and print menus of an order started on it; older orders keep theirs."""

from __future__ import annotations

import pytest
from desk import WAIT_MS, answer, click_action, open_desk, shown_actions, wait_for_node
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QGraphicsSimpleTextItem, QMessageBox

from app import orders
from app.workflow import active_workflow
from ui.dialogs import PaymentDialog, ShipDialog
from ui.order_list import NUMBER
from ui.workflow_editor import CODE_ROLE, InsertNodeDialog, WorkflowEditor

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


def open_editor(qtbot, office) -> WorkflowEditor:
    admin = open_desk(qtbot, office.db, office.admin)
    admin.workflows_action.trigger()
    editor = admin.findChild(WorkflowEditor)
    assert editor is not None and editor.isVisible()
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("sales"))
    return editor


def click_node(editor: WorkflowEditor, code: str) -> None:
    """Click the node's box in the diagram, as a person does."""
    box = next(i for i in editor.diagram.scene().items() if i.data(CODE_ROLE) == code)
    point = editor.diagram.mapFromScene(box.sceneBoundingRect().center())
    QTest.mouseClick(editor.diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert editor.selected == code and editor.code.text() == code


def diagram_texts(editor: WorkflowEditor) -> set[str]:
    items = editor.diagram.scene().items()
    return {i.text() for i in items if isinstance(i, QGraphicsSimpleTextItem)}


def shown(widget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def inspection(dialog: InsertNodeDialog) -> None:
    dialog.code.setText("inspected")
    dialog.name_zh.setText("已质检")
    dialog.name_en.setText("Inspected")
    assert dialog.owner.currentData() == "warehouse"  # the owner of the node it follows
    dialog.limit.setValue(2)
    dialog.step_zh.setText("质检通过")
    dialog.step_en.setText("Passed inspection")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def edit_sales(qtbot, editor: WorkflowEditor) -> None:
    """已备货 becomes 已拣货 (4 h), 已质检 follows it, nothing ships before the inspection,
    and sales chase the signatures of shipped orders."""
    click_node(editor, "prepared")
    editor.name_zh.setText("已拣货")
    editor.name_en.setText("Picked")
    editor.limit.setValue(4)
    answer(InsertNodeDialog, inspection)
    editor.insert_button.click()
    qtbot.waitUntil(lambda: editor.selected == "inspected", timeout=WAIT_MS)
    for code in ("prepared", "placed"):
        click_node(editor, code)
        editor.allows["ship"].setChecked(False)
    click_node(editor, "shipped")
    editor.owner.setCurrentIndex(editor.owner.findData("sales"))


@sqlite_only
def test_the_admin_edits_previews_and_stores_a_sales_workflow(qtbot, office):
    editor = open_editor(qtbot, office)
    assert not editor.save_button.isEnabled()  # nothing changed yet
    assert {"已备货", "仓库 · 24 h", "已取消"} <= diagram_texts(editor)
    edit_sales(qtbot, editor)
    assert {"已拣货", "已质检", "仓库 · 2 h", "仓库 · 4 h", "销售 · 72 h"} <= diagram_texts(editor)
    assert shown(editor.problem_list) == ["None: this workflow may be stored."]
    changes = shown(editor.difference_list)
    assert "新增节点 inspected（已质检）" in changes
    assert "新增转换 inspected：prepared → inspected" in changes
    assert any("prepared 的 allows" in c for c in changes)
    with office.db.reading() as session:
        assert active_workflow(session, "sales").version == 1  # nothing stored before Save
    editor.save_button.click()
    qtbot.waitUntil(lambda: "version 2" in editor.status.text(), timeout=WAIT_MS)
    with office.db.reading() as session:
        spec = active_workflow(session, "sales")
        assert spec.version == 2 and spec.node("prepared").zh == "已拣货"
        assert spec.node("inspected").owner == "warehouse" and spec.node("shipped").owner == "sales"
        assert "ship" not in spec.node("prepared").allows
    assert editor.version_table.item(0, 0).text() == "v2 (active)"
    assert editor.version_table.item(1, 0).text() == "v1"
    assert not editor.save_button.isEnabled() and shown(editor.difference_list) == []


@sqlite_only
def test_a_broken_edit_is_named_and_cannot_be_saved(qtbot, office):
    editor = open_editor(qtbot, office)
    click_node(editor, "paid")
    editor.name_en.setText("")
    assert "节点“paid”缺少英文名称。" in shown(editor.problem_list)
    assert not editor.save_button.isEnabled()
    editor.name_en.setText("Paid 😀")
    assert editor.save_button.isEnabled()
    said: list[str] = []

    def bad_code(dialog: InsertNodeDialog) -> None:
        dialog.code.setText("质检")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        said.append(dialog.problem.text())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()

    click_node(editor, "prepared")
    answer(InsertNodeDialog, bad_code)
    editor.insert_button.click()
    assert said == ["节点代码“质检”无效：只能用小写字母、数字和下划线，以字母开头。"]
    assert len(editor.definition["nodes"]) == 9


@sqlite_only
def test_switching_workflows_asks_before_dropping_edits(qtbot, office):
    editor = open_editor(qtbot, office)
    click_node(editor, "paid")
    editor.limit.setValue(5)
    purchase = editor.kind_box.findData("purchase")
    answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.No).click())
    editor.kind_box.setCurrentIndex(purchase)
    assert editor.kind == "sales" and editor.kind_box.currentData() == "sales"
    assert editor.definition["nodes"]["paid"]["limit_hours"] == 5
    answer(QMessageBox, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    editor.kind_box.setCurrentIndex(purchase)
    assert editor.kind == "purchase" and "已到货入库" in diagram_texts(editor)
    assert editor.selected == "draft" and not editor.save_button.isEnabled()


@sqlite_only
def test_a_node_where_orders_wait_is_not_removed(qtbot, office):
    number = office.placed()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.warehouse, number, "prepared")
    editor = open_editor(qtbot, office)
    click_node(editor, "prepared")
    said: list[str] = []

    def read(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    answer(QMessageBox, read)
    editor.remove_button.click()
    assert said == ["还有 1 个未完结的订单停在“已备货”，不能删除该节点。"]
    assert "prepared" in editor.definition["nodes"] and not editor.save_button.isEnabled()
    click_node(editor, "paid")
    editor.remove_button.click()
    assert "paid" not in editor.definition["nodes"]
    assert "删除节点 paid（已收款）" in shown(editor.difference_list)
    click_node(editor, "draft")
    assert not editor.remove_button.isEnabled()


@sqlite_only
def test_only_the_admin_has_the_editor(qtbot, office):
    for role in ("owner", "sales", "warehouse"):
        window = open_desk(qtbot, office.db, office.users[role])
        menus = [action.text() for action in window.menuBar().actions()]
        assert "&Settings" not in menus and not hasattr(window, "workflows_action")
        assert window.findChild(WorkflowEditor) is None
        window.close()
    admin = open_desk(qtbot, office.db, office.admin)
    assert "&Settings" in [action.text() for action in admin.menuBar().actions()]


def in_my_work(window, number: str) -> bool:
    rows = range(window.model.rowCount())
    return number in {window.model.index(row, NUMBER).data() for row in rows}


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_order_on_the_edited_workflow_runs_through_the_window(qtbot, office):
    older = office.placed()
    editor = open_editor(qtbot, office)
    edit_sales(qtbot, editor)
    editor.save_button.click()
    qtbot.waitUntil(lambda: "version 2" in editor.status.text(), timeout=WAIT_MS)
    number = office.order()

    def step(role, node, label, reached, dialog=None, fill_in=None, mine=True):
        """`role` finds the order at `node` (in their work when `mine`), is offered
        `label` and clicks it."""
        window = open_desk(qtbot, office.db, office.users[role])
        if mine:
            qtbot.waitUntil(lambda: in_my_work(window, number), timeout=WAIT_MS)
        else:
            assert window.nav.item(0).text().endswith("(0)")
        window.show_order(number)
        wait_for_node(qtbot, window, node)
        offered = shown_actions(window)
        documents = [a.text() for a in window.detail.print_menu.actions()]
        if dialog:
            answer(dialog, fill_in)
        click_action(qtbot, window, label)
        wait_for_node(qtbot, window, reached)
        window.close()
        return offered, documents

    def ship(dialog: ShipDialog) -> None:
        dialog.carrier.setCurrentText("顺丰速运")
        dialog.tracking.setText("SF1234567890")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def pay(dialog: PaymentDialog) -> None:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    offered, _ = step("sales", "草稿", "提交", "已下单")
    assert "编辑草稿" in offered
    offered, _ = step("warehouse", "已下单", "备货完成", "已拣货")
    assert "登记发货" not in offered  # nothing ships before the inspection
    offered, documents = step("warehouse", "已拣货", "质检通过", "已质检")
    # No delivery note where nothing may ship yet: it lists goods waiting to ship.
    assert "登记发货" not in offered and documents == []
    offered, documents = step("warehouse", "已质检", "登记发货", "已发货", ShipDialog, ship)
    assert offered == ["登记发货"] and documents == ["发货单"]
    # The edited owner: the shipped order waits in sales' work, not customer service's.
    sales = open_desk(qtbot, office.db, office.sales)
    qtbot.waitUntil(lambda: in_my_work(sales, number), timeout=WAIT_MS)
    sales.close()
    offered, _ = step("service", "已发货", "确认签收", "已签收", mine=False)
    # Per shipment, or the whole order; and the shipment's trouble and the change documents.
    assert offered == ["登记签收", "登记拒收…", "登记丢件…", "退货…", "换货…", "确认签收"]
    step("finance", "已签收", "登记收款", "已收款", PaymentDialog, pay)
    step("service", "已收款", "完成归档", "已完成")

    # The order started on version 1 still ships straight from 已下单 in the window.
    warehouse = open_desk(qtbot, office.db, office.warehouse)
    warehouse.show_order(older)
    wait_for_node(qtbot, warehouse, "已下单")
    assert shown_actions(warehouse) == ["登记发货", "备货完成"]
    answer(ShipDialog, ship)
    click_action(qtbot, warehouse, "登记发货")
    wait_for_node(qtbot, warehouse, "已发货")
