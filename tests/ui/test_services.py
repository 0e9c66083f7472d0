"""The services the window reads through: list pages, queues, actions, draft edits."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app import actions, lateness, orders, queries, settings, worklist
from app.errors import Conflict, InvalidTransition, PermissionDenied
from app.orders import LineSpec
from app.queries import OrderFilter


def act(office, service, *args, **kwargs):
    with office.db.unit_of_work() as session:
        return service(session, *args, **kwargs)


def listed(office, q: OrderFilter) -> list[str]:
    with office.db.reading() as session:
        return [row["number"] for row in worklist.page(session, q, 0, 100)]


def test_pages_sort_and_count_in_the_database(office):
    numbers = [office.order(lines=(("A-1", n),)) for n in (1, 2, 3)]
    purchase = office.order("purchase")
    with office.db.reading() as session:
        assert worklist.count(session, OrderFilter()) == 4
        assert worklist.count(session, OrderFilter(kind="sales")) == 3
        first = worklist.page(session, OrderFilter(sort="number", descending=False), 0, 2)
        rest = worklist.page(session, OrderFilter(sort="number", descending=False), 2, 2)
    assert [r["number"] for r in first + rest] == sorted(numbers + [purchase])
    assert first[0]["updated_at"] is not None and first[0]["status_label"] == "草稿"
    assert listed(office, OrderFilter(text=numbers[1][-4:])) == [numbers[1]]
    assert listed(office, OrderFilter(party="东莞精工制造厂")) == [purchase]


def test_each_role_has_its_own_queue(office):
    draft = office.order()
    submitted = office.order()
    act(office, orders.advance, office.sales, submitted, "submitted")
    assert listed(office, OrderFilter(queue_of=frozenset({"sales"}))) == [draft]
    # a small order skips approval and waits for the warehouse to prepare it
    assert listed(office, OrderFilter(queue_of=frozenset({"warehouse"}))) == [submitted]
    assert listed(office, OrderFilter(queue_of=frozenset({"finance"}))) == []


def test_actions_follow_role_and_node(office):
    number = office.order()
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        kinds = {
            role: [a.kind for a in actions.available(session, office.users[role], order)]
            for role in ("sales", "warehouse", "finance")
        }
    assert kinds == {"sales": ["edit", "advance", "advance"], "warehouse": [], "finance": []}
    act(office, orders.advance, office.sales, number, "submitted")
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        warehouse = actions.available(session, office.warehouse, order)
        finance = actions.available(session, office.finance, order)
        assert actions.who_may(session, order) == "仓库"
    assert [(a.kind, a.target) for a in warehouse] == [("ship", None), ("advance", "prepared")]
    assert [a.kind for a in finance] == ["pay"]
    with office.db.reading() as session:
        creates = [
            actions.kinds_to_create(session, office.users[r])
            for r in ("sales", "purchasing", "owner")
        ]
    assert creates == [["sales"], ["purchase"], []]


def test_warehouse_sees_prices_only_when_allowed(office):
    with office.db.unit_of_work() as session:
        assert worklist.sees_prices(session, office.sales)
        assert not worklist.sees_prices(session, office.warehouse)
        settings.change(session, office.admin, "warehouse_sees_prices", "true")
    with office.db.reading() as session:
        assert worklist.sees_prices(session, office.warehouse)


def test_a_draft_is_edited_with_its_version_checked(office):
    number = office.order()
    with office.db.reading() as session:
        version = orders.find_order(session, number).version
    act(
        office,
        orders.update_draft,
        office.sales,
        number,
        "Acme 😀 Ltd",
        [LineSpec("B-2", 2), LineSpec("S-9", 1, "150")],
        due="2030-01-31",
        expected_version=version,
    )
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        assert order.party.name == "Acme 😀 Ltd" and order.total == Decimal("2710.00")
        assert [e.action for e in queries.order_events(session, order)] == ["create", "edit"]
    with pytest.raises(Conflict) as stale:
        act(
            office,
            orders.update_draft,
            office.sales,
            number,
            "Acme 😀 Ltd",
            [LineSpec("A-1", 1)],
            expected_version=version,
        )
    assert stale.value.changed_by == "sales"
    with pytest.raises(PermissionDenied):
        act(
            office,
            orders.update_draft,
            office.warehouse,
            number,
            "Acme 😀 Ltd",
            [LineSpec("A-1", 1)],
        )
    act(office, orders.advance, office.sales, number, "submitted")
    with pytest.raises(InvalidTransition):
        act(office, orders.update_draft, office.sales, number, "Acme 😀 Ltd", [LineSpec("A-1", 1)])


def test_party_names_by_kind(office):
    with office.db.reading() as session:
        assert worklist.party_names(session, "supplier") == ["东莞精工制造厂"]
        assert len(worklist.party_names(session)) == 3


def test_overdue_orders_are_listed_like_the_alerts(office):
    late = office.order(due="2020-01-01")
    office.order(due="2999-01-01")
    assert listed(office, OrderFilter(overdue=True)) == [late]
    with office.db.reading() as session:
        assert [a["number"] for a in lateness.alerts(session, everything=True)] == [late]
        assert worklist.count(session, OrderFilter(overdue=True)) == 1
