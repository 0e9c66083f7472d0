"""Returns (退货) and exchanges (换货): change documents linked to the order they undo.

A return is a child order of its own kind and workflow, for at most what was shipped (or,
from a supplier, received) and not yet returned, with a reason per line. Goods a
customer sends back go into stock when the warehouse receives them, or to the damaged
count, which never becomes available; a purchase return takes goods out of stock when
they are shipped back. The refund is a negative payment on the return itself, so the
parent's own figures stay what they were: never more than the return is worth, nor
more than the parent was paid. An exchange is a return plus a replacement child order,
both free of charge, made together.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from db.models import (
    Order,
    OrderLine,
    Payment,
    Product,
    Receipt,
    ReceiptLine,
    Shipment,
    ShipmentLine,
    StockMove,
    User,
)

from . import kinds, orders, stock, workflow
from .clock import utcnow
from .errors import ValidationError
from .numbering import next_number
from .orders import LineSpec, MoveSpec, OrderDraft
from .progress import progress_of
from .validation import amount, clean_text

ZERO = Decimal(0)
GOOD, DAMAGED, WRITTEN_OFF = "good", "damaged", "written_off"
CONDITION_NAMES = {
    GOOD: ("完好", "good"),
    DAMAGED: ("损坏", "damaged"),
    WRITTEN_OFF: ("核销", "written off"),
}
REPLACEMENT_KIND = "supplementary"


@dataclass(frozen=True)
class ReturnLine:
    """A quantity of one SKU coming back, and why (else the return's reason)."""

    sku: str
    qty: object
    reason: str = ""


def is_return(order: Order) -> bool:
    return order.kind in RETURN_KINDS


RETURN_KINDS = kinds.RETURN_KINDS


# --- what may still come back -------------------------------------------------------------

_lines, _orders = OrderLine.__table__, Order.__table__
_CLAIMED = (
    select(_lines.c.origin_line_id, _orders.c.workflow_id, _orders.c.status, _lines.c.qty)
    .join(_orders, _orders.c.id == _lines.c.order_id)
    .where(_lines.c.origin_line_id.in_(bindparam("ids", expanding=True)))
)
_IN_TROUBLE = (
    select(ShipmentLine.order_line_id, func.sum(ShipmentLine.qty))
    .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
    .where(
        ShipmentLine.order_line_id.in_(bindparam("ids", expanding=True)),
        Shipment.trouble.is_not(None),
        Shipment.resolved_at.is_(None),
    )
    .group_by(ShipmentLine.order_line_id)
)


def claimed(session: Session, line_ids: list[int]) -> dict[int, Decimal]:
    """Per original line: what returns not called off have taken back or will."""
    result: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for origin, workflow_id, status, qty in session.execute(_CLAIMED, {"ids": line_ids}):
        if status != workflow.spec_by_id(session, workflow_id).void:
            result[origin] += qty
    return result


def returnable(session: Session, order: Order) -> dict[int, Decimal]:
    """Per line of the order: what went out to the customer (or came in from the supplier)
    and has not come back, nor is on a return yet, nor on a refused or lost shipment."""
    progress = progress_of(session, order).lines
    ids = [line.id for line in order.lines]
    taken = claimed(session, ids)
    in_trouble = dict(session.execute(_IN_TROUBLE, {"ids": ids}).all())
    supplier = kinds.KINDS[order.kind].party_kind == "supplier"
    result = {}
    for line in order.lines:
        if line.product.is_service:
            continue
        moved = progress[line.id].received if supplier else progress[line.id].shipped
        left = moved - taken[line.id] - in_trouble.get(line.id, ZERO)
        if left > 0:
            result[line.id] = left
    return result


def returnable_lines(session: Session, number: str) -> list[tuple[str, str, Decimal]]:
    """(SKU, product, quantity that may still come back) of an order, for a dialog."""
    order = orders.find_order(session, number)
    left: dict[str, Decimal] = defaultdict(lambda: ZERO)
    names = {}
    by_id = {line.id: line for line in order.lines}
    for lid, qty in returnable(session, order).items():
        left[by_id[lid].product.sku] += qty
        names[by_id[lid].product.sku] = by_id[lid].product.name
    return [(sku, names[sku], qty.normalize()) for sku, qty in left.items()]


# --- making returns -----------------------------------------------------------------------


def _return_kind(order: Order) -> str:
    kind = kinds.KINDS[order.kind].return_kind
    if kind is None:
        raise ValidationError(
            f"{order.number} 是{kinds.KINDS[order.kind].title_zh}，不能再退货。",
            f"{order.number} is a {kinds.KINDS[order.kind].title_en.lower()}; "
            "it cannot be returned.",
        )
    return kind


def make_return(
    session: Session,
    user: User,
    parent: Order,
    per_line: dict[int, Decimal],
    reasons: dict[int, str],
    *,
    priced: bool = True,
) -> Order:
    """The return order of `per_line` (original line id: quantity), at the original prices
    (or free of charge), each line knowing the line it returns and why."""
    by_id = {line.id: line for line in parent.lines}
    ids = list(per_line)
    specs = [
        LineSpec(by_id[lid].product.sku, per_line[lid], by_id[lid].unit_price if priced else 0)
        for lid in ids
    ]
    note = "；".join(dict.fromkeys(reasons[lid] for lid in ids))[:2000]
    [child] = orders.create_orders(
        session,
        user,
        _return_kind(parent),
        [OrderDraft(parent.party.name, specs, note=note)],
        parent=parent,
    )
    for line, lid in zip(child.lines, ids, strict=True):
        line.origin_line_id = lid
        line.reason = reasons[lid]
    session.flush()
    return child


def _per_line(
    session: Session, parent: Order, lines: list[ReturnLine], reason: str
) -> tuple[dict[int, Decimal], dict[int, str]]:
    if not lines:
        raise ValidationError("退货至少需要一行明细。", "A return needs at least one line.")
    per_line: dict[int, Decimal] = defaultdict(lambda: ZERO)
    reasons: dict[int, str] = {}
    left = returnable(session, parent)
    for number, line in enumerate(lines, start=1):
        why = clean_text(
            line.reason or reason,
            f"第 {number} 行的退货原因",
            f"the reason for line {number}",
            max_length=500,
        )
        remaining = {lid: qty - per_line.get(lid, ZERO) for lid, qty in left.items()}
        for lid, qty in orders._allocate(
            parent, [MoveSpec(line.sku, line.qty)], remaining, ("退", "return")
        ).items():
            per_line[lid] += qty
            reasons[lid] = why if lid not in reasons else f"{reasons[lid]}；{why}"
    return dict(per_line), reasons


def create_return(
    session: Session,
    user: User,
    number: str,
    lines: list[ReturnLine],
    *,
    reason: str = "",
) -> Order:
    """A return order for goods of `number` coming back; its number is the new document."""
    return _changing(session, user, number, lines, reason, exchange=False)[0]


def exchange(
    session: Session,
    user: User,
    number: str,
    lines: list[ReturnLine],
    *,
    reason: str = "",
) -> tuple[Order, Order]:
    """A return of the goods and a replacement order for the same goods, both free of
    charge, made together: (return, replacement). The replacement is a draft in the sales
    queue, to be submitted like any order."""
    return _changing(session, user, number, lines, reason, exchange=True)


def _changing(
    session: Session,
    user: User,
    number: str,
    lines: list[ReturnLine],
    reason: str,
    *,
    exchange: bool,
) -> tuple[Order, ...]:
    parent = orders.find_order(session, number, for_change=True)
    _return_kind(parent)
    if exchange and kinds.KINDS[parent.kind].party_kind != "customer":
        raise ValidationError(
            f"{parent.number} 是采购订单：退给供应商请用退货。",
            f"{parent.number} is a purchase: goods go back to a supplier on a return.",
        )
    made: list[Order] = []

    def record() -> tuple[object, dict]:
        per_line, reasons = _per_line(session, parent, lines, reason)
        made.append(make_return(session, user, parent, per_line, reasons, priced=not exchange))
        skus = {line.id: line.product.sku for line in parent.lines}
        after = {
            "document": made[0].number,
            "lines": [[skus[lid], qty, reasons[lid]] for lid, qty in per_line.items()],
        }
        if exchange:
            made.append(replacement(session, user, parent, per_line))
            after["replacement"] = made[1].number
        return made[0], after

    orders._record_fact(
        session, user, parent, "return", "exchange" if exchange else "return", record
    )
    return tuple(made)


def replacement(session: Session, user: User, parent: Order, per_line: dict[int, Decimal]) -> Order:
    """A free child order sending the same goods again (an exchange, a reshipment)."""
    by_id = {line.id: line for line in parent.lines}
    totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for lid, qty in per_line.items():
        totals[by_id[lid].product.sku] += qty
    [child] = orders.create_orders(
        session,
        user,
        REPLACEMENT_KIND,
        [OrderDraft(parent.party.name, [LineSpec(sku, qty, 0) for sku, qty in totals.items()])],
        parent=parent,
    )
    return child


# --- goods coming back --------------------------------------------------------------------


def _load_return(session: Session, number: str) -> Order:
    order = orders.find_order(session, number, for_change=True)
    if not is_return(order):
        raise ValidationError(f"{order.number} 不是退货单。", f"{order.number} is not a return.")
    return order


def _written_off(session: Session, order: Order) -> bool:
    """A return of a lost shipment's goods: they are written off, never back in stock."""
    return (
        session.scalar(
            select(Shipment.id).where(
                Shipment.resolution_order_id == order.id, Shipment.trouble == "lost"
            )
        )
        is not None
    )


def receive_return(
    session: Session,
    user: User,
    number: str,
    lines: list[MoveSpec] | None = None,
    *,
    damaged: list[MoveSpec] | None = None,
) -> Receipt:
    """Goods of a return arrive: good ones into stock, damaged ones to the damaged count;
    without lines, everything still due, in good order. A lost shipment's return is
    written off instead: its goods never come back."""
    order = _load_return(session, number)

    def record() -> tuple[object, dict]:
        lines_progress = progress_of(session, order).lines
        remaining = {
            line.id: line.qty - lines_progress[line.id].received
            for line in order.lines
            if line.qty > lines_progress[line.id].received
        }
        verb = ("收", "receive")
        good = orders._allocate(order, lines, remaining, verb) if lines or not damaged else {}
        broken = {}
        if damaged:
            rest = {lid: qty - good.get(lid, ZERO) for lid, qty in remaining.items()}
            broken = orders._allocate(order, damaged, rest, verb)
        if _written_off(session, order):
            parts = [(WRITTEN_OFF, good), (WRITTEN_OFF, broken)]
        else:
            parts = [(GOOD, good), (DAMAGED, broken)]
        receipt = Receipt(
            number=next_number(session, "receipt"),
            order_id=order.id,
            received_at=utcnow(),
            received_by_id=user.id,
        )
        session.add(receipt)
        session.flush()
        rows = [
            {"receipt_id": receipt.id, "order_line_id": lid, "qty": qty, "condition": condition}
            for condition, per_line in parts
            for lid, qty in per_line.items()
        ]
        session.execute(ReceiptLine.__table__.insert(), rows)
        _book(session, user, order, rows)
        skus = {line.id: line.product.sku for line in order.lines}
        return receipt, {
            "document": receipt.number,
            "lines": [[skus[r["order_line_id"]], r["qty"]] for r in rows],
            "conditions": [r["condition"] for r in rows],  # of each line, in order
        }

    return orders._record_fact(session, user, order, "receive", "receive", record)


def _book(session: Session, user: User, order: Order, rows: list[dict]) -> None:
    """The stock ledger of returned goods: good ones on hand, damaged ones apart; written-off
    ones come back onto the books and go out again at once, so the loss has its rows."""
    product_of = {line.id: line.product_id for line in order.lines}
    products = stock.lock_products(session, {product_of[r["order_line_id"]] for r in rows})
    now = utcnow()
    moves = []
    for r in rows:
        product, qty = products[product_of[r["order_line_id"]]], r["qty"]
        if r["condition"] == GOOD:
            moves.append((product, "return", qty, ZERO))
        elif r["condition"] == DAMAGED:
            moves.append((product, "return_damaged", ZERO, qty))
        else:
            moves += [(product, "lost_back", qty, ZERO), (product, "write_off", -qty, ZERO)]
    session.execute(
        StockMove.__table__.insert(),
        [
            {
                "product_id": product.id,
                "order_id": order.id,
                "kind": kind,
                "on_hand_delta": on_hand,
                "reserved_delta": ZERO,
                "damaged_delta": damaged,
                "at": now,
                "user_id": user.id,
            }
            for product, kind, on_hand, damaged in moves
        ],
    )
    for product, _kind, on_hand, damaged in moves:
        set_committed_value(product, "on_hand", product.on_hand + on_hand)
        set_committed_value(product, "damaged", product.damaged + damaged)
    session.execute(
        Product.__table__.update()
        .where(Product.__table__.c.id == bindparam("pid"))
        .values(on_hand=bindparam("new_on_hand"), damaged=bindparam("new_damaged")),
        [
            {"pid": p.id, "new_on_hand": p.on_hand, "new_damaged": p.damaged}
            for p in {product.id: product for product, *_ in moves}.values()
        ],
    )


# --- the refund -----------------------------------------------------------------------------


def _net_paid(session: Session, parent: Order) -> Decimal:
    """What the parent's party has paid, less every refund made on its returns."""
    ids = select(Order.id).where(
        (Order.id == parent.id) | ((Order.parent_id == parent.id) & Order.kind.in_(RETURN_KINDS))
    )
    return session.scalar(
        select(func.coalesce(func.sum(Payment.amount), 0)).where(Payment.order_id.in_(ids))
    )


def refund(
    session: Session,
    user: User,
    number: str,
    value: object,
    *,
    method: str = "",
    reference: str = "",
) -> Payment:
    """Money back for a return, stored as a negative payment on the return: at most what
    the return is worth and what the original order was paid, less earlier refunds."""
    order = _load_return(session, number)
    parent = orders.find_order(session, order.parent.number, for_change=True)
    money = amount(value, "退款金额", "refund")
    if money <= 0:
        raise ValidationError("退款金额必须大于 0。", "The refund must be more than 0.")
    method = clean_text(method, "付款方式", "method", max_length=50, required=False)
    reference = clean_text(reference, "参考号", "reference", max_length=100, required=False)

    def record() -> tuple[object, dict]:
        refunded = -progress_of(session, order).paid
        if refunded + money > order.total:
            raise ValidationError(
                f"退款 {money:,.2f} 超过退货单 {order.number} "
                f"待退的 {order.total - refunded:,.2f}。",
                f"The refund {money:,.2f} exceeds the {order.total - refunded:,.2f} "
                f"still due on return {order.number}.",
            )
        paid = _net_paid(session, parent)
        if money > paid:
            raise ValidationError(
                f"退款 {money:,.2f} 超过原订单 {parent.number} 已收付的 {paid:,.2f}。",
                f"The refund {money:,.2f} exceeds the {paid:,.2f} paid on {parent.number}.",
            )
        payment = Payment(
            order=order,
            amount=-money,
            paid_at=utcnow(),
            recorded_by_id=user.id,
            method=method,
            reference=reference,
        )
        session.add(payment)
        return payment, {"amount": -money, "method": method, "reference": reference}

    return orders._record_fact(session, user, order, "pay", "refund", record)


def returns_of(session: Session, order: Order) -> list[Order]:
    return [child for child in order.children if is_return(child)]
