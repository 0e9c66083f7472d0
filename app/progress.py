"""Progress of orders, derived from the recorded facts (never stored beside the node)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from db.models import (
    Order,
    OrderLine,
    Payment,
    Product,
    Receipt,
    ReceiptLine,
    Shipment,
    ShipmentLine,
)

ZERO = Decimal(0)
HUNDRED = Decimal(100)


@dataclass
class LineProgress:
    qty: Decimal
    is_service: bool
    shipped: Decimal = ZERO
    received: Decimal = ZERO
    returned: Decimal = ZERO


@dataclass
class Progress:
    total: Decimal
    paid: Decimal = ZERO
    lines: dict[int, LineProgress] = field(default_factory=dict)
    shipments: int = 0
    undelivered_shipments: int = 0

    @property
    def _goods(self) -> list[LineProgress]:
        return [line for line in self.lines.values() if not line.is_service]

    def _percent(self, done: Decimal, wanted: Decimal) -> int:
        if wanted <= 0:
            return 100
        return int(min(done, wanted) * HUNDRED / wanted)

    @property
    def shipped_pct(self) -> int:
        goods = self._goods
        return self._percent(
            sum((min(g.shipped, g.qty) for g in goods), ZERO), sum((g.qty for g in goods), ZERO)
        )

    @property
    def received_pct(self) -> int:
        goods = self._goods
        return self._percent(
            sum((min(g.received, g.qty) for g in goods), ZERO), sum((g.qty for g in goods), ZERO)
        )

    @property
    def paid_pct(self) -> int:
        return self._percent(max(self.paid, ZERO), self.total)

    @property
    def all_shipped(self) -> bool:
        """Every goods line shipped in full; service lines never hold an order back."""
        return all(g.shipped >= g.qty for g in self._goods)

    @property
    def all_received(self) -> bool:
        return all(g.received >= g.qty for g in self._goods)

    @property
    def all_delivered(self) -> bool:
        """Every shipment signed for; with nothing shipped, someone must confirm by hand."""
        return self.all_shipped and self.shipments > 0 and self.undelivered_shipments == 0

    @property
    def fully_paid(self) -> bool:
        return self.paid >= self.total

    @property
    def anything_moved(self) -> bool:
        return any(line.shipped > 0 or line.received > 0 for line in self.lines.values())


def progress_of_orders(session: Session, orders: list[Order]) -> dict[int, Progress]:
    """Progress of many orders in a handful of queries (a page of the order list)."""
    ids = [o.id for o in orders]
    result = {o.id: Progress(total=o.total) for o in orders}
    if not ids:
        return result
    line_owner: dict[int, int] = {}
    for line_id, order_id, qty, is_service in session.execute(
        select(OrderLine.id, OrderLine.order_id, OrderLine.qty, Product.is_service)
        .join(Product, Product.id == OrderLine.product_id)
        .where(OrderLine.order_id.in_(ids))
    ):
        result[order_id].lines[line_id] = LineProgress(qty=qty, is_service=is_service)
        line_owner[line_id] = order_id

    def add(rows, attribute: str) -> None:
        for line_id, qty in rows:
            line = result[line_owner[line_id]].lines[line_id]
            setattr(line, attribute, getattr(line, attribute) + qty)

    add(
        session.execute(
            select(ShipmentLine.order_line_id, func.sum(ShipmentLine.qty))
            .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
            .where(Shipment.order_id.in_(ids))
            .group_by(ShipmentLine.order_line_id)
        ),
        "shipped",
    )
    add(
        session.execute(
            select(ReceiptLine.order_line_id, func.sum(ReceiptLine.qty))
            .join(Receipt, Receipt.id == ReceiptLine.receipt_id)
            .where(Receipt.order_id.in_(ids))
            .group_by(ReceiptLine.order_line_id)
        ),
        "received",
    )
    return_line = aliased(OrderLine)
    return_order = aliased(Order)
    add(
        session.execute(
            select(return_line.origin_line_id, func.sum(return_line.qty))
            .join(return_order, return_order.id == return_line.order_id)
            .where(
                return_line.origin_line_id.in_(list(line_owner)),
                return_order.status != "cancelled",
            )
            .group_by(return_line.origin_line_id)
        )
        if line_owner
        else [],
        "returned",
    )
    for order_id, paid in session.execute(
        select(Payment.order_id, func.sum(Payment.amount))
        .where(Payment.order_id.in_(ids))
        .group_by(Payment.order_id)
    ):
        result[order_id].paid = paid
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for order_id, shipments, undelivered in session.execute(
        select(
            Shipment.order_id,
            func.count(Shipment.id),
            func.count(Shipment.id).filter(Shipment.delivered_at.is_(None)),
        )
        .where(Shipment.order_id.in_(ids))
        .group_by(Shipment.order_id)
    ):
        counts[order_id] = [shipments, undelivered]
    for order_id, (shipments, undelivered) in counts.items():
        result[order_id].shipments = shipments
        result[order_id].undelivered_shipments = undelivered
    return result


def progress_of(session: Session, order: Order) -> Progress:
    return progress_of_orders(session, [order])[order.id]
