"""Each view of the window reads again only when a change concerns it, whether the
change was made here or on another desktop."""

from __future__ import annotations

import pytest
import shiboken6
from desk import WAIT_MS, open_desk, wait_for_node

from app import masterdata, orders, runner
from db.engine import Database
from ui.main_window import ORDER_PAGES

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])
# Long enough for the window to hear its own change back from the database as well.
ECHO_MS = 1500


def listed_status(window, number: str) -> str | None:
    for row in range(window.model.rowCount()):
        shown = window.model.row_at(row)
        if shown is not None and shown["number"] == number:
            return shown["status"]
    return None


def show_all_and_open(qtbot, window, number: str) -> None:
    window.nav.setCurrentRow(ORDER_PAGES.index("all"))
    window.show_order(number)
    qtbot.waitUntil(lambda: window.detail.number == number, timeout=WAIT_MS)


def panels_of(window) -> tuple[dict, object]:
    """What the detail and timeline panels show now; both are replaced when read again."""
    return window.detail.detail, window.timeline.topLevelItem(0)


def untouched(window, panels: tuple[dict, object]) -> bool:
    detail, first_event = panels
    return window.detail.detail is detail and shiboken6.isValid(first_event)


def done_here(qtbot, window, service, *args) -> None:
    finished: list[object] = []
    window.workspace.act(service, *args, on_done=finished.append, on_error=finished.append)
    qtbot.waitUntil(lambda: bool(finished), timeout=WAIT_MS)
    assert not isinstance(finished[0], Exception), finished[0]


@sqlite_only
def test_a_change_to_one_order_leaves_another_orders_panels_alone(qtbot, office):
    other, shown = office.order(), office.order()
    window = open_desk(qtbot, office.db, office.sales)
    show_all_and_open(qtbot, window, shown)
    panels = panels_of(window)

    done_here(qtbot, window, orders.advance, other, "submitted")
    qtbot.waitUntil(lambda: listed_status(window, other) == "placed", timeout=WAIT_MS)
    qtbot.wait(ECHO_MS)
    assert untouched(window, panels)  # the order on screen did not change: not read again
    assert window.detail.chip.text() == "草稿"

    first_row = window.model.row_at(0)
    done_here(qtbot, window, masterdata.add_party, "西湖文具店", "customer")
    qtbot.waitUntil(lambda: window.filters.party.findText("西湖文具店") > 0, timeout=WAIT_MS)
    qtbot.wait(ECHO_MS)
    assert untouched(window, panels)
    assert window.model.row_at(0) is first_row  # a new party is in no listed order

    done_here(qtbot, window, orders.advance, shown, "submitted")
    wait_for_node(qtbot, window, "已下单")
    assert not untouched(window, panels)


def test_another_desktop_changing_the_shown_order_refreshes_its_panel(qtbot, office):
    other, shown = office.order(), office.order()
    elsewhere = Database(office.db.url)  # a second desktop has its own connections
    try:
        window = open_desk(qtbot, office.db, office.sales)
        show_all_and_open(qtbot, window, shown)
        panels = panels_of(window)

        runner.run(elsewhere, office.sales, orders.advance, other, "submitted")
        qtbot.waitUntil(lambda: listed_status(window, other) == "placed", timeout=2500)
        qtbot.wait(ECHO_MS)
        assert untouched(window, panels)

        runner.run(elsewhere, office.sales, orders.advance, shown, "submitted")
        wait_for_node(qtbot, window, "已下单", timeout=2500)  # without anyone touching it
        assert listed_status(window, shown) == "placed"
        moves = [window.timeline.topLevelItem(i).text(2) for i in range(2)]
        assert "草稿 → 待审批" in moves or "待审批 → 已下单" in moves
        window.close()
    finally:
        elsewhere.dispose()
