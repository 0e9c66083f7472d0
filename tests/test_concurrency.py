"""Real parallel writers, each with its own connection, on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections import Counter
from decimal import Decimal

from sqlalchemy import func, select

from app import audit, backorders, orders, queries
from app.errors import Conflict, OrderTrailError
from app.masterdata import add_party, add_product
from db.engine import Database
from db.models import Event, Order, Payment, Product, Shipment


def run_parallel(jobs):
    """Start every job at once (a barrier), wait, and return what each returned or raised."""
    barrier = threading.Barrier(len(jobs))
    results: list[object] = [None] * len(jobs)

    def runner(index, job):
        barrier.wait()
        try:
            results[index] = job()
        except Exception as error:  # collected and inspected by the test
            results[index] = error

    threads = [threading.Thread(target=runner, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def own_connection(office) -> Database:
    """A second Database object: its own engine, pool and connections."""
    return Database(office.db.url)


def test_ship_and_cancel_race_never_leaves_both(office):
    numbers = [office.order(lines=[("A-1", 2)]) for _ in range(6)]
    for number in numbers:
        with office.db.unit_of_work() as session:
            orders.advance(session, office.sales, number, "submitted")
    writers = [own_connection(office) for _ in range(4)]

    def shipper(db):
        def job():
            done = []
            for number in numbers:
                try:
                    with db.unit_of_work() as session:
                        orders.ship(session, office.warehouse, number, "顺丰", "SF")
                    done.append(number)
                except OrderTrailError:
                    pass
            return done

        return job

    def canceller(db):
        def job():
            done = []
            for number in reversed(numbers):
                try:
                    with db.unit_of_work() as session:
                        orders.cancel(session, office.sales, number, "客户取消")
                    done.append(number)
                except OrderTrailError:
                    pass
            return done

        return job

    results = run_parallel(
        [shipper(writers[0]), canceller(writers[1]), shipper(writers[2]), canceller(writers[3])]
    )
    for db in writers:
        db.dispose()
    assert not any(isinstance(r, Exception) for r in results), results
    shipped = Counter(n for r in results[0::2] for n in r)
    cancelled = Counter(n for r in results[1::2] for n in r)
    assert set(shipped) | set(cancelled) == set(numbers)
    assert not set(shipped) & set(cancelled)
    assert all(count == 1 for count in (shipped + cancelled).values())
    with office.db.reading() as session:
        for number in numbers:
            order = orders.find_order(session, number)
            shipments = session.scalar(
                select(func.count(Shipment.id)).where(Shipment.order_id == order.id)
            )
            assert (order.status, shipments) in {("shipped", 1), ("cancelled", 0)}
        product = session.scalar(select(Product).where(Product.sku == "A-1"))
        assert product.on_hand == 100 - 2 * len(shipped) and product.reserved == 0
        assert audit.verify(session).ok


def test_parallel_payments_are_never_lost(office):
    number = office.order(lines=[("A-1", 40)])
    with office.db.unit_of_work() as session:
        start_version = orders.advance(session, office.sales, number, "submitted").version
    writers = [own_connection(office) for _ in range(4)]

    def payer(db):
        def job():
            for _ in range(5):
                with db.unit_of_work() as session:
                    orders.record_payment(session, office.finance, number, "10.00")

        return job

    results = run_parallel([payer(db) for db in writers])
    for db in writers:
        db.dispose()
    assert results == [None] * 4
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        total = session.scalar(select(func.sum(Payment.amount)).where(Payment.order_id == order.id))
        events = session.scalar(
            select(func.count(Event.id)).where(
                Event.order_id == order.id, Event.action == "payment"
            )
        )
        assert total == Decimal("200.00") and events == 20
        assert order.version == start_version + 20  # every payment bumped it once
        assert audit.verify(session).ok


def test_scarce_stock_is_never_over_reserved(office):
    with office.db.unit_of_work() as session:
        add_product(session, office.warehouse, "RARE", "限量款", "99", opening_stock=5)
    numbers = [office.order(lines=[("RARE", 1)]) for _ in range(12)]
    writers = [own_connection(office) for _ in numbers]

    def placer(db, number):
        def job():
            with db.unit_of_work() as session:
                orders.advance(session, office.sales, number, "submitted")
            return number

        return job

    results = run_parallel([placer(db, n) for db, n in zip(writers, numbers, strict=True)])
    for db in writers:
        db.dispose()
    # Every order is placed; the five there are go to five of them, the rest wait short.
    assert all(isinstance(r, str) for r in results), results
    with office.db.reading() as session:
        product = session.scalar(select(Product).where(Product.sku == "RARE"))
        assert (product.on_hand, product.reserved) == (5, 5)
        statuses = Counter(session.scalars(select(Order.status).where(Order.number.in_(numbers))))
        assert statuses == {"placed": 12}
        ids = list(session.scalars(select(Order.id).where(Order.number.in_(numbers))))
        short = backorders.short_by_order(session, ids)
        assert sorted(sum(per.values()) for per in short.values()) == [1] * 7
        ledger = queries.stock_ledger_totals(session)[product.id]
        assert ledger == (Decimal(5), Decimal(5))


def test_two_desktops_acting_on_the_same_version_one_wins(office):
    number = office.order()
    with office.db.reading() as session:
        version = orders.find_order(session, number).version
    writers = [own_connection(office) for _ in range(2)]

    def submit(db):
        return lambda: _submit(db, office, number, version)

    def cancel(db):
        def job():
            with db.unit_of_work() as session:
                orders.cancel(session, office.owner, number, "重复订单", expected_version=version)
            return "cancelled"

        return job

    results = run_parallel([submit(writers[0]), cancel(writers[1])])
    for db in writers:
        db.dispose()
    winners = [r for r in results if isinstance(r, str)]
    losers = [r for r in results if isinstance(r, Conflict)]
    assert len(winners) == 1 and len(losers) == 1, results
    with office.db.reading() as session:
        status = orders.find_order(session, number).status
    assert status == {"submitted": "placed", "cancelled": "cancelled"}[winners[0]]


def _submit(db, office, number, version):
    with db.unit_of_work() as session:
        orders.advance(session, office.sales, number, "submitted", expected_version=version)
    return "submitted"


def test_verifying_while_others_write_finds_no_false_break(office):
    writer, reader = own_connection(office), own_connection(office)

    def write():
        for index in range(30):
            with writer.unit_of_work() as session:
                add_party(session, office.sales, f"新客户 {index}", "customer")

    def verify():
        results = []
        for _ in range(30):
            with reader.reading() as session:
                results.append(audit.verify(session).ok)
        return results

    done = run_parallel([write, verify])
    writer.dispose()
    reader.dispose()
    assert done[0] is None and done[1] == [True] * 30
