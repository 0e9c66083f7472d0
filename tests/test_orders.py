"""Order services and the workflow engine, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import lateness, notifications, orders, queries, settings
from app.clock import frozen_at, utcnow
from app.errors import (
    Conflict,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    ValidationError,
)
from app.masterdata import add_party
from app.orders import MoveSpec
from db.models import Event, Notification, Order, Product, StockMove


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


def events_of(office, number):
    return [(e["action"], e["from"], e["to"]) for e in detail(office, number)["events"]]


def place(office, number):
    act(office, orders.advance, office.sales, number, "submitted")


def test_sales_order_from_draft_to_completed(office):
    number = office.order(lines=[("A-1", 10), ("S-9", 1)])
    assert detail(office, number)["status"] == "draft"
    place(office, number)
    d = detail(office, number)
    # Under the approval threshold, approval is skipped and stock is reserved.
    assert d["status"] == "placed" and d["total"] == "450.00"
    assert stock_of(office, "A-1") == (Decimal(100), Decimal(10))

    act(office, orders.advance, office.warehouse, number, "prepared")
    act(office, orders.ship, office.warehouse, number, "顺丰速运", "SF1234567890")
    d = detail(office, number)
    assert d["status"] == "shipped"  # the service line did not hold it back
    assert d["lines"][0]["shipped_qty"] == "10" and d["lines"][1]["shipped_qty"] == "0"
    assert d["shipments"][0]["tracking_no"] == "SF1234567890"
    assert stock_of(office, "A-1") == (Decimal(90), Decimal(0))

    act(office, orders.advance, office.service, number, "delivered")
    assert detail(office, number)["shipments"][0]["delivered_at"] is not None
    act(office, orders.record_payment, office.finance, number, "450.00", method="银行转账")
    assert detail(office, number)["status"] == "paid"
    act(office, orders.advance, office.service, number, "completed")
    d = detail(office, number)
    assert d["status"] == "completed" and d["status_label"] == "已完成"
    assert d["progress"] == {"shipped_pct": 100, "received_pct": 0, "paid_pct": 100}
    assert [e[2] for e in events_of(office, number) if e[0] == "transition"] == [
        "submitted",
        "placed",
        "prepared",
        "shipped",
        "delivered",
        "paid",
        "completed",
    ]


def test_large_order_waits_for_the_owner(office):
    number = office.order(lines=[("B-2", 5)])
    act(office, settings.change, office.admin, "approval_threshold", "1000")
    place(office, number)
    assert detail(office, number)["status"] == "submitted"
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(0))
    with pytest.raises(PermissionDenied):
        act(office, orders.advance, office.sales, number, "placed")
    act(office, orders.advance, office.owner, number, "placed", comment="同意")
    assert detail(office, number)["status"] == "placed"
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(5))
    with office.db.reading() as session:
        roles = set(session.scalars(select(Notification.recipient_role)))
    assert {"owner", "warehouse"} <= roles


def test_the_next_role_is_told_where_the_order_rests_in_their_language(office):
    number = office.order()
    place(office, number)  # small: approval skipped, the order rests at placed
    with office.db.reading() as session:
        told = list(session.scalars(select(Notification).order_by(Notification.id)))
        # The warehouse owns the next step; the salesperson who made the order hears too.
        assert [
            (n.recipient_role, n.recipient_user_id, n.kind, n.params["node"]) for n in told
        ] == [
            ("warehouse", None, "next_step", "placed"),
            ("", office.sales.id, "my_order", "placed"),
        ]
        assert notifications.text(session, told[0], "en") == (
            f"Order {number} (华东贸易有限公司) is at 'Placed', waiting for Warehouse."
        )
        assert notifications.text(session, told[0]) == (
            f"订单 {number}（华东贸易有限公司）已到“已下单”，等待仓库处理。"
        )


def test_rejecting_needs_a_comment_and_returns_to_draft(office):
    act(office, settings.change, office.admin, "approval_threshold", "10")
    number = office.order()
    place(office, number)
    with pytest.raises(ValidationError):
        act(office, orders.advance, office.owner, number, "draft")
    act(office, orders.advance, office.owner, number, "draft", comment="价格不对")
    assert detail(office, number)["status"] == "draft"


def test_purchase_order_partial_receipts_raise_stock(office):
    number = office.order("purchase", lines=[("A-1", 50), ("B-2", 4)])
    act(office, orders.advance, office.purchasing, number, "submitted")
    assert detail(office, number)["status"] == "placed"
    act(office, orders.receive, office.warehouse, number, [MoveSpec("A-1", 20)])
    d = detail(office, number)
    assert d["status"] == "placed" and d["lines"][0]["received_qty"] == "20"
    assert d["progress"]["received_pct"] == 37  # 20 of 54
    assert stock_of(office, "A-1") == (Decimal(120), Decimal(0))
    act(office, orders.receive, office.warehouse, number)
    assert detail(office, number)["status"] == "received"
    assert stock_of(office, "B-2") == (Decimal(9), Decimal(0))
    act(office, orders.record_payment, office.finance, number, "6370.00")
    act(office, orders.advance, office.purchasing, number, "completed")
    assert detail(office, number)["status"] == "completed"


def test_partial_shipments_keep_the_node_until_everything_is_shipped(office):
    number = office.order(lines=[("A-1", 10), ("B-2", 2)])
    place(office, number)
    act(office, orders.ship, office.warehouse, number, "中通", "ZT1", [MoveSpec("A-1", 4)])
    d = detail(office, number)
    assert d["status"] == "placed" and d["progress"]["shipped_pct"] == 33
    assert stock_of(office, "A-1") == (Decimal(96), Decimal(6))
    with pytest.raises(ValidationError, match="only 6"):
        act(office, orders.ship, office.warehouse, number, "中通", "ZT2", [MoveSpec("A-1", 7)])
    act(office, orders.ship, office.warehouse, number, "中通", "ZT2")
    d = detail(office, number)
    assert d["status"] == "shipped" and len(d["shipments"]) == 2
    # One signed shipment is not enough; both signed moves the order on by itself.
    with office.db.reading() as session:
        first, second = [s.number for s in orders.find_order(session, number).shipments]
    act(office, orders.confirm_delivery, office.service, first)
    assert detail(office, number)["status"] == "shipped"
    act(office, orders.confirm_delivery, office.service, second)
    assert detail(office, number)["status"] == "delivered"


def test_prepaid_order_reaches_paid_once_delivered(office):
    number = office.order()
    place(office, number)
    act(office, orders.record_payment, office.finance, number, "250")
    assert detail(office, number)["status"] == "placed"
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF9")
    act(office, orders.advance, office.service, number, "delivered")
    assert detail(office, number)["status"] == "paid"


def test_cancel_needs_a_reason_and_releases_the_reservation(office):
    number = office.order()
    place(office, number)
    with pytest.raises(ValidationError, match="reason"):
        act(office, orders.cancel, office.sales, number, "  ")
    with pytest.raises(PermissionDenied):
        act(office, orders.cancel, office.warehouse, number, "不要了")
    act(office, orders.cancel, office.sales, number, "客户取消")
    assert detail(office, number)["status"] == "cancelled"
    assert stock_of(office, "A-1") == (Decimal(100), Decimal(0))
    assert detail(office, number)["events"][-1]["comment"] == "客户取消"


def test_nothing_shipped_can_be_cancelled_after_shipping(office):
    number = office.order()
    place(office, number)
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF1", [MoveSpec("A-1", 1)])
    with pytest.raises(InvalidTransition, match="return"):
        act(office, orders.cancel, office.owner, number, "太晚了")
    assert detail(office, number)["status"] == "placed"


def test_paid_order_must_be_refunded_before_cancelling(office):
    number = office.order()
    place(office, number)
    act(office, orders.record_payment, office.finance, number, "100")
    with pytest.raises(InvalidTransition, match="refund"):
        act(office, orders.cancel, office.sales, number, "取消")
    act(office, orders.record_payment, office.finance, number, "-100")
    act(office, orders.cancel, office.sales, number, "取消")
    assert detail(office, number)["paid"] == "0.00"


def test_refund_cannot_exceed_what_was_paid_and_overpaying_is_refused(office):
    number = office.order()
    place(office, number)
    act(office, orders.record_payment, office.finance, number, "100")
    with pytest.raises(ValidationError):
        act(office, orders.record_payment, office.finance, number, "-100.01")
    with pytest.raises(ValidationError):
        act(office, orders.record_payment, office.finance, number, "150.01")
    assert detail(office, number)["paid"] == "100.00"


def test_placing_beyond_stock_places_a_backorder_of_the_shortfall(office):
    number = office.order(lines=[("A-1", 10), ("B-2", 6)])
    act(office, orders.advance, office.sales, number, "submitted")
    shown = detail(office, number)
    assert shown["status"] == "placed"
    assert [line["short_qty"] for line in shown["lines"]] == ["0", "1"]
    assert stock_of(office, "A-1") == (Decimal(100), Decimal(10))
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(5))


def test_service_only_order_needs_no_shipment(office):
    number = office.order(lines=[("S-9", 2)])
    place(office, number)
    assert detail(office, number)["status"] == "shipped"
    act(office, orders.advance, office.service, number, "delivered")
    assert detail(office, number)["status"] == "delivered"


def test_roles_are_checked_inside_the_services(office):
    number = office.order()
    with pytest.raises(PermissionDenied):
        act(
            office,
            orders.create_order,
            office.warehouse,
            "sales",
            "华东贸易有限公司",
            [orders.LineSpec("A-1", 1)],
        )
    with pytest.raises(PermissionDenied):
        act(office, orders.advance, office.warehouse, number, "submitted")
    place(office, number)
    with pytest.raises(PermissionDenied, match="ship goods"):
        act(office, orders.ship, office.sales, number, "顺丰", "1")
    with pytest.raises(PermissionDenied, match="record payments"):
        act(office, orders.record_payment, office.warehouse, number, "10")
    assert detail(office, number)["paid"] == "0.00"


def test_invalid_transitions_say_what_is_possible(office):
    number = office.order()
    with pytest.raises(InvalidTransition, match="Possible: Awaiting approval"):
        act(office, orders.advance, office.sales, number, "completed")
    place(office, number)
    with pytest.raises(InvalidTransition, match="automatically"):
        act(office, orders.advance, office.warehouse, number, "shipped")
    with pytest.raises(ValidationError, match="no node"):
        act(office, orders.advance, office.sales, number, "nirvana")
    with pytest.raises(NotFound):
        act(office, orders.advance, office.sales, "SO-0000-000000", "placed")


@pytest.mark.parametrize("bad", ["", "abc", "-1", "0", "1e12", "NaN", "1.0001", "💥", "1,5"])
def test_bad_quantities_are_refused_with_the_line(office, bad):
    with pytest.raises(ValidationError) as error:
        office.order(lines=[("A-1", 1), ("A-1", bad)])
    assert "line 2" in error.value.en and "第 2 行" in error.value.zh
    with office.db.reading() as session:
        assert session.scalar(select(func.count(Order.id))) == 0


def test_unknown_party_sku_and_wrong_party_kind(office):
    with pytest.raises(NotFound):
        office.order(party="' OR 1=1 --")
    with pytest.raises(NotFound, match="SKU 'ZZZ'"):
        office.order(lines=[("ZZZ", 1)])
    with pytest.raises(ValidationError, match="not a customer"):
        office.order(party="东莞精工制造厂")


def test_chinese_and_emoji_survive(office):
    number = office.order(party="Acme 😀 Ltd", note="加急 🚚")
    place(office, number)
    act(office, orders.ship, office.warehouse, number, "顺丰速运 🚚", "运单-001")
    d = detail(office, number)
    assert d["party"] == "Acme 😀 Ltd" and d["shipments"][0]["carrier"] == "顺丰速运 🚚"
    assert d["note"] == "加急 🚚"


def test_stale_version_is_a_conflict_and_changes_nothing(office):
    number = office.order()
    version = detail(office, number)["version"]
    place(office, number)
    with pytest.raises(Conflict) as error:
        act(office, orders.cancel, office.sales, number, "取消", expected_version=version)
    assert error.value.changed_by == "sales"
    assert detail(office, number)["status"] == "placed"


def test_every_fact_bumps_the_version(office):
    number = office.order()
    place(office, number)
    before = detail(office, number)["version"]
    act(office, orders.record_payment, office.finance, number, "1")
    assert detail(office, number)["version"] == before + 1


def test_overdue_is_computed_from_time_limits_and_due_dates(office):
    with frozen_at(utcnow() - timedelta(hours=30)):
        late = office.order()
        place(office, late)
    on_time = office.order(due=utcnow().date() + timedelta(days=5))
    past_due = office.order(due=utcnow().date() - timedelta(days=1))
    with office.db.reading() as session:
        overdue = queries.list_orders(session, queries.OrderFilter(overdue=True))
        assert {o.number for o in overdue} == {late, past_due}
        rows = {r["number"]: r for r in lateness.alerts(session, everything=True)}
    assert set(rows) == {late, past_due}
    assert rows[late]["status"] == "placed" and rows[late]["owner_role"] == "warehouse"
    assert 5.5 < rows[late]["late_by_hours"] < 6.5
    assert detail(office, late)["overdue"] and not detail(office, on_time)["overdue"]


def test_list_filters_by_node_party_and_text(office):
    a = office.order()
    b = office.order(party="Acme 😀 Ltd")
    place(office, b)
    act(office, orders.ship, office.warehouse, b, "顺丰", "SF-TRACK-77")
    with office.db.reading() as session:

        def numbers(**kw):
            return [o.number for o in queries.list_orders(session, queries.OrderFilter(**kw))]

        assert numbers(status="draft") == [a]
        assert numbers(party="Acme 😀 Ltd") == [b]
        assert numbers(text="track-77") == [b]
        assert numbers(text=a[-4:]) == [a]
        assert numbers(text="%") == [] and numbers(text="' OR 1=1 --") == []
        assert numbers() == [b, a]


def test_every_change_writes_one_event_with_before_and_after(office):
    number = office.order()
    place(office, number)
    with office.db.reading() as session:
        rows = session.scalars(
            select(Event).where(Event.entity_ref == number).order_by(Event.id)
        ).all()
    assert [
        (e.action, (e.before or {}).get("status"), (e.after or {}).get("status")) for e in rows
    ] == [
        ("create", None, "draft"),
        ("transition", "draft", "submitted"),
        ("transition", "submitted", "placed"),
    ]
    assert all(e.user_name == "sales" for e in rows)


def test_stock_ledger_matches_the_balances(office):
    number = office.order(lines=[("A-1", 3), ("B-2", 1)])
    place(office, number)
    act(office, orders.ship, office.warehouse, number, "顺丰", "1", [MoveSpec("B-2", 1)])
    act(office, orders.advance, office.warehouse, number, "prepared")
    with office.db.reading() as session:
        ledger = queries.stock_ledger_totals(session)
        for product in session.scalars(select(Product).where(Product.is_service.is_(False))):
            assert ledger[product.id] == (product.on_hand, product.reserved)
        kinds = session.scalars(select(StockMove.kind).order_by(StockMove.id)).all()
    assert kinds == ["opening", "opening", "reserve", "reserve", "issue"]


def test_a_settled_order_takes_no_refund(office):
    number = office.order()
    place(office, number)
    act(office, orders.ship, office.warehouse, number, "顺丰", "SF9")
    act(office, orders.advance, office.service, number, "delivered")
    act(office, orders.record_payment, office.finance, number, "250")
    with pytest.raises(ValidationError, match="refunds go through a return"):
        act(office, orders.record_payment, office.finance, number, "-5")
    assert detail(office, number)["paid"] == "250.00"


def test_fractional_quantities_add_up_exactly(office):
    number = office.order(lines=[("A-1", "0.3")])
    place(office, number)
    for _ in range(3):
        act(office, orders.ship, office.warehouse, number, "顺丰", "SF", [MoveSpec("A-1", "0.1")])
    d = detail(office, number)
    assert d["status"] == "shipped" and d["lines"][0]["shipped_qty"] == "0.3"
    assert stock_of(office, "A-1") == (Decimal("99.7"), Decimal(0))


def test_totals_round_each_line_half_up_like_the_printed_order(office):
    number = office.order(lines=[("A-1", "1.5", "0.05"), ("A-1", "0.5", "0.05")])
    # 0.075 → 0.08 and 0.025 → 0.03 (四舍五入 per line), not round(0.1) on the sum
    assert detail(office, number)["total"] == "0.11"


def test_who_owns_the_next_step(office):
    act(office, settings.change, office.admin, "approval_threshold", "10")
    sales_order = office.order()
    place(office, sales_order)
    purchase = office.order("purchase")
    act(office, orders.advance, office.purchasing, purchase, "submitted")
    act(office, orders.advance, office.owner, purchase, "placed")
    assert detail(office, sales_order)["owner_roles"] == ["owner"]
    assert detail(office, purchase)["owner_roles"] == ["warehouse"]


def test_bulk_entry_places_what_it_can_approve_and_is_all_or_nothing(office):
    act(office, settings.change, office.admin, "approval_threshold", "1000")
    drafts = [
        orders.OrderDraft("华东贸易有限公司", [orders.LineSpec("A-1", 4)]),
        orders.OrderDraft("Acme 😀 Ltd", [orders.LineSpec("B-2", 1)]),
    ]
    made = act(office, orders.submit_new_orders, office.sales, "sales", drafts)
    assert [detail(office, o.number)["status"] for o in made] == ["placed", "submitted"]
    assert stock_of(office, "A-1") == (Decimal(100), Decimal(4))
    act(office, settings.change, office.admin, "approval_threshold", "100000")
    one_bad = drafts + [orders.OrderDraft("华东贸易有限公司", [orders.LineSpec("A-1", "-3")])]
    with pytest.raises(ValidationError, match="quantity on line 1"):
        act(office, orders.submit_new_orders, office.sales, "sales", one_bad)
    with office.db.reading() as session:
        assert session.scalar(select(func.count(Order.id))) == 2
    assert stock_of(office, "A-1") == (Decimal(100), Decimal(4))


def test_amounts_too_large_for_the_books_are_refused(office):
    with pytest.raises(ValidationError, match="amount of line 1"):
        office.order(lines=[("A-1", "999999999", "999999999999.99")])
    with pytest.raises(ValidationError, match="order total"):
        office.order(lines=[("A-1", "1", "999999999999.99"), ("A-1", "1", "1")])
    with office.db.reading() as session:
        assert session.scalar(select(func.count(Order.id))) == 0


def test_thousands_separators_long_names_dates_and_multiline_notes(office):
    long_name = "客" * 150
    with office.db.unit_of_work() as session:
        add_party(session, office.sales, long_name, "customer")
    number = office.order(lines=[("A-1", "1,000")], party=long_name, note="第一行\n第二行")
    d = detail(office, number)
    assert d["lines"][0]["qty"] == "1000" and d["note"] == "第一行\n第二行"
    assert d["party"] == long_name
    for bad in ("20261201", "2026-W48-1", "2026-13-01"):
        with pytest.raises(ValidationError, match="YYYY-MM-DD"):
            office.order(due=bad)
