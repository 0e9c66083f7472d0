"""Backorders: sales orders placed beyond stock, and filling them as goods come in.

An order whose goods wait to ship (a kind that delivers goods, at a node of its
workflow that allows shipping) holds reservations; what it still has to ship beyond
them is its shortfall (缺货). Nothing is stored for it: the order lines, the
shipments and the reservations in the stock ledger say it, in one query for any set
of orders or products. When a receipt brings goods in (or a cancelled order frees
them), the waiting orders are filled earliest due date first, then oldest order;
each filled order gets an event in its timeline, and the warehouse (the role owning
the order's next step) and purchasing are told.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from sqlalchemy import and_, bindparam, false, func, or_, select, true
from sqlalchemy.orm import Session

from db.models import Order, OrderLine, Product, ShipmentLine, StockMove, User

from . import audit, changes, stock, workflow
from .clock import utcnow
from .kinds import KINDS

ZERO = Decimal(0)
# Told, besides the role that owns the order's next step, when a backorder can be filled.
ALSO_TOLD = ("purchasing",)
NOTICE = "backorder"
RESERVING = "reserve_stock"  # the workflow effect that reserves an order's goods
SHIPPED_IN_FULL = "all_shipped"  # the guard of a node reached only once all goods went

_orders, _lines, _products = Order.__table__, OrderLine.__table__, Product.__table__
_shipped, _moves = ShipmentLine.__table__, StockMove.__table__
DELIVERING = tuple(code for code, kind in KINDS.items() if kind.delivery_notes)


def holding_nodes(spec: workflow.WorkflowSpec) -> frozenset[str]:
    """The nodes at which an order holds reservations or waits for goods: from the steps
    that reserve stock on, going forward, until the order counts as fulfilled (its goods
    have all gone by then)."""
    found = {t.target for t in spec.transitions if t.effect == RESERVING}
    todo = list(found)
    while todo:
        for t in spec.leaving(todo.pop()):
            if t.forward and t.target not in found:
                found.add(t.target)
                todo.append(t.target)
    # Where every way in requires all goods shipped, nothing is held or short any more.
    return frozenset(
        code
        for code in found
        if spec.is_before_fulfilment(code) and SHIPPED_IN_FULL not in spec.invariants(code)
    )


# Workflow versions never change once stored (each is read once, see workflow.spec_by_id):
# the statements reading shortfalls, built from them, are built once per set of versions
# (building one took longer than a receipt's every other step together).
_BUILT: dict[tuple, object] = {}


def _built(session: Session, purpose: str, build):
    key = (tuple(workflow.all_specs(session)), purpose)
    statement = _BUILT.get(key)
    if statement is None:
        statement = _BUILT[key] = build()
    return statement


def waiting_clause(session: Session):
    """Orders whose goods are reserved or waited for, in whichever workflow version."""
    parts = [
        and_(_orders.c.workflow_id == spec.id, _orders.c.status.in_(sorted(nodes)))
        for spec in workflow.specs_of_kinds(session, DELIVERING)
        if (nodes := holding_nodes(spec))
    ]
    return and_(_orders.c.kind.in_(DELIVERING), or_(*parts)) if parts else false()


def is_waiting(session: Session, order: Order) -> bool:
    spec = workflow.spec_for(session, order)
    return order.kind in DELIVERING and order.status in holding_nodes(spec)


def _shortages(session: Session, *conditions):
    """Per waiting order and product: what is still to ship beyond what it holds reserved
    (rows of order id, product id, short), for the orders the conditions pick."""
    shipped = (
        select(func.coalesce(func.sum(_shipped.c.qty), 0))
        .where(_shipped.c.order_line_id == _lines.c.id)
        .scalar_subquery()
    )
    needs = (
        select(
            _lines.c.order_id,
            _lines.c.product_id,
            func.sum(_lines.c.qty - shipped).label("need"),
        )
        .select_from(
            _lines.join(_orders, _orders.c.id == _lines.c.order_id).join(
                _products, _products.c.id == _lines.c.product_id
            )
        )
        .where(_products.c.is_service == false(), waiting_clause(session), *conditions)
        .group_by(_lines.c.order_id, _lines.c.product_id)
        .subquery()
    )
    held = (
        select(func.coalesce(func.sum(_moves.c.reserved_delta), 0))
        .where(_moves.c.order_id == needs.c.order_id, _moves.c.product_id == needs.c.product_id)
        .scalar_subquery()
    )
    short = (needs.c.need - held).label("short")
    return select(needs.c.order_id, needs.c.product_id, short).where(needs.c.need - held > 0)


def short_by_order(session: Session, order_ids: list[int]) -> dict[int, dict[int, Decimal]]:
    """Per order id, per product id: the order's shortfall (only orders that are short)."""
    result: dict[int, dict[int, Decimal]] = defaultdict(dict)
    if order_ids:
        query = _built(
            session,
            "by order",
            lambda: _shortages(session, _orders.c.id.in_(bindparam("ids", expanding=True))),
        )
        rows = session.execute(query, {"ids": list(order_ids)})
        for order_id, pid, short in rows:
            result[order_id][pid] = Decimal(short)
    return result


