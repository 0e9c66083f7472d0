"""Demo data shows every node, some late orders, and is the same for the same seed."""

from __future__ import annotations

from sqlalchemy import select

from app import audit, queries
from app.demo import build_demo
from db.models import Order


def _picture(database):
    with database.reading() as session:
        rows = session.execute(
            select(Order.number, Order.kind, Order.status, Order.total).order_by(Order.id)
        ).all()
        late = queries.list_orders(session, queries.OrderFilter(overdue=True))
        chain = audit.verify(session)
    return rows, len(late), chain.ok


def test_demo_covers_every_node_and_repeats_with_its_seed(fresh_database):
    first, second = fresh_database("sqlite"), fresh_database("sqlite")
    assert build_demo(first, 150, seed=5) == 150
    assert build_demo(first, 150, seed=5) == 0  # a database with orders is left alone
    build_demo(second, 150, seed=5)
    rows, late, chain_ok = _picture(first)
    assert rows == _picture(second)[0]
    sales = {status for _, kind, status, _ in rows if kind == "sales"}
    purchase = {status for _, kind, status, _ in rows if kind == "purchase"}
    assert sales == {
        "draft",
        "submitted",
        "placed",
        "prepared",
        "shipped",
        "delivered",
        "paid",
        "completed",
        "cancelled",
    }
    assert purchase == {
        "draft",
        "submitted",
        "placed",
        "received",
        "paid",
        "completed",
        "cancelled",
    }
    assert late > 0 and chain_ok
    for database in (first, second):
        database.dispose()
