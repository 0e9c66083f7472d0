"""The stock ledger: every movement is a row; products hold the running balances.

On hand never goes below zero; reservations are made when a sales order is
placed, consumed when it ships and released when it is cancelled.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from db.models import Order, Product, StockMove, User

from .clock import utcnow
from .errors import ValidationError

ZERO = Decimal(0)


def lock_products(session: Session, product_ids: set[int]) -> dict[int, Product]:
    """Products locked for this transaction, in id order so that writers never deadlock."""
    if not product_ids:
        return {}
    # Reloading below must not discard balances changed earlier in this transaction.
    if any(isinstance(changed, Product) for changed in session.dirty):
        session.flush()
    rows = session.scalars(_LOCK_PRODUCTS, {"ids": sorted(product_ids)})
    return {p.id: p for p in rows}


# Built once: every placed order, shipment and receipt runs them.
_LOCK_PRODUCTS = (
    select(Product)
    .where(Product.id.in_(bindparam("ids", expanding=True)))
    .order_by(Product.id)
    .with_for_update()
    .execution_options(populate_existing=True)
)
_MOVES = StockMove.__table__
_RESERVATIONS = (
    select(_MOVES.c.order_id, _MOVES.c.product_id, func.sum(_MOVES.c.reserved_delta))
    .where(_MOVES.c.order_id.in_(bindparam("ids", expanding=True)))
    .group_by(_MOVES.c.order_id, _MOVES.c.product_id)
)
_INSERT_MOVES = _MOVES.insert()
_PRODUCTS = Product.__table__
_SET_BALANCES = (
    _PRODUCTS.update()
    .where(_PRODUCTS.c.id == bindparam("product_id"))
    .values(on_hand=bindparam("new_on_hand"), reserved=bindparam("new_reserved"))
)


class _Ledger:
    """Collects the moves of one operation and writes them, and the new balances, in one
    statement each (the products are locked: see `lock_products`)."""

    def __init__(self, session: Session, user: User, kind: str):
        self.session = session
        self.user = user
        self.kind = kind
        self.rows: list[dict] = []
        self.products: dict[int, Product] = {}
        self.at = utcnow()

    def move(self, product: Product, order: Order | None, on_hand=ZERO, reserved=ZERO):
        # Balances change as loaded, not as pending changes: the unit of work would
        # write them in a flush of its own.
        set_committed_value(product, "on_hand", product.on_hand + on_hand)
        set_committed_value(product, "reserved", product.reserved + reserved)
        self.products[product.id] = product
        self.rows.append(
            {
                "product_id": product.id,
                "order_id": order.id if order is not None else None,
                "kind": self.kind,
                "on_hand_delta": on_hand,
                "reserved_delta": reserved,
                "at": self.at,
                "user_id": self.user.id,
            }
        )

    def write(self) -> None:
        if not self.rows:
            return
        self.session.execute(_INSERT_MOVES, self.rows)
        self.session.execute(
            _SET_BALANCES,
            [
                {"product_id": p.id, "new_on_hand": p.on_hand, "new_reserved": p.reserved}
                for p in self.products.values()
            ],
        )


def book_opening_stock(session: Session, user: User, product: Product, qty: Decimal) -> None:
    ledger = _Ledger(session, user, "opening")
    ledger.move(product, None, on_hand=qty)
    ledger.write()


def _goods_needed(order: Order) -> dict[int, Decimal]:
    needed: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line in order.lines:
        if not line.product.is_service:
            needed[line.product_id] += line.qty
    return needed


def reserve_for(session: Session, user: User, orders: list[Order]) -> None:
    """Reserve every goods line of the sales orders, or nothing if any product is short."""
    needs = {order.id: _goods_needed(order) for order in orders}
    wanted: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for need in needs.values():
        for pid, qty in need.items():
            wanted[pid] += qty
    products = lock_products(session, set(wanted))
    shortages = [
        (products[pid], qty, products[pid].on_hand - products[pid].reserved)
        for pid, qty in wanted.items()
        if products[pid].on_hand - products[pid].reserved < qty
    ]
    if shortages:
        which = "" if len(orders) == 1 else f"（{len(orders)} 张订单）"
        zh = "；".join(f"{p.sku} 需要 {qty:f}，可用 {avail:f}" for p, qty, avail in shortages)
        en = "; ".join(f"{p.sku} needs {qty:f}, available {avail:f}" for p, qty, avail in shortages)
        raise ValidationError(
            f"库存不足，无法下单{which}：{zh}。", f"Not enough stock to place: {en}."
        )
    ledger = _Ledger(session, user, "reserve")
    for order in orders:
        for pid, qty in needs[order.id].items():
            ledger.move(products[pid], order, reserved=qty)
    ledger.write()


def outstanding_reservations(
    session: Session, orders: list[Order]
) -> dict[int, dict[int, Decimal]]:
    """Per order id, per product id: what the order still holds reserved."""
    held: dict[int, dict[int, Decimal]] = defaultdict(dict)
    rows = session.execute(_RESERVATIONS, {"ids": [o.id for o in orders]})
    for order_id, pid, qty in rows:
        if qty:
            held[order_id][pid] = qty
    return held


def release_for(session: Session, user: User, orders: list[Order]) -> None:
    """Give back whatever the orders still hold reserved."""
    held = outstanding_reservations(session, orders)
    products = lock_products(session, {pid for per in held.values() for pid in per})
    ledger = _Ledger(session, user, "release")
    for order in orders:
        for pid, qty in held.get(order.id, {}).items():
            ledger.move(products[pid], order, reserved=-qty)
    ledger.write()


def issue(session: Session, user: User, order: Order, quantities: dict[int, Decimal]) -> None:
    """Goods leave the warehouse for a shipment; their reservation is used up."""
    products = lock_products(session, set(quantities))
    short = [(products[pid], qty) for pid, qty in quantities.items() if products[pid].on_hand < qty]
    if short:
        zh = "；".join(f"{p.sku} 发货 {q:f}，库存仅 {p.on_hand:f}" for p, q in short)
        en = "; ".join(f"{p.sku} ships {q:f}, only {p.on_hand:f} on hand" for p, q in short)
        raise ValidationError(f"库存不足，无法发货：{zh}。", f"Not enough stock to ship: {en}.")
    held = outstanding_reservations(session, [order]).get(order.id, {})
    ledger = _Ledger(session, user, "issue")
    for pid, qty in quantities.items():
        ledger.move(products[pid], order, on_hand=-qty, reserved=-min(qty, held.get(pid, ZERO)))
    ledger.write()


def receive_goods(
    session: Session, user: User, order: Order, quantities: dict[int, Decimal]
) -> None:
    products = lock_products(session, set(quantities))
    ledger = _Ledger(session, user, "receipt")
    for pid, qty in quantities.items():
        ledger.move(products[pid], order, on_hand=qty)
    ledger.write()


def follow(session: Session, user: User, order: Order, wanted: dict[int, Decimal]) -> None:
    """After an amendment: the order holds exactly `wanted` reserved per product (what is
    still to ship), taking more only from what is available."""
    held = outstanding_reservations(session, [order]).get(order.id, {})
    deltas = {
        pid: wanted.get(pid, ZERO) - held.get(pid, ZERO)
        for pid in set(wanted) | set(held)
        if wanted.get(pid, ZERO) != held.get(pid, ZERO)
    }
    products = lock_products(session, set(deltas))
    short = [
        (products[pid], qty, products[pid].on_hand - products[pid].reserved)
        for pid, qty in deltas.items()
        if qty > products[pid].on_hand - products[pid].reserved
    ]
    if short:
        zh = "；".join(f"{p.sku} 还需 {qty:f}，可用 {avail:f}" for p, qty, avail in short)
        en = "; ".join(f"{p.sku} needs {q:f} more, available {a:f}" for p, q, a in short)
        raise ValidationError(f"库存不足，无法改单：{zh}。", f"Not enough stock to amend: {en}.")
    ledger = _Ledger(session, user, "amend")
    for pid, qty in sorted(deltas.items()):
        ledger.move(products[pid], order, reserved=qty)
    ledger.write()