def short_by_product(session: Session) -> dict[int, Decimal]:
    """Per product id: what all waiting orders together are short of it."""

    def build():
        rows = _shortages(session, true()).subquery()
        return select(rows.c.product_id, func.sum(rows.c.short)).group_by(rows.c.product_id)

    query = _built(session, "by product", build)
    return {pid: Decimal(short) for pid, short in session.execute(query)}


def short_by_product_of(session: Session, product_id: int) -> dict[int, Decimal]:
    """Per order id: what each waiting order is short of one product."""
    query = _built(
        session, "of product", lambda: _shortages(session, _lines.c.product_id == bindparam("pid"))
    )
    rows = session.execute(query, {"pid": product_id})
    return {order_id: Decimal(short) for order_id, _, short in rows}


def line_shortfalls(order: Order, short: dict[int, Decimal]) -> dict[int, Decimal]:
    """The order's shortfall per line (line id): a product's reservation covers its first
    lines, so what is short sits on its last ones."""
    left = dict(short)
    result = {}
    for line in reversed(order.lines):
        take = min(left.get(line.product_id, ZERO), line.qty)
        if take > 0:
            result[line.id] = take
            left[line.product_id] -= take
    return result


def _shown(value: Decimal) -> str:
    return format(value.normalize(), "f") if value else "0"


# --- filling ------------------------------------------------------------------------------


def fill(
    session: Session,
    user: User,
    product_ids: set[int],
    document: str | None,
    *,
    besides: set[int] = frozenset(),
) -> list[int]:
    """Give free stock of these products to the orders short of them, earliest due date
    first, then oldest order (not to the orders `besides`); the ids of the orders filled."""
    if not product_ids:
        return []

    def build():
        short = _shortages(
            session, _lines.c.product_id.in_(bindparam("pids", expanding=True))
        ).subquery()
        return select(short, _orders.c.due, _orders.c.created_at).join(
            _orders, _orders.c.id == short.c.order_id
        )

    rows = session.execute(_built(session, "fill", build), {"pids": sorted(product_ids)}).all()
    return _filled(session, user, rows, document, besides)


def _filled(session, user, rows, document, besides) -> list[int]:
    waiting = [row for row in rows if row.order_id not in besides]
    if not waiting:
        return []
    waiting.sort(key=lambda r: (r.due is None, str(r.due or ""), r.created_at, r.order_id))
    got = stock.fill(
        session, user, [(r.order_id, r.product_id, Decimal(r.short)) for r in waiting], document
    )
    if not got:
        return []
    short = {(r.order_id, r.product_id): Decimal(r.short) for r in waiting}
    per_order: dict[int, list[tuple[int, Decimal, Decimal]]] = defaultdict(list)
    for order_id, pid, qty in got:
        per_order[order_id].append((pid, qty, short[(order_id, pid)] - qty))
    _tell(session, user, per_order, document)
    return list(per_order)


def _tell(
    session: Session,
    user: User,
    per_order: dict[int, list[tuple[int, Decimal, Decimal]]],
    document: str | None,
) -> None:
    """Each filled order's timeline says what it got; its warehouse and purchasing hear."""
    pids = {pid for got in per_order.values() for pid, _, _ in got}
    products = stock.lock_products(session, pids)
    orders = list(session.scalars(select(Order).where(Order.id.in_(list(per_order)))))
    now, notices = utcnow(), []
    for order in sorted(orders, key=lambda o: o.id):
        lines = [[products[pid].sku, qty, still] for pid, qty, still in per_order[order.id]]
        audit.record_on_order(
            session,
            user.name,
            order,
            "backorder_filled",
            after={"document": document, "lines": [[sku, qty] for sku, qty, _ in lines]},
        )
        params = {
            "number": order.number,
            "party": order.party.name,
            "document": document or "",
            "lines": [[sku, _shown(qty), _shown(still)] for sku, qty, still in lines],
        }
        owner = workflow.spec_for(session, order).owner_of(order.status)
        notices.extend(
            {
                "at": now,
                "recipient_role": role,
                "recipient_user_id": None,
                "order_id": order.id,
                "kind": NOTICE,
                "params": params,
            }
            for role in dict.fromkeys(r for r in (owner, *ALSO_TOLD) if r)
        )
    changes.announce(session, orders)
    if notices:
        from .outbox import enqueue  # the outbox words notices, which reads workflows

        enqueue(session, notices)


# --- the stock effects that may free goods for waiting orders ----------------------------


def receive(
    session: Session,
    user: User,
    order: Order,
    quantities: dict[int, Decimal],
    document: str | None = None,
) -> None:
    """Goods of a purchase come in; the orders waiting for them are filled from them."""
    stock.receive_goods(session, user, order, quantities, document)
    fill(session, user, set(quantities), document)


def release(session: Session, user: User, orders: list[Order]) -> None:
    """Cancelled orders give back their reservations, which go to the orders waiting."""
    freed = stock.release_for(session, user, orders)
    source = orders[0].number if len(orders) == 1 else None
    fill(session, user, freed, source, besides={order.id for order in orders})


def follow(session: Session, user: User, order: Order, wanted: dict[int, Decimal]) -> None:
    """An amended order's reservation follows what it still has to ship; what it gives back
    goes to the orders waiting."""
    freed = stock.follow(session, user, order, wanted)
    fill(session, user, freed, order.number, besides={order.id})
