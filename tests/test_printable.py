"""Which documents the window offers to print for an order, by node and by role."""

from __future__ import annotations

import pytest

from app import orders, printing, settings


def kinds(office, role: str, number: str) -> list[str]:
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        return [p.kind for p in printing.printable(session, office.users[role], order)]


def test_a_draft_prints_nothing(office):
    assert kinds(office, "sales", office.order()) == []


def test_a_placed_sales_order_prints_its_confirmation_and_delivery_note(office):
    number = office.order()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    assert kinds(office, "sales", number) == ["order", "delivery-note"]
    assert kinds(office, "warehouse", number) == ["delivery-note"]  # no prices for them
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "warehouse_sees_prices", "true")
    assert kinds(office, "warehouse", number) == ["order", "delivery-note"]


def test_a_shipped_order_still_prints_its_delivery_note(office):
    number = office.order()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    with office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, number, "顺丰速运", "SF1234567890")
    assert kinds(office, "service", number) == ["order", "delivery-note"]


@pytest.mark.parametrize("role, expected", [("purchasing", ["purchase-order"]), ("warehouse", [])])
def test_a_placed_purchase_order_has_no_delivery_note(office, role, expected):
    number = office.order("purchase")
    with office.db.unit_of_work() as session:
        orders.advance(session, office.purchasing, number, "submitted")
    assert kinds(office, role, number) == expected


def test_every_offered_document_prints(office):
    number = office.order()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    for kind in kinds(office, "sales", number):
        with office.db.unit_of_work() as session:
            assert printing.print_document(session, office.sales, kind, number)[:5] == b"%PDF-"


def test_a_return_order_prints_its_return_note_only(office):
    number = office.order()
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted")
    with office.db.unit_of_work() as session:
        # returns are not created through the window yet: stand one in for the rule
        orders.find_order(session, number).kind = "return"
    assert kinds(office, "service", number) == ["return-note"]
    assert kinds(office, "warehouse", number) == []
