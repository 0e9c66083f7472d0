"""Backorders, the stock view and reorder suggestions, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import notifications, orders, queries, reorder, settings, stock_view
from app.clock import frozen_at, utcnow
from app.errors import PermissionDenied, ValidationError
from app.masterdata import add_party, add_product
from app.orders import MoveSpec
from db.models import Event, Notification, Order, Product, Shipment, StockMove
from tests.test_orders import act, detail, stock_of


def short_of(office, number):
    return [line["short_qty"] for line in detail(office, number)["lines"]]


def check_ledger(office):
    """Stock equals its ledger and no product holds more reserved than it has."""
    with office.db.reading() as session:
        totals = queries.stock_ledger_totals(session)
        for p in session.scalars(select(Product)):
            assert totals.get(p.id, (0, 0)) == (p.on_hand, p.reserved) or (
                p.on_hand == p.reserved == 0 and p.id not in totals
            )
            assert 0 <= p.reserved <= p.on_hand


def test_backorder_is_approved_with_its_shortfall_shown_everywhere(office, cli):
    act(office, settings.change, office.admin, "approval_threshold", "1000")
    number = office.placed(lines=[("A-1", 10), ("B-2", 8)])
    assert detail(office, number)["status"] == "submitted"
    act(office, orders.advance, office.owner, number, "placed")
    shown = detail(office, number)
    assert shown["status"] == "placed"
    assert short_of(office, number) == ["0", "3"]
    assert shown["short"] == "3"
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(5))
    with office.db.reading() as session:
        reserved = session.execute(
            select(StockMove.kind, StockMove.reserved_delta, StockMove.document)
            .join(Product)
            .where(Product.sku == "B-2", StockMove.kind == "reserve")
        ).all()
    assert reserved == [("reserve", Decimal(5), number)]

    code, out, _ = cli("order", "show", number, "--json", user="sales")
    assert code == 0 and [line["short_qty"] for line in json.loads(out)["lines"]] == ["0", "3"]
    code, out, _ = cli("order", "show", number, user="sales")
    assert "B-2" in out and "缺货 3" in out
    code, out, _ = cli("--lang", "en", "order", "list", user="sales")
    assert out.splitlines()[0].split()[-1] == "short" and " 3" in out.splitlines()[1]
    code, out, _ = cli("stock", "--json", user="warehouse")
    b2 = next(r for r in json.loads(out) if r["sku"] == "B-2")
    assert (b2["on_hand"], b2["reserved"], b2["available"], b2["short"]) == ("5", "5", "0", "3")
    check_ledger(office)


def test_shipping_is_limited_to_what_is_on_hand_and_never_takes_anothers_goods(office):
    first = office.placed(lines=[("A-1", 60)])
    second = office.placed(lines=[("A-1", 60)])
    assert short_of(office, first) == ["0"] and short_of(office, second) == ["20"]
    with pytest.raises(ValidationError, match=r"A-1 ships 50.000, only 40.000 can ship now"):
        act(office, orders.ship, office.warehouse, second, "顺丰", "SF1", [MoveSpec("A-1", 50)])
    with office.db.reading() as session:
        assert session.scalar(select(func.count(Shipment.id))) == 0
    shipment = act(office, orders.ship, office.warehouse, second, "顺丰", "SF2")
    shown = detail(office, second)
    assert shown["lines"][0]["shipped_qty"] == "40" and shown["status"] == "placed"
    assert short_of(office, second) == ["20"]
    assert stock_of(office, "A-1") == (Decimal(60), Decimal(60))
    with office.db.reading() as session:
        issued = session.execute(
            select(StockMove.on_hand_delta, StockMove.reserved_delta, StockMove.document).where(
                StockMove.kind == "issue"
            )
        ).all()
    assert issued == [(Decimal(-40), Decimal(-40), shipment.number)]
    with pytest.raises(ValidationError, match="nothing on hand to ship"):
        act(office, orders.ship, office.warehouse, second, "顺丰", "SF3")
    act(office, orders.ship, office.warehouse, first, "顺丰", "SF4")
    assert detail(office, first)["status"] == "shipped"
    check_ledger(office)


def test_a_receipt_fills_earliest_due_first_then_oldest_and_tells_warehouse_and_purchasing(
    office,
):
    later_due = office.placed(lines=[("B-2", 4)], due=date(2026, 12, 20))
    sooner_due = office.placed(lines=[("B-2", 4)], due=date(2026, 12, 10))
    older_undated = office.placed(lines=[("B-2", 3)])
    newer_undated = office.placed(lines=[("B-2", 3)])
    # Stock 5: the first placed took 4, the second the 1 left.
    assert [short_of(office, n) for n in (later_due, sooner_due, older_undated)] == [
        ["0"],
        ["3"],
        ["3"],
    ]
    purchase = office.placed("purchase", lines=[("B-2", 5)])
    receipt = act(office, orders.receive, office.warehouse, purchase, [MoveSpec("B-2", 5)])
    # Earliest due first (3), then the older of the undated orders (the 2 left).
    assert short_of(office, sooner_due) == ["0"]
    assert short_of(office, older_undated) == ["1"]
    assert short_of(office, newer_undated) == ["3"]
    assert stock_of(office, "B-2") == (Decimal(10), Decimal(10))
    with office.db.reading() as session:
        fills = session.execute(
            select(Order.number, StockMove.reserved_delta, StockMove.document)
            .join(Order, Order.id == StockMove.order_id)
            .where(StockMove.kind == "fill")
            .order_by(StockMove.id)
        ).all()
        assert fills == [
            (sooner_due, Decimal(3), receipt.number),
            (older_undated, Decimal(2), receipt.number),
        ]
        told = session.execute(
            select(Notification.recipient_role, Order.number)
            .join(Order, Order.id == Notification.order_id)
            .where(Notification.kind == "backorder")
            .order_by(Notification.id)
        ).all()
        assert told == [
            ("warehouse", sooner_due),
            ("purchasing", sooner_due),
            ("warehouse", older_undated),
            ("purchasing", older_undated),
        ]
        events = session.scalars(
            select(Event.after).where(Event.action == "backorder_filled").order_by(Event.id)
        ).all()
        assert events[0] == {"document": receipt.number, "lines": [["B-2", "3.000"]]}
        seen = notifications.for_user(session, office.warehouse, "en")
        assert any(
            f"Backorder {older_undated}" in n.text and "B-2 × 2 (1 still short)" in n.text
            for n in seen
        )
        seen_zh = notifications.for_user(session, office.purchasing)
        assert any(f"缺货订单 {sooner_due}" in n.text for n in seen_zh)
    check_ledger(office)


def test_a_cancelled_order_frees_its_goods_for_the_orders_waiting(office):
    holder = office.placed(lines=[("B-2", 5)])
    waiting = office.placed(lines=[("B-2", 2)])
    assert short_of(office, waiting) == ["2"]
    act(office, orders.cancel, office.sales, holder, "客户取消 😀")
    assert short_of(office, waiting) == ["0"]
    assert detail(office, holder)["status"] == "cancelled"
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(2))
    check_ledger(office)


# --- reorder suggestions ----------------------------------------------------------------


@pytest.fixture
def supplied(office):
    """C-3 and D-4 from two suppliers with minimums and lead times, E-5 with no supplier."""
    with office.db.unit_of_work() as session:
        add_party(session, office.purchasing, "苏州电子元件厂", "supplier")
        add_product(
            session,
            office.warehouse,
            "C-3",
            "墨盒",
            "80.00",
            opening_stock=20,
            min_stock="10",
            supplier="东莞精工制造厂",
            lead_time_days=14,
        )
        add_product(
            session,
            office.warehouse,
            "D-4",
            "硒鼓",
            "300.00",
            opening_stock=50,
            min_stock="5",
            supplier="苏州电子元件厂",
            lead_time_days=3,
        )
        add_product(session, office.warehouse, "E-5", "标签纸", "9.00", min_stock="3")
    # 100 days ago, outside the 90 days of demand: 40 of D-4, shipped.
    with frozen_at(utcnow() - timedelta(days=100)):
        old = office.placed(lines=[("D-4", 40)])
        act(office, orders.ship, office.warehouse, old, "顺丰", "OLD1")
    office.placed(lines=[("C-3", 30)])  # reserves the 20 there are: 10 short
    office.placed(lines=[("C-3", 15)])  # 15 short
    office.placed(lines=[("D-4", 9)])
    office.order(lines=[("C-3", 1000)])  # a draft is no demand yet
    cancelled = office.placed(lines=[("C-3", 100)])
    act(office, orders.cancel, office.sales, cancelled, "不要了")
    purchase = office.placed("purchase", lines=[("C-3", 8)])
    act(office, orders.receive, office.warehouse, purchase, [MoveSpec("C-3", 3)])
    return office


def test_reorder_suggestions_match_the_figures_worked_out_by_hand(supplied):
    with supplied.db.reading() as session:
        found = {s.sku: s for s in reorder.suggestions(session, supplied.purchasing)}
    assert sorted(found) == ["C-3", "D-4", "E-5"]
    c3 = found["C-3"]
    # C-3: on hand 20 + 3 received = 23, all reserved: available 0. Short: 30 + 15 − 23 = 22.
    # On order: 8 − 3 = 5. Demand: 30 + 15 = 45 in 90 days (draft and cancelled not counted),
    # 0.5 a day × 14 days = 7. To buy: 22 + 10 + 7 − 0 − 5 = 34.
    assert (c3.short, c3.available, c3.on_order, c3.demand, c3.lead_demand, c3.qty) == (
        22,
        0,
        5,
        45,
        7,
        34,
    )
    assert c3.reason() == (
        "缺货 22 + 最低库存 10 + 日均需求 0.5（近 90 天共订 45）× 供货周期 14 天 = 7，"
        "减去可用 0 和在途 5：建议采购 34。"
    )
    assert c3.reason("en") == (
        "short 22 + minimum 10 + 0.5 a day (ordered 45 in 90 days) × 14 days' lead time = 7, "
        "less 0 available and 5 on order: buy 34."
    )
    d4 = found["D-4"]
    # D-4: 50 − 40 shipped = 10 on hand, 9 reserved: available 1. Demand 9 (the 40 are older
    # than 90 days): 0.1 a day × 3 days = 0.3, rounded up to 1. To buy: 0 + 5 + 1 − 1 − 0 = 5.
    assert (d4.short, d4.available, d4.demand, d4.lead_demand, d4.qty) == (0, 1, 9, 1, 5)
    e5 = found["E-5"]
    # E-5: nothing at all, minimum 3, no supplier and no lead time: buy 3.
    assert e5.qty == 3 and e5.supplier is None
    assert "未指定供应商" in e5.reason() and "No lead time set" in e5.reason("en")


def test_reorder_create_makes_one_draft_per_supplier(supplied, cli):
    code, out, err = cli("reorder", "--create", user="warehouse")
    assert code == 4 and out == ""
    code, out, _ = cli("reorder", "--create", "--json", user="purchasing")
    assert code == 0
    created = json.loads(out)["created"]
    assert len(created) == 2
    with supplied.db.reading() as session:
        made = {
            o.party.name: (o.status, [(line.product.sku, line.qty) for line in o.lines])
            for o in orders.find_orders(session, created)
        }
    assert made == {
        "东莞精工制造厂": ("draft", [("C-3", Decimal(34))]),
        "苏州电子元件厂": ("draft", [("D-4", Decimal(5))]),
    }
    # What is on order now covers them; only the product without a supplier is left.
    code, out, _ = cli("reorder", "--json", user="purchasing")
    assert [r["sku"] for r in json.loads(out)] == ["E-5"]
    code, out, err = cli("reorder", "--create", user="purchasing")
    assert code == 3 and "供应商" in err


def test_stock_of_one_product_shows_its_ledger_with_documents_and_people(supplied, cli):
    code, out, _ = cli("--lang", "en", "stock", "C-3", "--json", user="sales")
    assert code == 0
    c3 = json.loads(out)
    assert (c3["on_hand"], c3["reserved"], c3["short"], c3["on_order"]) == ("23", "23", "22", "5")
    assert c3["below_min"] is True
    kinds = [(m["kind"], m["user"], m["on_hand_delta"], m["reserved_delta"]) for m in c3["ledger"]]
    assert kinds[0] == ("fill", "warehouse", "0", "3")
    assert kinds[1] == ("receipt", "warehouse", "3", "0")
    assert kinds[-1] == ("opening", "warehouse", "20", "0")
    assert c3["ledger"][0]["document"].startswith("GR-")
    assert c3["ledger"][0]["on_hand_after"] == "23" and c3["ledger"][0]["reserved_after"] == "23"
    assert c3["ledger"][-1]["on_hand_after"] == "20"
    assert sorted(o["short"] for o in c3["short_orders"]) == ["15", "7"]
    code, out, _ = cli("stock", "C-3", user="warehouse")
    assert "收货入库" in out and "到货补足预留" in out and "低于最低库存" in out
    check_ledger(supplied)


@pytest.mark.parametrize("sku", ["NOPE", "纸😀", "S-9", "", "' OR 1=1 --"])
def test_stock_of_an_unknown_or_service_product_is_refused(office, cli, sku):
    code, out, err = cli("stock", sku, user="warehouse")
    assert code == 3 and out == ""


def test_the_stock_is_not_for_every_role(office, cli):
    code, _, err = cli("stock", user="finance")
    assert code == 4 and "查看库存" in err
    with office.db.reading() as session, pytest.raises(PermissionDenied):
        stock_view.stock_rows(session, office.service)


def test_hostile_shipping_lines_change_nothing(office, cli):
    number = office.placed(lines=[("B-2", 8)])
    for bad in ("B-2:9", "B-2:-1", "B-2:abc", "B-2:6", "纸😀:1"):
        code, _, _ = cli(
            "ship",
            number,
            "--carrier",
            "顺丰",
            "--tracking-no",
            "X",
            "--line",
            bad,
            user="warehouse",
        )
        assert code == 3, bad
    with office.db.reading() as session:
        assert session.scalar(select(func.count(Shipment.id))) == 0
    assert stock_of(office, "B-2") == (Decimal(5), Decimal(5))
    check_ledger(office)
