"""Amending an order and making a supplementary order from the detail panel."""

from __future__ import annotations

import pytest
from desk import WAIT_MS, answer, click_action, open_desk, shown_actions
from PySide6.QtWidgets import QDialogButtonBox

from app import orders
from ui.amend_dialog import PRICE, QTY, AmendDialog, SupplementDialog

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])


def revision_of(office, number: str) -> tuple[int, str]:
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        return order.revision, str(order.total)


@sqlite_only
def test_amend_from_the_detail_panel(qtbot, office):
    number = office.placed(lines=[("A-1", 10), ("S-9", 1)])
    window = open_desk(qtbot, office.db, office.sales, lang="en")
    window.show_order(number)
    assert "Amend…" in shown_actions(window)
    assert "Supplementary order…" in shown_actions(window)

    def amend(dialog: AmendDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.table.item(0, QTY).setText("12")
        assert not ok.isEnabled()  # no reason yet
        dialog.reason.setPlainText("客户加两包 😀")
        dialog.table.item(1, QTY).setText("0")  # the service line goes
        dialog.choice.setCurrentIndex(dialog.choice.findData("B-2"))
        dialog.add_chosen()
        dialog.table.item(2, PRICE).setText("1200")
        assert ok.isEnabled(), dialog.problem.text()
        ok.click()

    answer(AmendDialog, amend)
    click_action(qtbot, window, "Amend…")
    qtbot.waitUntil(lambda: revision_of(office, number)[0] == 2, timeout=WAIT_MS)
    assert revision_of(office, number)[1] == "1500.00"  # 12 × 25 + 1200
    qtbot.waitUntil(lambda: window.detail.amendments.rowCount() == 1, timeout=WAIT_MS)
    assert window.detail.amendments.item(0, 1).text() == "2"
    assert "客户加两包 😀" in window.detail.amendments.item(0, 4).text()
    assert "Revision 2" in window.detail.links.text()
    notes = [
        window.timeline.topLevelItem(i).text(3) for i in range(window.timeline.topLevelItemCount())
    ]
    assert any("Amended" in note and "A-1 10→12" in note for note in notes)


@sqlite_only
def test_supplementary_order_from_the_detail_panel_opens_from_the_parent(qtbot, office):
    parent = office.placed(lines=[("A-1", 10)])
    window = open_desk(qtbot, office.db, office.sales, lang="en")
    window.show_order(parent)

    def supplement(dialog: SupplementDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not ok.isEnabled()
        dialog.choice.setCurrentIndex(dialog.choice.findData("A-1"))
        dialog.add_chosen()
        dialog.table.item(0, QTY).setText("2")
        dialog.reason.setPlainText("漏发两包")
        assert ok.isEnabled(), dialog.problem.text()
        ok.click()

    answer(SupplementDialog, supplement)
    click_action(qtbot, window, "Supplementary order…")

    def child() -> str | None:
        with office.db.reading() as session:
            found = orders.find_order(session, parent)
            return found.children[0].number if found.children else None

    qtbot.waitUntil(lambda: child() is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: child() in window.detail.links.text(), timeout=WAIT_MS)
    window.detail.links.linkActivated.emit(child())
    qtbot.waitUntil(lambda: window.detail.number == child(), timeout=WAIT_MS)
    assert parent in window.detail.links.text() and "Made from" in window.detail.links.text()


@sqlite_only
def test_the_owners_reject_undoes_an_amendment_from_the_window(qtbot, office):
    from app import amendments
    from db.models import Setting
    from ui.dialogs import StepDialog

    number = office.placed(lines=[("B-2", 2)])  # 2 560
    with office.db.unit_of_work() as session:
        session.merge(Setting(key="approval_threshold", value="3000"))
    with office.db.unit_of_work() as session:
        amendments.amend(session, office.sales, number, [orders.LineSpec("B-2", 3)], reason="加")
    window = open_desk(qtbot, office.db, office.owner, lang="en")
    window.show_order(number)
    assert "Reject" in shown_actions(window)

    def reject(dialog: StepDialog) -> None:
        dialog.text.setPlainText("不批")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer(StepDialog, reject)
    click_action(qtbot, window, "Reject")
    qtbot.waitUntil(lambda: revision_of(office, number) == (1, "2560.00"), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: "(rejected, undone)" in window.detail.amendments.item(0, 4).text(),
        timeout=WAIT_MS,
    )
    notes = [
        window.timeline.topLevelItem(i).text(3) for i in range(window.timeline.topLevelItemCount())
    ]
    assert any("Amendment rejected" in note and "B-2 3→2" in note for note in notes)
