"""The stock ledger: every movement is a row; products hold the running balances.

On hand never goes below zero; reservations are made when a sales order is
placed, consumed when it ships and released when it is cancelled.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Order, Product, StockMove, User

from .clock import utcnow
from .errors import ValidationError

ZERO = Decimal(0)


def lock_products(session: Session, product_ids: set[int]) -> dict[int, Product]:
    """Products locked for this transaction, in id order so that writers never deadlock."""
    if not product_ids:
        return {}
    rows = session.scalars(
        select(Product)
        .where(Product.id.in_(sorted(product_ids)))
        .order_by(Product.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return {p.id: p for p in rows}


def _move(session, user, product, order, kind, on_hand=ZERO, reserved=ZERO) -> None:
    product.on_hand += on_hand
    product.reserved += reserved
    session.add(
        StockMove(
            product_id=product.id,
            order_id=order.id if order is not None else None,
            kind=kind,
            on_hand_delta=on_hand,
            reserved_delta=reserved,
            at=utcnow(),
            user_id=user.id,
        )
    )


def book_opening_stock(session: Session, user: User, product: Product, qty: Decimal) -> None:
    _move(session, user, product, None, "opening", on_hand=qty)


def _goods_needed(order: Order) -> dict[int, Decimal]:
    needed: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line in order.lines:
        if not line.product.is_service:
            needed[line.product_id] += line.qty
    return needed


def reserve_for(session: Session, user: User, order: Order) -> None:
    """Reserve every goods line of a sales order, or nothing if any is short."""
    needed = _goods_needed(order)
    products = lock_products(session, set(needed))
    shortages = [
        (products[pid], qty, products[pid].on_hand - products[pid].reserved)
        for pid, qty in needed.items()
        if products[pid].on_hand - products[pid].reserved < qty
    ]
    if shortages:
        zh = "；".join(f"{p.sku} 需要 {qty:f}，可用 {avail:f}" for p, qty, avail in shortages)
        en = "; ".join(f"{p.sku} needs {qty:f}, available {avail:f}" for p, qty, avail in shortages)
        raise ValidationError(f"库存不足，无法下单：{zh}。", f"Not enough stock to place: {en}.")
    for pid, qty in needed.items():
        _move(session, user, products[pid], order, "reserve", reserved=qty)


def outstanding_reservations(session: Session, order: Order) -> dict[int, Decimal]:
    rows = session.execute(
        select(StockMove.product_id, func.sum(StockMove.reserved_delta))
        .where(StockMove.order_id == order.id)
        .group_by(StockMove.product_id)
    )
    return {pid: qty for pid, qty in rows if qty}


def release_for(session: Session, user: User, order: Order) -> None:
    """Give back whatever the order still holds reserved."""
    held = outstanding_reservations(session, order)
    products = lock_products(session, set(held))
    for pid, qty in held.items():
        _move(session, user, products[pid], order, "release", reserved=-qty)


def issue(
    session: Session, user: User, order: Order, quantities: dict[int, Decimal]
) -> None:
    """Goods leave the warehouse for a shipment; their reservation is used up."""
    products = lock_products(session, set(quantities))
    short = [(products[pid], qty) for pid, qty in quantities.items() if products[pid].on_hand < qty]
    if short:
        zh = "；".join(f"{p.sku} 发货 {q:f}，库存仅 {p.on_hand:f}" for p, q in short)
        en = "; ".join(f"{p.sku} ships {q:f}, only {p.on_hand:f} on hand" for p, q in short)
        raise ValidationError(f"库存不足，无法发货：{zh}。", f"Not enough stock to ship: {en}.")
    held = outstanding_reservations(session, order)
    for pid, qty in quantities.items():
        used = min(qty, held.get(pid, ZERO))
        _move(session, user, products[pid], order, "issue", on_hand=-qty, reserved=-used)


def receive_goods(
    session: Session, user: User, order: Order, quantities: dict[int, Decimal]
) -> None:
    products = lock_products(session, set(quantities))
    for pid, qty in quantities.items():
        _move(session, user, products[pid], order, "receipt", on_hand=qty)
