"""Approval weighs the list value and the discount, not only the total a salesperson typed."""

from __future__ import annotations

from app import orders, queries, settings, workflow


def _submitted(office, lines) -> tuple[str, str]:
    """Submit a new sales order; returns its node and the node that waits for approval."""
    number = office.order(lines=lines)
    with office.db.reading() as session:
        spec = workflow.active_workflow(session, "sales")
    with office.db.unit_of_work() as session:
        orders.advance(session, office.sales, number, spec.submission().target)
    with office.db.reading() as session:
        return orders.find_order(session, number).status, spec.submission().target


def test_a_price_cut_to_nothing_still_needs_the_owner(office):
    """2,350,000 at list price was once placed at 0.00 with no owner involved."""
    status, waiting = _submitted(office, [("B-2", 1000, "0")])  # 1,280,000 at list price
    assert status == waiting


def test_a_discount_beyond_the_setting_needs_the_owner(office):
    status, waiting = _submitted(office, [("A-1", 10, "22.50")])  # 10 %
    assert status != waiting
    status, waiting = _submitted(office, [("A-1", 10, "18.75")])  # 25 %
    assert status == waiting
    with office.db.unit_of_work() as session:
        settings.change(session, office.admin, "approval_discount_percent", "30")
    status, waiting = _submitted(office, [("A-1", 10, "18.75")])
    assert status != waiting


def test_the_approver_sees_list_value_and_discount(office):
    number = office.order(lines=[("A-1", 10, "18.75"), ("S-9", 1)])
    with office.db.reading() as session:
        shown = queries.order_detail(session, orders.find_order(session, number))
    assert (shown["total"], shown["list_value"], shown["discount_pct"]) == (
        "387.50",
        "450.00",
        "13.9",
    )
