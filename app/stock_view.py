"""What the stock view shows: per product on hand, reserved, available, short and on
order, and the ledger of movements behind them, each with its document and who did it.

Every figure is read for all products at once, one query each (products, shortfalls,
open purchase lines), so the view costs the same with ten orders or a hundred thousand.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import and_, bindparam, false, func, or_, select
from sqlalchemy.orm import Session

from db.models import Order, OrderLine, Party, Product, ReceiptLine, StockMove, User

from . import backorders, workflow
from .clock import stamp
from .errors import NotFound
from .kinds import KINDS
from .roles import require

ZERO = Decimal(0)
LEDGER_ROWS = 200  # the newest movements of one product
MOVE_KINDS = {
    "opening": ("期初库存", "Opening stock"),
    "reserve": ("下单预留", "Reserved"),
    "fill": ("到货补足预留", "Backorder filled"),
    "release": ("取消释放", "Released"),
    "issue": ("发货出库", "Shipped"),
    "receipt": ("收货入库", "Received"),
}
BUYING = tuple(code for code, kind in KINDS.items() if kind.party_kind == "supplier")

# What each ledger row shows after its time, kind, document and person.
LEDGER_FIGURES = ("on_hand_delta", "reserved_delta", "on_hand_after", "reserved_after")
_orders, _lines, _received = Order.__table__, OrderLine.__table__, ReceiptLine.__table__


def qty(value: Decimal) -> str:
    return format(Decimal(value).normalize(), "f") if value else "0"


def open_purchase_clause(session: Session):
    """Purchase orders whose goods may still come (not yet received in full, nor called
    off; drafts count, so suggestions already drafted are not made twice), any version."""
    parts = [
        and_(_orders.c.workflow_id == spec.id, _orders.c.status.in_(nodes))
        for spec in workflow.specs_of_kinds(session, BUYING)
        if (nodes := [c for c in spec.order if spec.is_before_fulfilment(c)])
    ]
    return and_(_orders.c.kind.in_(BUYING), or_(*parts)) if parts else false()


def on_order_by_product(session: Session) -> dict[int, Decimal]:
    """Per product id: what open purchase lines still have to bring in."""
    received = (
        select(func.coalesce(func.sum(_received.c.qty), 0))
        .where(_received.c.order_line_id == _lines.c.id)
        .scalar_subquery()
    )
    left = func.sum(_lines.c.qty - received)
    # From the open orders (the node index) to their lines, not the other way.
    open_orders = select(_orders.c.id).where(open_purchase_clause(session))
    query = (
        select(_lines.c.product_id, left)
        .where(_lines.c.order_id.in_(open_orders))
        .group_by(_lines.c.product_id)
    )
    return {pid: Decimal(amount) for pid, amount in session.execute(query) if amount > 0}


def _row(product: Product, supplier: str | None, short: Decimal, on_order: Decimal) -> dict:
    available = product.on_hand - product.reserved
    return {
        "sku": product.sku,
        "name": product.name,
        "unit": product.unit,
        "on_hand": qty(product.on_hand),
        "reserved": qty(product.reserved),
        "available": qty(available),
        "short": qty(short),
        "on_order": qty(on_order),
        "min_stock": qty(product.min_stock),
        "below_min": available - short < product.min_stock,
        "supplier": supplier,
        "lead_time_days": product.lead_time_days,
    }


def require_may_see(user: User) -> None:
    require(user, "view_stock")


def stocked_products(session: Session, sku: str | None = None) -> list[tuple[Product, str | None]]:
    query = (
        select(Product, Party.name)
        .outerjoin(Party, Party.id == Product.supplier_id)
        .where(Product.is_service == false())
        .order_by(Product.sku)
    )
    if sku is not None:
        query = query.where(Product.sku == sku.strip())
    return [(product, supplier) for product, supplier in session.execute(query)]


def stock_rows(session: Session, user: User) -> list[dict]:
    """Every stocked product with its figures, by SKU."""
    require_may_see(user)
    short = backorders.short_by_product(session)
    on_order = on_order_by_product(session)
    return [
        _row(p, supplier, short.get(p.id, ZERO), on_order.get(p.id, ZERO))
        for p, supplier in stocked_products(session)
    ]


def product_stock(session: Session, user: User, sku: str, lang: str = "zh") -> dict:
    """One product's figures, the orders short of it and its ledger, newest first."""
    require_may_see(user)
    found = stocked_products(session, sku)
    if not found:
        raise NotFound(
            f"没有库存产品“{sku}”（服务项目没有库存）。",
            f"There is no stocked product '{sku}' (services have no stock).",
        )
    product, supplier = found[0]
    short = backorders.short_by_product_of(session, product.id)
    on_order = on_order_by_product(session).get(product.id, ZERO)
    row = _row(product, supplier, sum(short.values(), ZERO), on_order)
    query = select(Order.id, Order.number).where(Order.id.in_(list(short)))
    numbers = dict(session.execute(query).all())
    row["short_orders"] = [
        {"number": numbers[order_id], "short": qty(amount)} for order_id, amount in short.items()
    ]
    row["ledger"] = ledger(session, product, lang)
    return row


_LEDGER = (
    select(StockMove, Order.number, User.name)
    .outerjoin(Order, Order.id == StockMove.order_id)
    .join(User, User.id == StockMove.user_id)
    .where(StockMove.product_id == bindparam("product_id"))
    .order_by(StockMove.id.desc())
    .limit(bindparam("limit"))
)


def ledger(session: Session, product: Product, lang: str = "zh") -> list[dict]:
    """The product's newest movements, each with the balances after it (walked back from
    today's balances, which are the ledger's sums)."""
    rows = session.execute(_LEDGER, {"product_id": product.id, "limit": LEDGER_ROWS})
    on_hand, reserved = product.on_hand, product.reserved
    result = []
    for move, number, user_name in rows:
        zh, en = MOVE_KINDS.get(move.kind, (move.kind, move.kind))
        result.append(
            {
                "at": stamp(move.at),
                "kind": move.kind,
                "kind_label": en if lang == "en" else zh,
                "document": move.document or number or "",
                "order": number,
                "user": user_name,
                "on_hand_delta": qty(move.on_hand_delta),
                "reserved_delta": qty(move.reserved_delta),
                "on_hand_after": qty(on_hand),
                "reserved_after": qty(reserved),
            }
        )
        on_hand -= move.on_hand_delta
        reserved -= move.reserved_delta
    return result
