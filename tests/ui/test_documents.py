"""Printing and Excel from the window: preview, batch printing, export, import."""

from __future__ import annotations

import pytest
from desk import WAIT_MS, open_desk, wait_for_node
from PySide6.QtPdf import QPdfDocument
from sqlalchemy import select

from app import orders
from db.models import Event

pytestmark = pytest.mark.parametrize("backend", ["sqlite"])


def placed_order(office) -> str:
    number = office.order()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    return number


def print_choices(window) -> list[str]:
    return [choice.text() for choice in window.detail.print_menu.actions()]


def choose_print(window, label: str) -> None:
    choices = [c for c in window.detail.print_menu.actions() if c.text() == label]
    assert choices, f"no document {label!r}; offered: {print_choices(window)}"
    choices[0].trigger()


def print_events(office, number: str) -> list[dict]:
    with office.db.reading() as session:
        return [event.after for event in session.scalars(
            select(Event).where(Event.entity_ref == number, Event.action == "print"))]


def test_preview_from_the_detail_panel_records_the_print(qtbot, office):
    number = placed_order(office)
    window = open_desk(qtbot, office.db, office.sales)
    window.show_order(number)
    assert window.detail.print_button.isVisible()
    assert print_choices(window) == ["销售订单确认书", "发货单"]
    choose_print(window, "销售订单确认书")
    qtbot.waitUntil(lambda: window.preview is not None, timeout=WAIT_MS)
    preview = window.preview
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready,
                    timeout=WAIT_MS)
    assert preview.page_count() >= 1 and preview.isVisible()
    assert number in preview.windowTitle()
    assert number in preview.document.getAllText(0).text()
    assert print_events(office, number) == [{"document": "order"}]
    # the timeline follows: the print is one of the order's events
    qtbot.waitUntil(lambda: window.timeline.topLevelItem(0).text(3) == "Printed 订单",
                    timeout=WAIT_MS)


def test_the_warehouse_is_offered_the_delivery_note_only(qtbot, office):
    number = placed_order(office)
    window = open_desk(qtbot, office.db, office.warehouse)
    wait_for_node(qtbot, window, "已下单")
    assert window.detail.number == number
    assert print_choices(window) == ["发货单"]
    choose_print(window, "发货单")
    qtbot.waitUntil(lambda: window.preview is not None, timeout=WAIT_MS)
    assert print_events(office, number) == [{"document": "delivery-note"}]


def test_a_draft_offers_nothing_to_print(qtbot, office):
    office.order()
    window = open_desk(qtbot, office.db, office.sales)
    wait_for_node(qtbot, window, "草稿")
    assert not window.detail.print_button.isVisible() and print_choices(window) == []
