"""The finance page: the ageing table, the reconciliation with its export, the credit-limit
question before an approval."""

from __future__ import annotations

from desk import WAIT_MS, answer, click_action, open_desk, wait_for_node
from PySide6.QtWidgets import QMessageBox

from app import orders, settings
from app.masterdata import edit_party


def act(office, service, *args, **kwargs):
    with office.db.unit_of_work() as session:
        return service(session, *args, **kwargs)


def test_finance_sees_the_ageing_and_reconciles_to_pdf(qtbot, office, tmp_path):
    number = office.placed(lines=[("A-1", 20)], due="2026-01-10")
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF1")
    window = open_desk(qtbot, office.db, office.finance)
    window.show_money(0)
    tab = window.money.ageing
    qtbot.waitUntil(lambda: tab.parties.rowCount() == 1, timeout=WAIT_MS)
    assert tab.parties.item(0, 0).text() == "华东贸易有限公司"
    assert not window.right.isVisible()
    qtbot.waitUntil(lambda: tab.orders.rowCount() == 1, timeout=WAIT_MS)
    assert tab.orders.item(0, 0).text() == number and tab.orders.item(0, 3).text() == "500.00"
    window.show_money(1)
    reconcile = window.money.reconcile
    reconcile.month.setCurrentIndex(0)
    reconcile.run()
    qtbot.waitUntil(lambda: reconcile.excel_button.isEnabled(), timeout=WAIT_MS)
    pdf = tmp_path / "对账.pdf"
    reconcile.export_to(pdf)
    qtbot.waitUntil(lambda: "对账.pdf" in reconcile.summary.text(), timeout=20_000)
    assert pdf.exists(), reconcile.summary.text()
    assert pdf.read_bytes().startswith(b"%PDF")


def test_finance_reaches_its_page_from_the_navigation(qtbot, office):
    """Finance sees no stock page, so its navigation has a row fewer than the owner's."""
    from ui.main_window import KEY_ROLE

    window = open_desk(qtbot, office.db, office.finance)
    keys = [window.nav.item(row).data(KEY_ROLE) for row in range(window.nav.count())]
    assert "stock" not in keys and "finance" in keys, keys
    window.nav.setCurrentRow(keys.index("finance"))
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.money, timeout=WAIT_MS)
    assert window.page_key == "finance"
    window.show_dashboard()
    window.nav.setCurrentRow(keys.index("all"))
    window.show_money(1)  # from a menu: the navigation follows
    assert window.pages.currentWidget() is window.money and window.page_key == "finance"


def test_the_approver_is_asked_over_the_credit_limit(qtbot, office):
    act(office, settings.change, office.admin, "approval_threshold", "1000")
    act(office, edit_party, office.sales, "华东贸易有限公司", credit_limit="2000")
    number = office.placed(lines=[("B-2", 2)])
    window = open_desk(qtbot, office.db, office.owner)
    window.show_order(number)
    qtbot.waitUntil(lambda: window.detail.number == number, timeout=WAIT_MS)
    asked = []

    def decline(box: QMessageBox) -> None:
        asked.append(box.text())
        box.button(QMessageBox.StandardButton.No).click()

    answer(QMessageBox, decline)
    click_action(qtbot, window, "审批通过")
    qtbot.waitUntil(lambda: bool(asked), timeout=WAIT_MS)
    assert "2,560.00" in asked[0] and "2,000.00" in asked[0]
    wait_for_node(qtbot, window, "待审批")
