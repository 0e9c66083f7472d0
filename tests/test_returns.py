"""Returns, exchanges and the resolution of refused and lost shipments, on both databases."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import figures, orders, queries, returns, shipments, workflow
from app.errors import InvalidTransition, PermissionDenied, ValidationError
from app.orders import MoveSpec
from app.returns import ReturnLine
from db.models import Event, Order, Product, StockMove


def delivered(office, lines=(("A-1", 10),), pay: str | None = None) -> str:
    """A sales order shipped, signed for and (optionally) paid: its number."""
    number = office.placed(lines=lines)
    with office.db.unit_of_work() as session:
        shipment = orders.ship(session, office.warehouse, number, "顺丰", "SF1")
        orders.confirm_delivery(session, office.service, shipment.number)
    if pay:
        with office.db.unit_of_work() as session:
            orders.record_payment(session, office.finance, number, pay)
    return number


def stock_of(session, sku: str) -> tuple[Decimal, Decimal, Decimal]:
    product = session.scalar(select(Product).where(Product.sku == sku))
    return product.on_hand, product.reserved, product.damaged


def assert_stock_equals_ledger(session) -> None:
    for product in session.scalars(select(Product)):
        sums = session.execute(
            select(
                func.coalesce(func.sum(StockMove.on_hand_delta), 0),
                func.coalesce(func.sum(StockMove.reserved_delta), 0),
                func.coalesce(func.sum(StockMove.damaged_delta), 0),
            ).where(StockMove.product_id == product.id)
        ).one()
        assert (product.on_hand, product.reserved, product.damaged) == tuple(sums), product.sku


def node_of(session, number: str) -> str:
    order = orders.find_order(session, number)
    return order.status, workflow.spec_for(session, order)


def test_a_return_comes_back_into_stock_and_is_refunded(office):
    number = delivered(office, pay="250.00")
    with office.db.unit_of_work() as session:
        ret = returns.create_return(
            session,
            office.service,
            number,
            [ReturnLine("A-1", 3), ReturnLine("A-1", 1, "外包装破损 📦")],
            reason="客户多订了",
        )
        ret_number = ret.number
    with office.db.reading() as session:
        ret = orders.find_order(session, ret_number)
        parent = orders.find_order(session, number)
        assert (ret.kind, ret.parent_id, ret.total) == ("return", parent.id, Decimal("100.00"))
        assert [(line.qty, line.reason) for line in ret.lines] == [
            (Decimal(4), "客户多订了；外包装破损 📦")
        ]
        assert ret.lines[0].origin_line_id == parent.lines[0].id
        assert queries.order_detail(session, parent)["children"] == [ret_number]
        assert returns.returnable(session, parent) == {parent.lines[0].id: Decimal(6)}
        event = session.scalars(select(Event).where(Event.entity_ref == number)).all()[-1]
        assert (event.action, event.after["document"]) == ("return", ret_number)
        before = stock_of(session, "A-1")
    with office.db.unit_of_work() as session:
        returns.receive_return(
            session,
            office.warehouse,
            ret_number,
            [MoveSpec("A-1", 3)],
            damaged=[MoveSpec("A-1", 1)],
        )
    with office.db.reading() as session:
        on_hand, reserved, damaged = stock_of(session, "A-1")
        assert (on_hand - before[0], damaged - before[2]) == (3, 1)
        assert_stock_equals_ledger(session)
        status, spec = node_of(session, ret_number)
        assert status == spec.fulfilled
        line = queries.order_detail(session, orders.find_order(session, number))["lines"][0]
        assert line["returned_qty"] == "4"
    # Refunds: never more than the return is worth.
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="exceeds"):
        returns.refund(session, office.finance, ret_number, "100.01")
    with office.db.unit_of_work() as session, pytest.raises(PermissionDenied):
        returns.refund(session, office.service, ret_number, "100")
    with office.db.unit_of_work() as session:
        returns.refund(session, office.finance, ret_number, "100", method="转账")
    with office.db.reading() as session:
        status, spec = node_of(session, ret_number)
        assert spec.node(status).terminal and status != spec.void
        detail = queries.order_detail(session, orders.find_order(session, ret_number))
        assert detail["paid"] == "-100.00"
        # The parent's own figures are untouched: a refund is a document of its own.
        assert queries.order_detail(session, orders.find_order(session, number))["paid"] == "250.00"


def test_hostile_returns_change_nothing(office):
    number = delivered(office)
    draft = office.order()
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="only 10"):
        returns.create_return(session, office.service, number, [ReturnLine("A-1", 11)], reason="x")
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="only 4"):
        returns.create_return(
            session,
            office.service,
            number,
            [ReturnLine("A-1", 6), ReturnLine("A-1", 5)],
            reason="x",
        )
    with office.db.unit_of_work() as session, pytest.raises(PermissionDenied):
        returns.create_return(session, office.sales, number, [ReturnLine("A-1", 1)], reason="x")
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="reason"):
        returns.create_return(session, office.service, number, [ReturnLine("A-1", 1)])
    with office.db.unit_of_work() as session, pytest.raises(InvalidTransition):
        returns.create_return(session, office.service, draft, [ReturnLine("A-1", 1)], reason="x")
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="B-2"):
        returns.create_return(session, office.service, number, [ReturnLine("B-2", 1)], reason="x")
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).where(Order.kind == "return")) == 0
    # Two returns together never take back more than was shipped.
    with office.db.unit_of_work() as session:
        returns.create_return(session, office.service, number, [ReturnLine("A-1", 7)], reason="x")
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="only 3"):
        returns.create_return(session, office.service, number, [ReturnLine("A-1", 4)], reason="x")


def test_a_refund_is_never_more_than_was_paid(office):
    number = delivered(office, pay="50.00")
    with office.db.unit_of_work() as session:
        ret = returns.create_return(
            session, office.service, number, [ReturnLine("A-1", 4)], reason="质量问题"
        ).number
    with office.db.unit_of_work() as session:
        returns.receive_return(session, office.warehouse, ret)
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="paid on"):
        returns.refund(session, office.finance, ret, "60")
    with office.db.unit_of_work() as session:
        returns.refund(session, office.finance, ret, "50")
    with office.db.reading() as session:
        assert returns._net_paid(session, orders.find_order(session, number)) == 0


def test_a_refund_after_completion_goes_through_a_return(office):
    number = delivered(office, pay="250.00")
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="a return"):
        orders.record_payment(session, office.finance, number, "-10")
    with office.db.unit_of_work() as session:
        order = orders.find_order(session, number)
        done = [t.target for t in workflow.allowed_transitions(session, office.service, order)]
        orders.advance(session, office.service, number, done[0])
    with office.db.unit_of_work() as session, pytest.raises(InvalidTransition):
        orders.record_payment(session, office.finance, number, "-10")
    with office.db.unit_of_work() as session:
        ret = returns.create_return(
            session, office.service, number, [ReturnLine("A-1", 1)], reason="完成后退货"
        ).number
    with office.db.unit_of_work() as session:
        returns.receive_return(session, office.warehouse, ret)
        returns.refund(session, office.finance, ret, "25")
    with office.db.reading() as session:
        status, spec = node_of(session, ret)
        assert spec.node(status).terminal


def test_an_exchange_is_a_return_and_a_replacement_made_together(office):
    number = delivered(office, lines=(("A-1", 10), ("B-2", 2)))
    with office.db.unit_of_work() as session:
        ret, new = returns.exchange(
            session, office.service, number, [ReturnLine("B-2", 1)], reason="换一台同型号的"
        )
        ret_number, new_number = ret.number, new.number
    with office.db.reading() as session:
        ret, new = orders.find_order(session, ret_number), orders.find_order(session, new_number)
        parent = orders.find_order(session, number)
        assert (ret.kind, new.kind) == ("return", "supplementary")
        assert ret.parent_id == new.parent_id == parent.id
        assert ret.total == new.total == 0
        assert [(line.product.sku, line.qty) for line in new.lines] == [("B-2", 1)]
        event = session.scalars(select(Event).where(Event.entity_ref == number)).all()[-1]
        assert (event.action, event.after["replacement"]) == ("exchange", new_number)
    # The replacement goes on like any order: sales submit it; free goods need the owner's
    # approval; the warehouse ships them.
    with office.db.unit_of_work() as session:
        workflow.submit(session, office.sales, [orders.find_order(session, new_number)])
    with office.db.unit_of_work() as session:
        order = orders.find_order(session, new_number)
        [approve] = [
            t for t in workflow.allowed_transitions(session, office.owner, order) if t.forward
        ]
        orders.advance(session, office.owner, new_number, approve.target)
    with office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, new_number, "顺丰", "SF9")
    # An exchange with nothing to take back makes neither document.
    with office.db.unit_of_work() as session, pytest.raises(ValidationError):
        returns.exchange(session, office.service, number, [ReturnLine("B-2", 2)], reason="x")
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).where(Order.parent_id.is_not(None))) == 2


def refused(office, how=shipments.refuse) -> tuple[str, str]:
    number = office.placed()
    with office.db.unit_of_work() as session:
        shipment = orders.ship(session, office.warehouse, number, "顺丰", "SF1").number
    with office.db.unit_of_work() as session:
        how(session, office.service, shipment, reason="收件人拒收")
    return number, shipment


def test_a_refused_shipment_is_reshipped_and_its_goods_come_back(office):
    number, shipment = refused(office)
    with office.db.reading() as session:
        before = stock_of(session, "A-1")
        assert returns.returnable(session, orders.find_order(session, number)) == {}
    with office.db.unit_of_work() as session, pytest.raises(PermissionDenied):
        shipments.resolve(session, office.sales, number, "reship")
    with office.db.unit_of_work() as session:
        back, again = shipments.resolve(session, office.service, number, "reship", comment="补发")
        back, again = back.number, again.number
    with office.db.reading() as session:
        parent = orders.find_order(session, number)
        status, spec = node_of(session, number)
        assert status == spec.fulfilled  # no longer held back: the reshipment carries on
        assert shipments.open_exceptions(session) == []
        event = session.scalars(select(Event).where(Event.entity_ref == number)).all()
        resolved = [e for e in event if e.action == "exception_resolved"][-1]
        assert resolved.after["made"] == [back, again]
        assert resolved.after["resolution"] == "reship"
        assert orders.find_order(session, back).total == 0
        assert [c.number for c in parent.children] == [back, again]
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="no refused"):
        shipments.resolve(session, office.service, number, "refund")
    with office.db.unit_of_work() as session:
        returns.receive_return(session, office.warehouse, back)
    with office.db.reading() as session:
        assert stock_of(session, "A-1")[0] == before[0] + 10
        assert_stock_equals_ledger(session)


def test_a_lost_shipment_is_written_off_and_refunded(office):
    number, shipment = refused(office, shipments.report_lost)
    with office.db.unit_of_work() as session:
        orders.record_payment(session, office.finance, number, "250")
    with office.db.unit_of_work() as session:
        [back] = shipments.resolve(session, office.service, number, "refund")
        back = back.number
    with office.db.reading() as session:
        before = stock_of(session, "A-1")
    with office.db.unit_of_work() as session:
        returns.receive_return(session, office.warehouse, back)
    with office.db.reading() as session:
        assert stock_of(session, "A-1") == before  # lost goods never come back on hand
        kinds = session.scalars(
            select(StockMove.kind).where(StockMove.order_id == orders.find_order(session, back).id)
        ).all()
        assert kinds == ["lost_back", "write_off"]
        assert_stock_equals_ledger(session)
    with office.db.unit_of_work() as session:
        returns.refund(session, office.finance, back, "250")
    with office.db.reading() as session:
        status, spec = node_of(session, back)
        assert spec.node(status).terminal


def test_a_purchase_return_takes_goods_out_of_stock(office):
    number = office.placed("purchase", lines=(("B-2", 4),))
    with office.db.unit_of_work() as session:
        orders.receive(session, office.warehouse, number)
    with office.db.unit_of_work() as session, pytest.raises(PermissionDenied):
        returns.create_return(session, office.service, number, [ReturnLine("B-2", 1)], reason="x")
    with office.db.unit_of_work() as session:
        ret = returns.create_return(
            session, office.purchasing, number, [ReturnLine("B-2", 2)], reason="来货有瑕疵"
        ).number
    with office.db.reading() as session:
        assert orders.find_order(session, ret).kind == "purchase_return"
        on_hand = stock_of(session, "B-2")[0]
    with office.db.unit_of_work() as session:
        orders.ship(session, office.warehouse, ret, "德邦", "DB1")
    with office.db.reading() as session:
        assert stock_of(session, "B-2")[0] == on_hand - 2
        # The purchase order's own line says what went back.
        [line] = queries.order_detail(session, orders.find_order(session, number))["lines"]
        assert (line["received_qty"], line["returned_qty"]) == ("4", "2")
        status, spec = node_of(session, ret)
        assert status == spec.fulfilled
        assert_stock_equals_ledger(session)
        # What went back to the supplier counts against the purchases, not on top of them.
        bought, sent_back = (orders.find_order(session, n).total for n in (number, ret))
        purchases = figures.net_figures(session, office.owner)["purchase"]
        assert (purchases["returned"], purchases["net"]) == (
            f"{-sent_back:.2f}",
            f"{bought - sent_back:.2f}",
        )


def test_a_lost_shipments_return_is_written_off_however_it_is_received(office):
    number, shipment = refused(office, shipments.report_lost)
    with office.db.unit_of_work() as session:
        [back] = shipments.resolve(session, office.service, number, "refund")
        back = back.number
    with office.db.reading() as session:
        before = stock_of(session, "A-1")
    with office.db.unit_of_work() as session:
        orders.receive(session, office.warehouse, back)  # the general receiving service
    with office.db.reading() as session:
        assert stock_of(session, "A-1") == before
        assert_stock_equals_ledger(session)


def test_an_exception_is_resolved_only_where_the_workflow_allows_it(office):
    """The workflow's nodes say where `resolve` may be recorded: an order moved on by hand
    past them (signed for and paid while a shipment was refused) is refused, nothing made."""
    number, shipment = refused(office)
    with office.db.unit_of_work() as session:
        order = orders.find_order(session, number)
        spec = workflow.spec_for(session, order)
        [deliver] = [t for t in spec.leaving(order.status) if t.manual and t.forward]
        orders.advance(session, office.service, number, deliver.target)
    with office.db.unit_of_work() as session:
        orders.record_payment(session, office.finance, number, "250")
    with office.db.reading() as session:
        status, spec = node_of(session, number)
        assert not spec.allows(status, "resolve")
        allowed = [spec.node(code).en for code in spec.nodes_allowing("resolve")]
    with office.db.unit_of_work() as session, pytest.raises(InvalidTransition) as refusal:
        shipments.resolve(session, office.service, number, "reship")
    assert f"cannot resolve exceptions; only at {', '.join(allowed)}" in str(refusal.value)
    with office.db.reading() as session:
        assert session.scalar(select(func.count()).where(Order.parent_id.is_not(None))) == 0
        assert [e.shipment for e in shipments.open_exceptions(session)] == [shipment]
