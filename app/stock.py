"""The stock ledger: every movement is a row; products hold the running balances.

On hand never goes below zero and reservations never exceed it. A sales order
reserves what is available when it is placed (what it cannot reserve is its
shortfall, a backorder), uses the reservation up when it ships and releases it
when it is cancelled; app/backorders.py fills shortfalls as goods come in. Each
move names the document behind it (a shipment's or receipt's number, or the order's).
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from decimal import Decimal

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.event import listens_for
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from db.models import Order, Product, StockMove, User

from .audit import jsonable
from .clock import utcnow
from .errors import ValidationError
from .lookup import by_keys, picked

ZERO = Decimal(0)


_LOCKED = "locked_products"
_HELD = "reservations_held"


def lock_products(session: Session, product_ids: set[int]) -> dict[int, Product]:
    """Products locked for this transaction, in id order so that writers never deadlock.

    A product locked once stays locked (and its balances current: every move keeps them)
    until the transaction ends, so asking again costs no statement."""
    if not product_ids:
        return {}
    locked: dict[int, Product] = session.info.setdefault(_LOCKED, {})
    missing = set(product_ids) - locked.keys()
    if missing:
        # Reloading below must not discard balances changed earlier in this transaction.
        if any(isinstance(changed, Product) for changed in session.dirty):
            session.flush()
        locked.update((p.id, p) for p in session.scalars(_LOCK_PRODUCTS, {"ids": sorted(missing)}))
    return {pid: locked[pid] for pid in product_ids}


def note_read_for_change(session: Session, products) -> None:
    """Products just read afresh for a change: on SQLite a writer holds the whole database's
    write lock from its first statement, so they are as good as locked and `lock_products`
    needs no statement for them (on PostgreSQL each row is locked by itself, in id order)."""
    if session.get_bind().dialect.name == "sqlite":
        locked: dict[int, Product] = session.info.setdefault(_LOCKED, {})
        for product in products:
            locked.setdefault(product.id, product)


@listens_for(Session, "after_commit")
@listens_for(Session, "after_rollback")
def _forget_locks(session: Session) -> None:
    session.info.pop(_LOCKED, None)
    session.info.pop(_HELD, None)


# Built once: every placed order, shipment and receipt runs them.
_LOCK_PRODUCTS = (
    select(Product)
    .where(Product.id.in_(bindparam("ids", expanding=True)))
    .order_by(Product.id)
    .with_for_update()
    .execution_options(populate_existing=True)
)
_MOVES = StockMove.__table__
_RESERVATIONS = by_keys(
    select(_MOVES.c.order_id, _MOVES.c.product_id, func.sum(_MOVES.c.reserved_delta)).group_by(
        _MOVES.c.order_id, _MOVES.c.product_id
    ),
    _MOVES.c.order_id,
    "ids",
)
_INSERT_MOVES = _MOVES.insert()
_PRODUCTS = Product.__table__
_SET_BALANCES = (
    _PRODUCTS.update()
    .where(_PRODUCTS.c.id == bindparam("product_id"))
    .values(on_hand=bindparam("new_on_hand"), reserved=bindparam("new_reserved"))
)
# On PostgreSQL the moves and the balances are one statement, a round trip fewer for every
# placed order, shipment and receipt: both travel as JSON arrays of rows.
_MOVE_COLUMNS = ", ".join(column.name for column in _MOVES.columns if not column.primary_key)
_WRITE_ON_SERVER = text(
    f"WITH moved AS (INSERT INTO stock_moves ({_MOVE_COLUMNS}) SELECT {_MOVE_COLUMNS}"
    " FROM json_populate_recordset(NULL::stock_moves, :moves))"
    " UPDATE products SET on_hand = balance.on_hand, reserved = balance.reserved"
    " FROM json_to_recordset(:balances) AS balance(id integer, on_hand numeric, reserved numeric)"
    " WHERE products.id = balance.id"
)


class _Ledger:
    """Collects the moves of one operation and writes them, and the new balances, in one
    statement each (the products are locked: see `lock_products`)."""

    def __init__(self, session: Session, user: User, kind: str, document: str | None = None):
        self.session = session
        self.user = user
        self.kind = kind
        self.document = document
        self.rows: list[dict] = []
        self.products: dict[int, Product] = {}
        self.at = utcnow()

    def move(
        self,
        product: Product,
        order: Order | int | None,
        on_hand=ZERO,
        reserved=ZERO,
        *,
        kind: str | None = None,
    ):
        # Balances change as loaded, not as pending changes: the unit of work would
        # write them in a flush of its own.
        set_committed_value(product, "on_hand", product.on_hand + on_hand)
        set_committed_value(product, "reserved", product.reserved + reserved)
        self.products[product.id] = product
        self.rows.append(
            {
                "product_id": product.id,
                "order_id": order if order is None or isinstance(order, int) else order.id,
                "kind": kind or self.kind,
                "document": self.document,
                "on_hand_delta": on_hand,
                "reserved_delta": reserved,
                "at": self.at,
                "user_id": self.user.id,
            }
        )

    def write(self) -> None:
        if not self.rows:
            return
        self.session.info.pop(_HELD, None)  # what orders hold is about to change
        rows, self.rows = self.rows, []
        if self.session.get_bind().dialect.name == "postgresql":
            balances = [
                {"id": p.id, "on_hand": p.on_hand, "reserved": p.reserved}
                for p in self.products.values()
            ]
            moves = [{"damaged_delta": ZERO, **row} for row in rows]
            self.session.execute(
                _WRITE_ON_SERVER,
                {"moves": json.dumps(jsonable(moves)), "balances": json.dumps(jsonable(balances))},
            )
            return
        self.session.execute(_INSERT_MOVES, rows)
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


def _goods_needed(order: Order, shipped: dict[int, Decimal]) -> dict[int, Decimal]:
    """Per product: what the order has still to ship (`shipped`: per product, so far)."""
    needed: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for line in order.lines:
        if not line.product.is_service:
            needed[line.product_id] += line.qty
    return {pid: qty - shipped.get(pid, ZERO) for pid, qty in needed.items()}


def free(product: Product) -> Decimal:
    """What nobody holds: on hand less every reservation."""
    return max(product.on_hand - product.reserved, ZERO)


def first_due(orders):
    """Who is served first from short stock: the earliest due date (orders without one
    last), then the oldest order."""
    return sorted(orders, key=lambda o: (o.due is None, o.due or date.min, o.created_at, o.id))


def reserve_for(
    session: Session, user: User, orders: list[Order], shipped: dict[int, dict[int, Decimal]]
) -> None:
    """Reserve the goods of the sales orders as far as stock is free, earliest due first:
    what an order cannot reserve is its shortfall, filled later from receipts (`shipped`:
    per order id, per product id, what it has shipped already)."""
    needs = {order.id: _goods_needed(order, shipped.get(order.id, {})) for order in orders}
    products = lock_products(session, {pid for need in needs.values() for pid in need})
    ledger = _Ledger(session, user, "reserve")
    for order in first_due(orders):
        ledger.document = order.number
        for pid, qty in needs[order.id].items():
            take = min(qty, free(products[pid]))
            if take > 0:
                ledger.move(products[pid], order, reserved=take)
    ledger.write()


def outstanding_reservations(
    session: Session, orders: list[Order]
) -> dict[int, dict[int, Decimal]]:
    """Per order id, per product id: what the order still holds reserved."""
    held: dict[int, dict[int, Decimal]] = defaultdict(dict)
    rows = session.execute(*picked(_RESERVATIONS, "ids", (o.id for o in orders)))
    for order_id, pid, qty in rows:
        if qty:
            held[order_id][pid] = qty
    return held


def release_for(session: Session, user: User, orders: list[Order]) -> set[int]:
    """Give back whatever the orders still hold reserved; the products that got stock free."""
    held = outstanding_reservations(session, orders)
    products = lock_products(session, {pid for per in held.values() for pid in per})
    ledger = _Ledger(session, user, "release")
    for order in orders:
        ledger.document = order.number
        for pid, qty in held.get(order.id, {}).items():
            ledger.move(products[pid], order, reserved=-qty)
    ledger.write()
    return set(products)


def held_by(session: Session, order: Order) -> dict[int, Decimal]:
    """Per product id: what one order holds reserved. Asked again before the ledger moves
    (a shipment weighs its room, then issues), it costs no second statement."""
    read = session.info.get(_HELD)
    if read is None or read[0] != order.id:
        read = session.info[_HELD] = (
            order.id,
            outstanding_reservations(session, [order]).get(order.id, {}),
        )
    return read[1]


def room_to_ship(session: Session, order: Order) -> dict[int, Decimal]:
    """Per product of the order: the most it may ship now, its own reservation plus what
    nobody holds (the products are locked from here on)."""
    goods = {line.product_id for line in order.lines if not line.product.is_service}
    products = lock_products(session, goods)
    held = held_by(session, order)
    return {pid: held.get(pid, ZERO) + free(products[pid]) for pid in goods}


def issue(
    session: Session,
    user: User,
    order: Order,
    quantities: dict[int, Decimal],
    document: str | None = None,
) -> None:
    """Goods leave the warehouse for a shipment; their reservation is used up. An order
    ships at most what it holds plus what nobody holds: never goods reserved for another."""
    products = lock_products(session, set(quantities))
    held = held_by(session, order)
    room = {pid: held.get(pid, ZERO) + free(products[pid]) for pid in quantities}
    short = [(products[pid], qty, room[pid]) for pid, qty in quantities.items() if qty > room[pid]]
    if short:
        zh = "；".join(
            f"{p.sku} 要发 {q:f}，现在只能发 {r:f}（缺货 {q - r:f}）" for p, q, r in short
        )
        en = "; ".join(
            f"{p.sku} ships {q:f}, only {r:f} can ship now ({q - r:f} short)" for p, q, r in short
        )
        raise ValidationError(f"库存不足，无法发货：{zh}。", f"Not enough stock to ship: {en}.")
    ledger = _Ledger(session, user, "issue", document)
    for pid, qty in quantities.items():
        ledger.move(products[pid], order, on_hand=-qty, reserved=-min(qty, held.get(pid, ZERO)))
    ledger.write()


def receive_goods(
    session: Session,
    user: User,
    order: Order,
    quantities: dict[int, Decimal],
    document: str | None = None,
) -> None:
    products = lock_products(session, set(quantities))
    ledger = _Ledger(session, user, "receipt", document)
    for pid, qty in quantities.items():
        ledger.move(products[pid], order, on_hand=qty)
    ledger.write()


def fill(
    session: Session,
    user: User,
    wanted: list[tuple[int, int, Decimal]],
    document: str | None,
) -> list[tuple[int, int, Decimal]]:
    """Reserve for waiting orders, in the order given ((order id, product id, short)), as
    far as stock is free; what each got, as (order id, product id, quantity)."""
    products = lock_products(session, {pid for _, pid, _ in wanted})
    ledger = _Ledger(session, user, "fill", document)
    got = []
    for order_id, pid, short in wanted:
        take = min(short, free(products[pid]))
        if take > 0:
            ledger.move(products[pid], order_id, reserved=take)
            got.append((order_id, pid, take))
    ledger.write()
    return got


def follow(session: Session, user: User, order: Order, wanted: dict[int, Decimal]) -> set[int]:
    """After an amendment: the order's reservation follows `wanted` per product (what is
    still to ship). Less gives stock back; more takes what nobody holds, and the rest is a
    shortfall filled later, like any backorder. The products that got stock free."""
    held = outstanding_reservations(session, [order]).get(order.id, {})
    deltas = {
        pid: wanted.get(pid, ZERO) - held.get(pid, ZERO)
        for pid in set(wanted) | set(held)
        if wanted.get(pid, ZERO) != held.get(pid, ZERO)
    }
    products = lock_products(session, set(deltas))
    ledger = _Ledger(session, user, "amend", order.number)
    for pid, qty in sorted(deltas.items()):
        take = qty if qty < 0 else min(qty, free(products[pid]))
        if take:
            ledger.move(products[pid], order, reserved=take)
    ledger.write()
    return {pid for pid, qty in deltas.items() if qty < 0}
