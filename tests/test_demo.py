"""Demo data shows every node, some late orders, and is the same for the same seed."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app import audit, demo, queries
from app.demo import build_demo
from app.errors import ValidationError
from app.setup import ensure_admin
from db.models import Event, Order, User


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
    with pytest.raises(ValidationError):  # a database with orders is left alone
        build_demo(first, 150, seed=5)
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


def _counts(database):
    with database.reading() as session:
        return tuple(session.scalar(select(func.count(t.id))) for t in (User, Order, Event))


def test_demo_refuses_a_database_that_has_users(database):
    """Demo users have a known password: a database with an admin must not get them."""
    ensure_admin(database, "boss", "long-password")
    before = _counts(database)
    with pytest.raises(ValidationError):
        build_demo(database, 5)
    assert _counts(database) == before


def test_demo_accounts_are_audited_and_a_stopped_demo_finishes(database):
    demo._start(database, 6)  # as if killed right after the master data
    assert build_demo(database, 2) == 6  # finishes what was first asked
    with database.reading() as session:
        created = set(session.scalars(select(Event.entity_ref).where(Event.entity == "user")))
        assert created == set(demo.ROLES)
        made = select(func.count(Order.id)).where(Order.kind.in_(["sales", "purchase"]))
        assert session.scalar(made) == 6  # besides the returns made from them
        assert audit.verify(session).ok
    with pytest.raises(ValidationError):  # finished: now it is a database with data
        build_demo(database, 2)


def test_demo_refuses_a_negative_number_of_orders(database):
    with pytest.raises(ValidationError):
        build_demo(database, -1)
    assert _counts(database)[0] == 0


def test_demo_shows_amendments_approved_and_one_waiting_for_the_owner(database):
    from app import amendments, orders, workflow
    from app.demo_returns import AMENDMENTS
    from db.models import Amendment

    build_demo(database, 40, seed=3)
    with database.reading() as session:
        made = session.scalars(select(Amendment).order_by(Amendment.id)).all()
        assert len(made) == len(AMENDMENTS)
        assert [a.reapproval for a in made] == list(AMENDMENTS)
        by_order = {a.order_id: a for a in made}
        waiting = []
        for order in session.scalars(select(Order).where(Order.id.in_(by_order))):
            assert order.revision == by_order[order.id].revision
            if amendments.awaiting_approval(session, order) is not None:
                waiting.append(by_order[order.id])
            else:  # let through by the approval rule, or approved: open to shipping again
                spec = workflow.spec_for(session, order)
                assert spec.allows(order.status, amendments.FACT), orders.snapshot(order)
        assert waiting == [made[-1]]
        assert audit.verify(session).ok
