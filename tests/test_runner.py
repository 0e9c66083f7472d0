"""The runner every front end uses: what a unit of work changed, and database races as
the domain's typed errors, on real SQLite files and a real PostgreSQL server."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import IntegrityError

from app import masterdata, orders, printing, runner, settings
from app.changes import Changes
from app.clock import utcnow
from app.errors import Conflict, ValidationError
from app.orders import LineSpec
from db.engine import Database
from db.models import Event, OrderLine, Party, Product

sqlite_only = pytest.mark.parametrize("backend", ["sqlite"])
postgresql_only = pytest.mark.parametrize("backend", ["postgresql"])


def changes_of(office, user, service, *args, **kwargs) -> Changes:
    return runner.run(office.db, user, service, *args, **kwargs).changes


def test_what_each_action_changed(office):
    create = runner.run(
        office.db,
        office.sales,
        orders.create_order,
        "sales",
        "华东贸易有限公司",
        [LineSpec("A-1", 2)],
    )
    number = create.value.number
    assert create.changes == Changes(orders=frozenset({number}), moved=frozenset({number}))

    submitted = changes_of(office, office.sales, orders.advance, number, "submitted")
    assert submitted.orders == submitted.moved == {number} and not submitted.facts

    printed = changes_of(office, office.sales, printing.print_document, "order", number)
    assert printed.orders == {number} and printed.facts == {"prints"}
    assert not printed.moved  # a print moves no order: queues and counts stay as they are

    changes_of(office, office.warehouse, orders.advance, number, "prepared")
    shipped = changes_of(office, office.warehouse, orders.ship, number, "顺丰", "SF1")
    assert shipped.facts == {"shipments"} and shipped.moved == {number}  # auto to shipped

    paid = changes_of(office, office.finance, orders.record_payment, number, "10.00")
    assert paid == Changes(orders=frozenset({number}), facts=frozenset({"payments"}))

    purchase = office.order("purchase", lines=[("A-1", 5)])
    changes_of(office, office.purchasing, orders.advance, purchase, "submitted")
    received = changes_of(office, office.warehouse, orders.receive, purchase, None)
    assert received.orders == {purchase} and received.facts == {"receipts"}

    party = changes_of(office, office.sales, masterdata.add_party, "西湖文具店", "customer")
    assert party == Changes(master_data=frozenset({"parties"}))
    assert not party.concerns_order(number) and not party.concerns_queues()
    assert not party.concerns_lists()  # a new party is in no order yet
    product = changes_of(office, office.warehouse, masterdata.add_product, "C-3", "墨盒", "9.90")
    assert product == Changes(master_data=frozenset({"products"}))
    assert not product.concerns_lists()
    setting = changes_of(office, office.admin, settings.change, "company_name", "某某公司")
    assert setting == Changes(master_data=frozenset({"settings"}))


def test_a_refused_action_changes_nothing_and_says_why(office):
    number = office.order()
    with pytest.raises(ValidationError):
        runner.run(office.db, office.finance, orders.record_payment, number, "abc")
    with office.db.reading() as session:
        assert (
            session.scalar(select(func.count()).select_from(Event).where(Event.action == "payment"))
            == 0
        )


def _add_party_then_wait(release: threading.Event, added: threading.Event):
    def service(session, user, name):
        party = masterdata.add_party(session, user, name, "customer")
        added.set()
        assert release.wait(20)  # commits only once the other desktop is in its way
        return party

    return service


def _blocked_on_a_lock(office) -> bool:
    with office.db.engine.connect() as connection:
        return bool(
            connection.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
            )
        )


def test_a_name_two_desktops_add_at_the_same_moment(office):
    """Both checked that the name was free; the second to commit is told who was first."""
    first_desk, second_desk = Database(office.db.url), Database(office.db.url)
    release, added = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first():
        service = _add_party_then_wait(release, added)
        outcome["first"] = runner.run(first_desk, office.sales, service, "西湖文具店")

    def second():
        try:
            runner.run(second_desk, office.sales, masterdata.add_party, "西湖文具店", "customer")
        except Exception as error:  # inspected below
            outcome["second"] = error

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    try:
        threads[0].start()
        assert added.wait(20)
        threads[1].start()
        if office.db.backend == "postgresql":
            # The second found the name free, and its INSERT waits on the first's row.
            deadline = time.monotonic() + 20
            while not _blocked_on_a_lock(office):
                assert time.monotonic() < deadline
                time.sleep(0.05)
        else:
            time.sleep(0.3)  # the second waits for the first's write lock
        release.set()
        for thread in threads:
            thread.join(30)
    finally:
        first_desk.dispose()
        second_desk.dispose()

    assert outcome["first"].changes.master_data == {"parties"}
    error = outcome["second"]
    assert isinstance(error, ValidationError)
    assert "西湖文具店" in error.zh and "西湖文具店" in error.en
    if office.db.backend == "postgresql":
        assert isinstance(error.__cause__, IntegrityError)  # the database caught the race
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).where(Party.name == "西湖文具店")) == 1
        events = session.scalars(select(Event).where(Event.entity_ref == "西湖文具店")).all()
        assert len(events) == 1


def test_a_unique_value_the_database_refuses_is_named(office):
    def add_twice(session, user):
        session.add(Product(sku="A-1", name="重复", price="1.00", created_at=utcnow()))
        session.flush()

    with pytest.raises(ValidationError) as refused:
        runner.run(office.db, office.warehouse, add_twice)
    assert "产品编码“A-1”" in refused.value.zh and "SKU 'A-1'" in refused.value.en
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).where(Product.sku == "A-1")) == 1


def test_other_integrity_errors_stay_bugs(office):
    def orphan_line(session, user):
        session.add(OrderLine(order_id=999_999, line_no=1, product_id=1, qty=1, unit_price=1))
        session.flush()

    with pytest.raises(IntegrityError):
        runner.run(office.db, office.sales, orphan_line)


@sqlite_only
def test_a_sqlite_file_locked_by_another_connection_is_a_conflict(office):
    holder = sqlite3.connect(office.db.sqlite_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another desktop in the middle of writing
    impatient = Database(office.db.url, lock_wait_s=0.3)
    try:
        started = time.monotonic()
        with pytest.raises(Conflict) as busy:
            runner.run(impatient, office.sales, masterdata.add_party, "西湖文具店", "customer")
        assert time.monotonic() - started < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
        impatient.dispose()
    assert "稍后重试" in busy.value.zh and "try again" in busy.value.en
    assert busy.value.exit_code == 5
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).where(Party.name == "西湖文具店")) == 0


@postgresql_only
def test_a_postgresql_row_locked_too_long_is_a_conflict(office):
    number = office.order()
    holder = create_engine(office.db.url).connect()
    holder.execute(text("SELECT id FROM orders WHERE number = :n FOR UPDATE"), {"n": number})
    impatient = Database(office.db.url, lock_wait_s=0.3)
    try:
        started = time.monotonic()
        with pytest.raises(Conflict) as busy:
            runner.run(impatient, office.sales, orders.advance, number, "submitted")
        assert time.monotonic() - started < 5
    finally:
        holder.rollback()
        holder.close()
        impatient.dispose()
    assert "try again" in busy.value.en
    with office.db.reading() as session:
        assert orders.find_order(session, number).status == "draft"


@postgresql_only
def test_other_desktops_hear_each_committed_change_and_nothing_rolled_back(office):
    import psycopg
    from sqlalchemy.engine import make_url

    from app.changes import CHANNEL

    url = make_url(office.db.url).set(drivername="postgresql")
    listener = psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
    try:
        listener.execute(f"LISTEN {CHANNEL}")
        number = runner.run(
            office.db,
            office.sales,
            orders.create_order,
            "sales",
            "华东贸易有限公司",
            [LineSpec("A-1", 2)],
        ).value.number
        runner.run(office.db, office.sales, orders.advance, number, "submitted")
        with pytest.raises(ValidationError):  # refused: nothing to hear
            runner.run(office.db, office.warehouse, orders.ship, number, "", "SF1")
        runner.run(office.db, office.sales, printing.record_print, "order", number)
        heard = [notice.payload for notice in listener.notifies(timeout=1, stop_after=3)]
    finally:
        listener.close()
    # The order's number for each change naming it; a print (naming no order) wakes them.
    assert heard == [number, number, ""]
