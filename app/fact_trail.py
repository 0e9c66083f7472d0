"""The facts tables against the audit trail: every payment, shipment and receipt row must be
what its event recorded when it was made. A row changed, added or deleted behind the
program's back (an amount 500 → 50, a shipped quantity, a receipt line) shows here, named
by its order and its row.

Payments are compared per order, amount by amount; shipments and receipts per document,
quantity by product. Optionally only what is dated within [start, end).

The database first adds up each side by order and amount (document and product) and
names the orders (documents) where the sides differ; only those are read and worded
here, so a trail that bears everything out costs a few aggregates, not a pass over
every event's record.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, cast, column, func, literal, null, or_, select, true, union_all
from sqlalchemy.orm import Session
from sqlalchemy.sql import CompoundSelect, Select

from db.models import (
    Event,
    Order,
    OrderLine,
    Payment,
    Product,
    Receipt,
    ReceiptLine,
    Shipment,
    ShipmentLine,
)


@dataclass(frozen=True)
class FactMismatch:
    order: str
    row: str  # the row in question: "payment #12", "shipment SH-2026-000003"
    zh: str
    en: str


def _in(column, start: datetime | None, end: datetime | None) -> list:
    conditions = []
    if start is not None:
        conditions.append(column >= start)
    if end is not None:
        conditions.append(column < end)
    return conditions


def _trail(actions: tuple[str, ...], start, end) -> list:
    return [Event.entity == "order", Event.action.in_(actions), *_in(Event.at, start, end)]


def _events(session: Session, actions: tuple[str, ...], start, end, *conditions):
    return session.execute(
        select(Event.order_id, Event.entity_ref, Event.after)
        .where(*_trail(actions, start, end), *conditions)
        .order_by(Event.id)
        .execution_options(yield_per=5000)
    )


def _differing(rows: CompoundSelect, *keys: str) -> Select:
    """The keys' values of the `rows` (a union of both sides, the audit trail's counted
    negative) whose figures do not cancel out."""
    grouped = rows.subquery()
    by = [grouped.c[k] for k in keys]
    differ = or_(*(func.sum(c) != 0 for c in grouped.c if c.key not in keys))
    return select(*by).group_by(*by).having(differ)


def _amount(text) -> Decimal:
    return Decimal(str(text)).quantize(Decimal("0.01"))


PAYING = ("payment", "refund")


def _orders_paid_otherwise(start, end):
    """The orders whose payments and payment events differ in some amount's count."""
    cents = Payment.amount.type
    said = cast(Event.after["amount"].as_string(), cents)
    rows = union_all(
        select(
            Payment.order_id.label("order_id"),
            func.round(Payment.amount, 2).label("amount"),
            literal(1).label("count"),
        ).where(*_in(Payment.paid_at, start, end)),
        select(Event.order_id, func.round(said, 2), literal(-1)).where(*_trail(PAYING, start, end)),
    )
    return _differing(rows, "order_id", "amount")


def payment_mismatches(
    session: Session, start: datetime | None = None, end: datetime | None = None
) -> list[FactMismatch]:
    suspects = _orders_paid_otherwise(start, end)
    if session.execute(suspects.limit(1)).first() is None:
        return []
    picked = select(suspects.subquery().c.order_id)
    recorded: dict[int, Counter] = defaultdict(Counter)
    numbers: dict[int, str] = {}
    for order_id, number, after in _events(session, PAYING, start, end, Event.order_id.in_(picked)):
        recorded[order_id][_amount(after["amount"])] += 1
        numbers[order_id] = number
    rows: dict[int, list[tuple[int, Decimal]]] = defaultdict(list)
    for payment_id, order_id, number, value in session.execute(
        select(Payment.id, Payment.order_id, Order.number, Payment.amount)
        .join(Order, Order.id == Payment.order_id)
        .where(*_in(Payment.paid_at, start, end), Payment.order_id.in_(picked))
        .order_by(Payment.id)
    ):
        rows[order_id].append((payment_id, _amount(value)))
        numbers[order_id] = number
    found = []
    for order_id in sorted(set(recorded) | set(rows)):
        expected = Counter(recorded.get(order_id, Counter()))
        unexplained = []
        for payment_id, value in rows.get(order_id, []):
            if expected[value] > 0:
                expected[value] -= 1
            else:
                unexplained.append((payment_id, value))
        missing = sorted(v for v, n in expected.items() for _ in range(n))
        number = numbers[order_id]
        for index, (payment_id, value) in enumerate(unexplained):
            said = missing[index] if index < len(missing) else None
            if said is None:
                zh_said, en_said = "审计记录中没有这笔款项", "the audit trail has no such payment"
            else:
                zh_said, en_said = f"审计记录为 {said:,.2f}", f"the audit trail says {said:,.2f}"
            found.append(
                FactMismatch(
                    number,
                    f"payment #{payment_id}",
                    f"订单 {number} 的收付款记录 #{payment_id} 金额为 {value:,.2f}，{zh_said}："
                    "收付款被绕过程序改动。",
                    f"Order {number}: payment #{payment_id} is {value:,.2f} but {en_said}: "
                    "the payment was changed behind the program's back.",
                )
            )
        for said in missing[len(unexplained) :]:
            found.append(
                FactMismatch(
                    number,
                    "payment",
                    f"订单 {number} 的审计记录中有一笔 {said:,.2f} 的收付款，收付款表中却没有："
                    "记录被删除。",
                    f"Order {number}: the audit trail records a payment of {said:,.2f} that "
                    "the payments table does not hold: it was deleted.",
                )
            )
    return found


