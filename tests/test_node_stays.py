"""The stays at each node the engine writes with every step, on SQLite and PostgreSQL:
they tell what the audit trail tells, and the dashboard's time in each node is theirs."""

from __future__ import annotations

from datetime import timedelta

from audit_stays import figures_from_events, figures_shown, stays_from_events, stays_kept
from dashboard_office import NOW, T0, build
from sqlalchemy import select

from app import orders
from app.clock import frozen_at
from app.orders import LineSpec, OrderDraft
from app.workflow import record_stays, submit
from db.models import NodeStay, Order


def test_every_step_ends_one_stay_and_begins_the_next(office):
    with frozen_at(T0):
        number = office.order()
    with frozen_at(T0 + timedelta(hours=1)), office.db.unit_of_work() as session:
        submit(session, office.sales, orders.find_orders(session, [number]))
    with office.db.reading() as session:
        order_id = session.scalar(select(Order.id).where(Order.number == number))
        kept = session.execute(
            select(NodeStay.node, NodeStay.entered_at, NodeStay.left_at, NodeStay.seconds)
            .where(NodeStay.order_id == order_id)
            .order_by(NodeStay.id)
        ).all()
    # Approval goes on to placed at once (none needed): a stay of no time at all.
    nodes = [node for node, *_ in kept]
    assert nodes[0] == "draft" and nodes[-1] == "placed"
    assert kept[0][1:] == (T0, T0 + timedelta(hours=1), 3600)
    assert [left for _, _, left, _ in kept[1:-1]] == [T0 + timedelta(hours=1)] * (len(kept) - 2)
    assert kept[-1][1:] == (T0 + timedelta(hours=1), None, None)


def test_stays_are_written_by_a_unit_of_work_without_events(office):
    """Stays go with the events they belong to; a unit of work that records none still
    writes its stays."""
    with frozen_at(T0):
        number = office.order()
    with office.db.unit_of_work() as session:
        order = orders.find_order(session, number)
        record_stays(session, [(order, "placed")], T0 + timedelta(hours=2))
    with office.db.reading() as session:
        kept = session.execute(
            select(NodeStay.node, NodeStay.left_at, NodeStay.seconds)
            .join(Order, Order.id == NodeStay.order_id)
            .where(Order.number == number)
            .order_by(NodeStay.id)
        ).all()
    assert kept == [("draft", T0 + timedelta(hours=2), 7200), ("placed", None, None)]


def test_the_stays_are_what_the_audit_trail_says(office):
    """Orders made one by one and in bulk, moved on, shipped, signed for, cancelled, received,
    over two months: the same stays, and the same figures, as read from the events."""
    early = build(office, T0 - timedelta(days=60))
    late = build(office, T0)
    with frozen_at(T0 + timedelta(hours=3)), office.db.unit_of_work() as session:
        drafts = [OrderDraft("华东贸易有限公司", [LineSpec("A-1", 1)]) for _ in range(3)]
        bulk = [o.number for o in orders.submit_new_orders(session, office.sales, "sales", drafts)]
    with frozen_at(T0 + timedelta(hours=7)), office.db.unit_of_work() as session:
        for number in bulk[:2]:
            orders.advance(session, office.warehouse, number, "prepared")
    with office.db.reading() as session:
        kept, told = stays_kept(session), stays_from_events(session)
        ids = dict(session.execute(select(Order.number, Order.id)).all())
    assert kept == told
    # Each of the bulk: draft, submitted, placed; two of them prepared since.
    assert len([s for s in kept if s[0] in {ids[n] for n in bulk}]) == 3 * 3 + 2
    assert {s[0] for s in kept} == set(ids.values())
    assert len({ids[n] for n in (*early.values(), *late.values())}) == 12

    with frozen_at(NOW), office.db.reading() as session:
        shown, expected = figures_shown(session, NOW), figures_from_events(session, NOW)
    assert shown == expected
    # Left 已下单: so1 2 h, so2 96 h, so4 1 h, two of the bulk 4 h; 60 days before, three more.
    assert shown[("sales", "placed", 30)] == (5, 21.4, 96.0)
    assert shown[("sales", "placed", 90)][0] == 8
