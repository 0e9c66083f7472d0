"""Amendments, supplementary orders and net figures, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import amendments, audit, figures, orders, queries, supplements
from app.clock import frozen_at, utcnow
from app.errors import InvalidTransition, PermissionDenied, ValidationError
from app.orders import LineSpec, MoveSpec
from db.models import Amendment, Event, Order, Product, Setting, StockMove


def act(office, service, *args, **kwargs):
    with office.db.unit_of_work() as session:
        return service(session, *args, **kwargs)


def detail(office, number):
    with office.db.reading() as session:
        return queries.order_detail(session, orders.find_order(session, number))


def stock_of(office, sku):
    with office.db.reading() as session:
        p = session.scalar(select(Product).where(Product.sku == sku))
        return p.on_hand, p.reserved


def held_by(office, number, sku):
    with office.db.reading() as session:
        order = orders.find_order(session, number)
        product = session.scalar(select(Product).where(Product.sku == sku))
        moves = session.scalars(
            select(StockMove.reserved_delta).where(
                StockMove.order_id == order.id, StockMove.product_id == product.id
            )
        )
        return sum(moves, Decimal(0))


def amend(office, number, lines=(), remove=(), reason="客户改单", user=None):
    return act(
        office,
        amendments.amend,
        user or office.sales,
        number,
        [LineSpec(*line) for line in lines],
        list(remove),
        reason=reason,
    ).number


def test_an_amendment_changes_the_order_as_a_document_of_its_own(office):
    number = office.placed(lines=[("A-1", 10), ("S-9", 1)])  # 250 + 200
    am = amend(office, number, [("A-1", 14), ("B-2", 1, "1200")], reason="客户加单 😀")
    assert am.startswith("AM-")
    d = detail(office, number)
    assert d["status"] == "placed" and d["revision"] == 2
    assert d["total"] == "1750.00"  # 14 × 25 + 200 + 1200
    assert [(line["sku"], line["qty"], line["unit_price"]) for line in d["lines"]] == [
        ("A-1", "14", "25.00"),
        ("S-9", "1", "200.00"),
        ("B-2", "1", "1200.00"),
    ]
    [row] = d["amendments"]
    assert row["number"] == am and row["reason"] == "客户加单 😀" and not row["reapproval"]
    assert row["total"] == {"before": "450.00", "after": "1750.00"}
    # The diff is in the audit trail, and the trail still verifies.
    with office.db.reading() as session:
        event = session.scalars(
            select(Event).where(Event.action == "amend").order_by(Event.id.desc())
        ).first()
        assert event.entity_ref == number and event.comment == "客户加单 😀"
        assert event.after["document"] == am and event.after["revision"] == 2
        assert event.before["total"] == "450.00" and event.after["total"] == "1750.00"
        assert {
            (c["sku"], c["qty_before"], c["qty_after"], c["price"]["after"])
            for c in event.after["diff"]
        } == {("A-1", "10", "14", "25.00"), ("B-2", "0", "1", "1200.00")}
        assert audit.verify(session).ok
    # Reservations follow the new quantities.
    assert stock_of(office, "A-1") == (Decimal(100), Decimal(14))
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(1))

    amend(office, number, [("A-1", 4)], remove=["B-2"], reason="减量")
    assert stock_of(office, "A-1") == (Decimal(100), Decimal(4))
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(0))
    d = detail(office, number)
    assert d["revision"] == 3 and d["total"] == "300.00"
    assert [a["revision"] for a in d["amendments"]] == [2, 3]
    with office.db.reading() as session:
        assert amendments.list_amendments(session, office.sales, number)[1]["lines"] == [
            {
                "sku": "B-2",
                "qty_before": "1",
                "qty_after": "0",
                "price": {"before": "1200.00", "after": None},
            },
            {
                "sku": "A-1",
                "qty_before": "14",
                "qty_after": "4",
                "price": {"before": "25.00", "after": "25.00"},
            },
        ]


def test_never_below_what_was_shipped_nor_below_what_was_paid(office):
    number = office.placed(lines=[("A-1", 10), ("B-2", 1)])
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF1", [MoveSpec("A-1", 6)])
    act(office, orders.record_payment, office.finance, number, "1000")
    before = detail(office, number)
    with pytest.raises(ValidationError, match="already moved"):
        amend(office, number, [("A-1", 5)])
    with pytest.raises(ValidationError, match="6"):
        amend(office, number, remove=["A-1"])
    with pytest.raises(ValidationError, match="below the 1,000.00 paid"):
        amend(office, number, remove=["B-2"])
    after = detail(office, number)
    assert after["version"] == before["version"] and after["revision"] == 1
    assert after["amendments"] == []
    # Down to what was shipped is fine; the reservation keeps only what is still to ship.
    amend(office, number, [("A-1", 6)])
    assert held_by(office, number, "A-1") == 0
    assert stock_of(office, "A-1") == (Decimal(94), Decimal(0))


def test_a_total_grown_past_the_threshold_goes_back_to_the_owner(office):
    number = office.placed(lines=[("B-2", 2)])  # 2 560, under 50 000
    with office.db.unit_of_work() as session:
        session.merge(Setting(key="approval_threshold", value="3000"))
    am = amend(office, number, [("B-2", 2, "1600")], reason="涨价")  # 3 200 > 3 000
    d = detail(office, number)
    assert d["status"] == "submitted" and d["revision"] == 2
    assert d["amendments"][0]["reapproval"] is True
    assert [(e["action"], e["from"], e["to"]) for e in d["events"]][-2:] == [
        ("amend", None, None),
        ("transition", "placed", "submitted"),
    ]
    # Waiting for approval it holds nothing; approval reserves the amended quantities.
    assert held_by(office, number, "B-2") == 0
    act(office, orders.advance, office.owner, number, "placed")
    assert detail(office, number)["status"] == "placed"
    assert held_by(office, number, "B-2") == 2
    with office.db.reading() as session:
        assert session.scalar(select(Amendment.reapproval).where(Amendment.number == am))


def lines_of(office, number):
    return [
        (line["sku"], line["qty"], line["unit_price"]) for line in detail(office, number)["lines"]
    ]


def threshold(office, value):
    with office.db.unit_of_work() as session:
        session.merge(Setting(key="approval_threshold", value=value))


def test_past_the_threshold_after_goods_and_money_moved_the_owner_approves_it(office):
    number = office.placed(lines=[("A-1", 10), ("B-2", 1)])  # 1 530
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF1", [MoveSpec("A-1", 6)])
    act(office, orders.record_payment, office.finance, number, "500")
    threshold(office, "3000")
    amend(office, number, [("A-1", 20), ("B-2", 2)], reason="客户加单")  # 3 060
    d = detail(office, number)
    assert (d["status"], d["revision"], d["total"]) == ("submitted", 2, "3060.00")
    assert d["amendments"][0]["reapproval"] is True
    # Nothing more ships while the owner has not approved: the added goods are held.
    with pytest.raises(InvalidTransition, match="ship"):
        act(office, orders.ship, office.warehouse, number, "顺丰", "SF2", [MoveSpec("A-1", 1)])
    assert held_by(office, number, "A-1") == 0
    act(office, orders.advance, office.owner, number, "placed")
    assert detail(office, number)["status"] == "placed"
    # Approval reserves what is still to ship, not what already went.
    assert (held_by(office, number, "A-1"), held_by(office, number, "B-2")) == (14, 2)
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF2", [MoveSpec("A-1", 14)])
    assert stock_of(office, "A-1") == (Decimal(80), Decimal(0))


def test_the_owners_rejection_undoes_the_amendment(office):
    number = office.placed(lines=[("A-1", 10), ("B-2", 1), ("S-9", 1)])  # 250 + 1 280 + 200
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF1", [MoveSpec("A-1", 6)])
    act(office, orders.record_payment, office.finance, number, "300")
    lines, stock = lines_of(office, number), (stock_of(office, "A-1"), stock_of(office, "B-2"))
    held = (held_by(office, number, "A-1"), held_by(office, number, "B-2"))
    threshold(office, "2000")
    am = amend(office, number, [("A-1", 12, "30"), ("B-2", 2)], remove=["S-9"], reason="加单")
    assert detail(office, number)["status"] == "submitted"
    with pytest.raises(ValidationError, match="comment"):
        act(office, orders.advance, office.owner, number, "draft")
    with pytest.raises(PermissionDenied):
        act(office, orders.advance, office.sales, number, "draft", comment="不批")
    act(office, orders.advance, office.owner, number, "draft", comment="价格不对 😀")
    d = detail(office, number)
    assert (d["status"], d["revision"], d["total"]) == ("placed", 1, "1730.00")
    assert sorted(lines_of(office, number)) == sorted(lines)
    assert (stock_of(office, "A-1"), stock_of(office, "B-2")) == stock
    assert (held_by(office, number, "A-1"), held_by(office, number, "B-2")) == held
    [row] = d["amendments"]
    assert row["number"] == am and row["rejected"] is True
    assert [(e["action"], e["from"], e["to"]) for e in d["events"]][-2:] == [
        ("amend_rejected", None, None),
        ("transition", "submitted", "placed"),
    ]
    with office.db.reading() as session:
        event = session.scalars(
            select(Event).where(Event.action == "amend_rejected").order_by(Event.id.desc())
        ).first()
        assert event.comment == "价格不对 😀" and event.after["document"] == am
        assert (event.before["revision"], event.after["revision"]) == (2, 1)
        assert {(c["sku"], c["qty_before"], c["qty_after"]) for c in event.after["diff"]} == {
            ("A-1", "12", "10"),
            ("B-2", "2", "1"),
            ("S-9", "0", "1"),
        }
        assert audit.verify(session).ok
        # A rejected amendment changed nothing: the figures count the order as ordered.
        assert figures.net_figures(session, office.owner)["sales"]["net"] == "1730.00"
    # Shipping goes on, and the next amendment is the order's revision 2 again.
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF2", [MoveSpec("A-1", 4)])
    threshold(office, "50000")
    amend(office, number, [("B-2", 2)], reason="再改")
    assert detail(office, number)["revision"] == 2


def test_a_rejected_purchase_amendment_returns_to_what_was_ordered(office):
    number = office.placed("purchase", lines=[("A-1", 10)])
    act(office, orders.receive, office.warehouse, number, [MoveSpec("A-1", 4)])
    threshold(office, "300")
    amend(office, number, [("A-1", 20)], user=office.purchasing)  # 500 > 300
    assert detail(office, number)["status"] == "submitted"
    with pytest.raises(InvalidTransition, match="receive"):
        act(office, orders.receive, office.warehouse, number, [MoveSpec("A-1", 1)])
    act(office, orders.advance, office.owner, number, "draft", comment="不需要这么多")
    d = detail(office, number)
    assert (d["status"], d["revision"], d["total"]) == ("placed", 1, "250.00")
    assert lines_of(office, number) == [("A-1", "10", "25.00")]


def test_a_deep_discount_goes_back_even_when_the_total_falls(office):
    number = office.placed(lines=[("B-2", 2)])
    amend(office, number, [("B-2", 2, "500")], reason="大幅折扣")  # 60 % off list
    assert detail(office, number)["status"] == "submitted"


def test_the_step_back_to_approval_is_an_amendments_own(office):
    number = office.placed(lines=[("A-1", 2)])
    with pytest.raises(InvalidTransition, match="amendment only"):
        act(office, orders.advance, office.sales, number, "submitted")
    with office.db.reading() as session:
        from app import workflow

        order = orders.find_order(session, number)
        names = [t.name for t in workflow.allowed_transitions(session, office.sales, order)]
    assert "amend_review" not in names


def test_who_may_amend_and_where(office):
    draft = office.order(lines=[("A-1", 1)])
    with pytest.raises(InvalidTransition, match="amend"):
        amend(office, draft, [("A-1", 2)])
    number = office.placed(lines=[("A-1", 1)])
    with pytest.raises(PermissionDenied):
        amend(office, number, [("A-1", 2)], user=office.warehouse)
    with pytest.raises(ValidationError, match="reason"):
        amend(office, number, [("A-1", 2)], reason="  ")
    with pytest.raises(ValidationError, match="changes nothing"):
        amend(office, number, [("A-1", 1)])
    with pytest.raises(ValidationError, match="more than once"):
        amend(office, number, [("A-1", 2)], remove=["A-1"])
    # More than there is in stock: the order holds what there is and waits for the rest.
    amend(office, number, [("B-2", 6)])
    shown = detail(office, number)
    assert shown["revision"] == 2
    assert [(line["sku"], line["short_qty"]) for line in shown["lines"]] == [
        ("A-1", "0"),
        ("B-2", "1"),
    ]
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(5))


def test_purchase_amendment_not_below_received(office):
    number = office.placed("purchase", lines=[("A-1", 10)])
    act(office, orders.receive, office.warehouse, number, [MoveSpec("A-1", 4)])
    with pytest.raises(ValidationError, match="already moved"):
        amend(office, number, [("A-1", 3)], user=office.purchasing)
    amend(office, number, [("A-1", 20)], user=office.purchasing)
    d = detail(office, number)
    assert d["total"] == "500.00" and d["status"] == "placed"


def test_a_supplementary_order_is_linked_to_its_parent(office):
    parent = office.placed(lines=[("A-1", 10)])
    child = act(
        office,
        supplements.supplement,
        office.sales,
        parent,
        [LineSpec("A-1", 4, "0"), LineSpec("S-9", 1)],
        reason="漏发四包，补发",
    ).number
    assert child.startswith("SP-")
    c = detail(office, child)
    assert c["kind"] == "supplementary" and c["parent"] == parent
    assert c["party"] == "华东贸易有限公司" and c["note"] == "漏发四包，补发"
    # Its own workflow: the zero-priced line is a full discount, so it waits for approval.
    assert c["status"] == "submitted"
    assert c["linked"][0]["relation"] == "parent" and c["linked"][0]["number"] == parent
    p = detail(office, parent)
    assert p["children"] == [child]
    assert [(row["relation"], row["number"], row["kind"]) for row in p["linked"]] == [
        ("child", child, "supplementary")
    ]
    told = [(e["action"], e["details"].get("document")) for e in p["events"]]
    assert ("supplement", child) in told
    act(office, orders.advance, office.owner, child, "placed")
    assert held_by(office, child, "A-1") == 4


def test_no_supplementary_order_for_a_purchase_or_a_draft(office):
    purchase = office.placed("purchase", lines=[("A-1", 1)])
    draft = office.order(lines=[("A-1", 1)])
    for number in (purchase, draft):
        with pytest.raises(ValidationError):
            act(
                office,
                supplements.supplement,
                office.sales,
                number,
                [LineSpec("A-1", 1)],
                reason="补",
            )
    with office.db.reading() as session:
        assert session.scalar(select(Order.id).where(Order.kind == "supplementary")) is None


def test_net_figures_by_hand(office):
    """Hand-computed: November orders 250 + 2 560 (sales) and 250 (purchase); a draft and
    a cancelled order do not count; in December the first sales order grows by 100 and
    a supplementary order of 50 follows."""
    november = utcnow().replace(year=2026, month=11, day=10)
    december = november + timedelta(days=30)
    with frozen_at(november):
        first = office.placed(lines=[("A-1", 10)])
        office.placed(lines=[("B-2", 2)])
        office.placed("purchase", lines=[("A-1", 10)])
        office.order(lines=[("A-1", 99)])  # a draft
        cancelled = office.placed(lines=[("A-1", 5)])
        act(office, orders.cancel, office.sales, cancelled, "客户取消")
    with frozen_at(december):
        amend(office, first, [("A-1", 14)])
        act(
            office,
            supplements.supplement,
            office.sales,
            first,
            [LineSpec("A-1", 2)],
            reason="补发",
        )
    with office.db.reading() as session:
        nov = figures.net_figures(
            session, office.owner, november.date().replace(day=1), november.date().replace(day=30)
        )
        dec = figures.net_figures(
            session, office.owner, december.date().replace(day=1), december.date().replace(day=31)
        )
        everything = figures.net_figures(session, office.owner)
        with pytest.raises(PermissionDenied):
            figures.net_figures(session, office.warehouse)
    assert nov["sales"] == {
        "ordered": "2810.00",
        "amended": "0.00",
        "returned": "0.00",
        "net": "2810.00",
    }
    assert nov["purchase"]["net"] == "250.00"
    assert dec["sales"] == {
        "ordered": "50.00",
        "amended": "100.00",
        "returned": "0.00",
        "net": "150.00",
    }
    assert dec["purchase"]["net"] == "0.00"
    assert everything["sales"]["net"] == "2960.00"


def test_an_older_database_gets_amendments_on_its_stored_workflows(tmp_path):
    """Orders already running on stored versions may be amended after the upgrade; the
    rewritten definitions still pass every check, and an amendment works on them."""
    import shutil
    from pathlib import Path

    from app import workflow_versions
    from app.setup import open_database
    from db.models import Workflow

    path = tmp_path / "old.db"
    shutil.copy(Path(__file__).parent / "data" / "schema-0001-demo.db", path)
    database, _ = open_database(str(path))
    try:
        with database.reading() as session:
            # The kinds of order an older database had; returns are not amended.
            for row in session.scalars(
                select(Workflow).where(Workflow.kind.in_(["sales", "purchase"]))
            ):
                assert row.definition["facts"]["amend"] == row.definition["facts"]["edit"]
                assert workflow_versions.problems(row.kind, row.definition) == []
                steps = [t for t in row.definition["transitions"] if t["name"] == "amend_review"]
                assert steps and steps[0]["requires"] == ["amendment"]
            placed = session.scalar(
                select(Order.number).where(Order.kind == "sales", Order.status == "placed")
            )
            lines = orders.find_order(session, placed).lines
            sku, qty = lines[0].product.sku, lines[0].qty
            from db.models import User

            sales = session.scalar(select(User).where(User.name == "sales"))
            session.expunge(sales)
        with database.unit_of_work() as session:
            amendments.amend(session, sales, placed, [LineSpec(sku, qty + 1)], reason="升级后改单")
        with database.reading() as session:
            assert orders.find_order(session, placed).revision == 2
            assert audit.verify(session).ok
    finally:
        database.dispose()