@dataclass(frozen=True)
class _Goods:
    """Shipments or receipts: their document table, line table and the events' action."""

    action: str
    document: type[Shipment] | type[Receipt]
    line: type[ShipmentLine] | type[ReceiptLine]
    line_of: str
    dated: str
    zh: str
    en: str


_KINDS = (
    _Goods("ship", Shipment, ShipmentLine, "shipment_id", "shipped_at", "发货单", "shipment"),
    _Goods("receive", Receipt, ReceiptLine, "receipt_id", "received_at", "入库单", "receipt"),
)


def _event_lines(session: Session):
    """The lines an event recorded, one row each: [sku, qty] pairs in its "lines"."""
    value = column("value", JSON)
    if session.get_bind().dialect.name == "postgresql":
        return func.json_array_elements(Event.after["lines"]).table_valued(value)
    return func.json_each(Event.after, "$.lines").table_valued(value)


def _documents_moved_otherwise(session: Session, goods: _Goods, start, end):
    """The documents whose rows and events differ: one side without the other, an event
    more, or another quantity of some product."""
    document, line = goods.document, goods.line
    dated = _in(getattr(document, goods.dated), start, end)
    trail = _trail((goods.action,), start, end)
    said_document = Event.after["document"].as_string()
    lines = _event_lines(session)
    said_qty = cast(lines.c.value[1].as_string(), line.qty.type)
    none = null()
    rows = union_all(
        select(
            document.number.label("document"),
            none.label("sku"),
            literal(1).label("count"),
            literal(0).label("qty"),
        ).where(*dated),
        select(said_document, none, literal(-1), literal(0)).where(*trail),
        select(document.number, Product.sku, literal(0), line.qty)
        .join(line, getattr(line, goods.line_of) == document.id)
        .join(OrderLine, OrderLine.id == line.order_line_id)
        .join(Product, Product.id == OrderLine.product_id)
        .where(*dated),
        select(said_document, lines.c.value[0].as_string(), literal(0), -said_qty)
        .select_from(Event)
        .join(lines, true())
        .where(*trail),
    )
    return _differing(rows, "document", "sku")


def _goods_mismatches(session: Session, goods: _Goods, start, end) -> list[FactMismatch]:
    suspects = _documents_moved_otherwise(session, goods, start, end)
    if session.execute(suspects.limit(1)).first() is None:
        return []
    picked = select(suspects.subquery().c.document)
    recorded: dict[str, tuple[str, Counter]] = {}
    for _order_id, number, after in _events(
        session, (goods.action,), start, end, Event.after["document"].as_string().in_(picked)
    ):
        lines: Counter = Counter()
        for sku, qty in after.get("lines", []):
            lines[sku] += Decimal(str(qty))
        recorded[after["document"]] = (number, lines)
    document, line = goods.document, goods.line
    stored: dict[str, tuple[str, Counter]] = {}
    for doc_number, order_number, sku, qty in session.execute(
        select(document.number, Order.number, Product.sku, line.qty)
        .join(Order, Order.id == document.order_id)
        .outerjoin(line, getattr(line, goods.line_of) == document.id)
        .outerjoin(OrderLine, OrderLine.id == line.order_line_id)
        .outerjoin(Product, Product.id == OrderLine.product_id)
        .where(*_in(getattr(document, goods.dated), start, end), document.number.in_(picked))
    ):
        entry = stored.setdefault(doc_number, (order_number, Counter()))
        if sku is not None:
            entry[1][sku] += Decimal(qty)
    found = []
    for doc_number in sorted(set(recorded) | set(stored)):
        said, held = recorded.get(doc_number), stored.get(doc_number)
        order = (held or said)[0]
        row = f"{goods.en} {doc_number}"
        if held is None:
            zh = f"订单 {order} 的{goods.zh} {doc_number} 在审计记录中有，表中却没有：记录被删除。"
            en = (
                f"Order {order}: {goods.en} {doc_number} is in the audit trail but not in "
                "the table: it was deleted."
            )
        elif said is None:
            zh = f"订单 {order} 的{goods.zh} {doc_number} 没有审计记录：它被绕过程序写入。"
            en = (
                f"Order {order}: {goods.en} {doc_number} has no audit record: it was written "
                "behind the program's back."
            )
        elif +said[1] != +held[1]:
            zh_diff, en_diff = _differences(said[1], held[1])
            zh = f"订单 {order} 的{goods.zh} {doc_number} 与审计记录不符：{zh_diff}。"
            en = (
                f"Order {order}: {goods.en} {doc_number} disagrees with the audit trail: {en_diff}."
            )
        else:
            continue
        found.append(FactMismatch(order, row, zh, en))
    return found


def _differences(said: Counter, held: Counter) -> tuple[str, str]:
    parts = [
        (sku, held.get(sku, Decimal(0)), said.get(sku, Decimal(0)))
        for sku in sorted(set(said) | set(held))
        if held.get(sku, Decimal(0)) != said.get(sku, Decimal(0))
    ]
    zh = "；".join(
        f"{sku} 表中 {h.normalize():f}，审计记录 {s.normalize():f}" for sku, h, s in parts
    )
    en = "; ".join(
        f"{sku} {h.normalize():f} in the table, {s.normalize():f} recorded" for sku, h, s in parts
    )
    return zh, en


def goods_mismatches(
    session: Session, start: datetime | None = None, end: datetime | None = None
) -> list[FactMismatch]:
    return [m for goods in _KINDS for m in _goods_mismatches(session, goods, start, end)]


def mismatches(
    session: Session, start: datetime | None = None, end: datetime | None = None
) -> list[FactMismatch]:
    """Every payment, shipment and receipt row that its audit record does not bear out."""
    return payment_mismatches(session, start, end) + goods_mismatches(session, start, end)
