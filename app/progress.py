"""Progress of orders, derived from the recorded facts (never stored beside the node)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    Order,
    OrderLine,
    Payment,
    Product,
    ReceiptLine,
    Shipment,
    ShipmentLine,
)

from .lookup import by_keys, picked

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

    # A document just written, counted as reading it back would (quantities per line id).

    def count_shipment(self, per_line: dict[int, Decimal]) -> None:
        for line_id, qty in per_line.items():
            self.lines[line_id].shipped += qty
        self.shipments += 1
        self.undelivered_shipments += 1

    def count_receipt(self, per_line: dict[int, Decimal]) -> None:
        for line_id, qty in per_line.items():
            self.lines[line_id].received += qty


# The tables themselves, not the mapped classes: these statements return plain rows, and
# skipping the ORM's bookkeeping halves their cost on a small batch.
_orders, _lines, _products = Order.__table__, OrderLine.__table__, Product.__table__
_shipments, _shipped, _received = Shipment.__table__, ShipmentLine.__table__, ReceiptLine.__table__
_payments = Payment.__table__


def _sum_of(column, *conditions):
    """A correlated subquery: the sum of `column` where the conditions hold, else 0."""
    return select(func.coalesce(func.sum(column), 0)).where(*conditions).scalar_subquery()


def _count_of_shipments(*conditions):
    return (
        select(func.count(_shipments.c.id))
        .where(_shipments.c.order_id == _orders.c.id, *conditions)
        .scalar_subquery()
    )


# Built once: constructing this statement costs more than running it on a small batch.
# One row per order line, each with its order's totals; an order without lines still
# gives one row, its line columns empty.
_returning = _lines.alias("return_lines")
_received_back, _shipped_back = _received.alias("received_back"), _shipped.alias("shipped_back")
_PROGRESS = select(
    _orders.c.id,
    _sum_of(_payments.c.amount, _payments.c.order_id == _orders.c.id),
    _count_of_shipments(),
    # A refused or lost shipment holds the order back until its exception is resolved.
    _count_of_shipments(_shipments.c.delivered_at.is_(None), _shipments.c.resolved_at.is_(None)),
    _lines.c.id,
    _lines.c.qty,
    _products.c.is_service,
    _sum_of(_shipped.c.qty, _shipped.c.order_line_id == _lines.c.id),
    _sum_of(_received.c.qty, _received.c.order_line_id == _lines.c.id),
    # Returned is what went back: goods received against return lines of this line
    # (from a customer), or shipped against them (to a supplier).
    *(
        _sum_of(
            back.c.qty,
            _returning.c.origin_line_id == _lines.c.id,
            back.c.order_line_id == _returning.c.id,
        )
        for back in (_received_back, _shipped_back)
    ),
).select_from(
    _orders.outerjoin(_lines, _lines.c.order_id == _orders.c.id).outerjoin(
        _products, _products.c.id == _lines.c.product_id
    )
)
_PROGRESS = by_keys(_PROGRESS, _orders.c.id, "ids")


def progress_of_orders(session: Session, orders: list[Order]) -> dict[int, Progress]:
    """Progress of many orders in one query (a page of the order list, a batch)."""
    result = {o.id: Progress(total=o.total) for o in orders}
    if not result:
        return result
    rows = session.execute(*picked(_PROGRESS, "ids", result))
    for order_id, paid, shipments, undelivered, line_id, qty, is_service, *moved in rows:
        progress = result[order_id]
        progress.paid = Decimal(paid).quantize(Decimal("0.01"))
        progress.shipments = shipments
        progress.undelivered_shipments = undelivered
        if line_id is not None:
            shipped, received, received_back, shipped_back = moved
            progress.lines[line_id] = LineProgress(
                qty=qty,
                is_service=is_service,
                shipped=Decimal(shipped),
                received=Decimal(received),
                returned=Decimal(received_back) + Decimal(shipped_back),
            )
    return result


def progress_of(session: Session, order: Order) -> Progress:
    return progress_of_orders(session, [order])[order.id]
