"""Reading orders: the order list with its filters, one order in full, stock, and lateness."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from db.models import Event, Order, Party, Payment, Shipment, StockMove, User

from . import backorders, lateness, shipments, workflow
from .clock import stamp, utcnow
from .errors import ValidationError
from .kinds import KINDS
from .linked import linked_documents
from .masterdata import list_products
from .progress import Progress, progress_of_orders

PAGE = 500
ZERO = Decimal(0)


@dataclass(frozen=True)
class OrderFilter:
    """Which orders a list shows (the window's, the command line's, an export), in what order."""

    kind: str | None = None
    status: str | None = None
    overdue: bool = False
    party: str | None = None
    text: str | None = None
    statuses: tuple[str, ...] | None = None
    created_from: date | None = None
    created_to: date | None = None
    queue_of: frozenset[str] | None = None  # roles: only orders waiting for one of them
    among: Select | None = None  # only the orders whose ids this selects (a dashboard figure's)
    sort: str = "created"  # a key of app.worklist.SORTS; `filtered` is always newest first
    descending: bool = True


def check_filter(session: Session, f: OrderFilter) -> OrderFilter:
    """A filter typed by a person: an unknown kind or node is an error naming the valid
    ones, not an empty list that looks like "no such orders"."""
    if f.kind and f.kind not in KINDS:
        known = ", ".join(KINDS)
        raise ValidationError(
            f"没有订单类型“{f.kind}”。可用类型：{known}。",
            f"There is no order kind '{f.kind}'. Kinds: {known}.",
        )
    if f.status:
        nodes = dict.fromkeys(code for spec in workflow.all_specs(session) for code in spec.order)
        if f.status not in nodes:
            known = ", ".join(nodes)
            raise ValidationError(
                f"没有节点“{f.status}”。可用节点：{known}。",
                f"There is no node '{f.status}'. Nodes: {known}.",
            )
    return f


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def queue_clause(session: Session, roles: frozenset[str]):
    """Orders at a node whose next step one of `roles` owns, in whichever workflow version
    they run."""
    parts = []
    for spec in workflow.all_specs(session):
        nodes = [code for code in spec.order if spec.owner_of(code) in roles]
        if nodes:
            parts.append(and_(Order.workflow_id == spec.id, Order.status.in_(nodes)))
    return or_(*parts) if parts else false()


def filtered(session: Session, f: OrderFilter, now: datetime | None = None) -> Select:
    """The orders matching the filter, newest first, as a query to page or count."""
    query = select(Order)
    if f.kind:
        query = query.where(Order.kind == f.kind)
    if f.status:
        query = query.where(Order.status == f.status)
    if f.statuses is not None:
        query = query.where(Order.status.in_(f.statuses))
    if f.party:
        query = query.where(Order.party_id.in_(select(Party.id).where(Party.name == f.party)))
    if f.text and f.text.strip():
        pattern = _like(f.text.strip())
        # SQLite's LIKE already ignores ASCII case; its ILIKE (lower() on both sides) is slower.
        match = "like" if session.get_bind().dialect.name == "sqlite" else "ilike"
        query = query.where(
            or_(
                getattr(Order.number, match)(pattern, escape="\\"),
                Order.party_id.in_(
                    select(Party.id).where(getattr(Party.name, match)(pattern, escape="\\"))
                ),
                Order.id.in_(
                    select(Shipment.order_id).where(
                        getattr(Shipment.tracking_no, match)(pattern, escape="\\")
                    )
                ),
            )
        )
    if f.overdue:
        query = query.where(lateness.overdue_clause(session, now))
    if f.created_from:
        query = query.where(Order.created_at >= datetime.combine(f.created_from, time.min))
    if f.created_to:
        query = query.where(
            Order.created_at < datetime.combine(f.created_to + timedelta(days=1), time.min)
        )
    if f.queue_of:
        query = query.where(queue_clause(session, f.queue_of))
    if f.among is not None:
        query = query.where(Order.id.in_(f.among))
    return query.order_by(Order.created_at.desc(), Order.id.desc())


def list_orders(
    session: Session, f: OrderFilter, *, limit: int | None = None, offset: int = 0
) -> list[Order]:
    query = filtered(session, f).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.scalars(query))


def count_by_status(session: Session, kind: str | None = None) -> dict[str, int]:
    query = select(Order.status, func.count()).group_by(Order.status)
    if kind:
        query = query.where(Order.kind == kind)
    return dict(session.execute(query).all())


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _qty(value: Decimal) -> str:
    return format(value.normalize(), "f")


def order_summary(
    session: Session,
    order: Order,
    progress: Progress,
    lang: str = "zh",
    now: datetime | None = None,
) -> dict:
    spec = workflow.spec_for(session, order)
    node = spec.node(order.status)
    late = lateness.assessor(session, now).of(order)
    return {
        "number": order.number,
        "kind": order.kind,
        "kind_label": KINDS[order.kind].title(lang),
        # Which progress tells how far its goods are: shipping or receiving.
        "goods_fact": "receive" if spec.nodes_allowing("receive") else "ship",
        "status": order.status,
        "status_label": node.label(lang),
        "status_color": node.color,
        "party": order.party.name,
        "currency": order.currency,
        "total": _money(order.total),
        "paid": _money(progress.paid),
        "due": order.due.isoformat() if order.due else None,
        "overdue": bool(late and late.late),
        "version": order.version,
        "owner_roles": [owner] if (owner := spec.owner_of(order.status)) else [],
        "status_since": stamp(order.status_since),
        "progress": {
            "shipped_pct": progress.shipped_pct,
            "received_pct": progress.received_pct,
            "paid_pct": progress.paid_pct,
        },
    } | lateness.words(session, order, late, lang)


def order_rows(session: Session, orders: list[Order], lang: str = "zh") -> list[dict]:
    """Summaries of many orders, their progress read a page at a time."""
    return [row for row, _ in _summaries(session, orders, lang)]


def _summaries(session: Session, orders: list[Order], lang: str) -> list[tuple[dict, Progress]]:
    now = utcnow()
    result = []
    for start in range(0, len(orders), PAGE):
        page = orders[start : start + PAGE]
        progress = progress_of_orders(session, page)
        parents, children = _links(session, page)
        waiting = [o.id for o in page if backorders.is_waiting(session, o)]
        short = backorders.short_by_order(session, waiting)
        for order in page:
            row = order_summary(session, order, progress[order.id], lang, now)
            row["parent"] = parents.get(order.parent_id)
            row["children"] = children.get(order.id, [])
            # What the order waits for beyond its reservations (缺货), in all its goods.
            row["short"] = _qty(sum(short.get(order.id, {}).values(), ZERO))
            result.append((row, progress[order.id]))
    return result


def _links(session: Session, orders: list[Order]) -> tuple[dict[int, str], dict[int, list[str]]]:
    """Numbers of the orders' parents (by parent id) and children (by order id)."""
    parent_ids = {o.parent_id for o in orders if o.parent_id is not None}
    parents = (
        dict(session.execute(select(Order.id, Order.number).where(Order.id.in_(parent_ids))).all())
        if parent_ids
        else {}
    )
    children: dict[int, list[str]] = {}
    for parent_id, number in session.execute(
        select(Order.parent_id, Order.number)
        .where(Order.parent_id.in_([o.id for o in orders]))
        .order_by(Order.id)
    ):
        children.setdefault(parent_id, []).append(number)
    return parents, children


def order_detail(session: Session, order: Order, lang: str = "zh") -> dict:
    """Everything about one order: lines, progress, shipments, payments, links, events."""
    [(detail, progress)] = _summaries(session, [order], lang)
    detail["note"] = order.note
    at_list = workflow.list_value_and_discount(order)
    if at_list is not None:  # what the approver weighs beside the total
        detail["list_value"], detail["discount_pct"] = _money(at_list[0]), str(at_list[1])
    short_of_line = backorders.line_shortfalls(order, _short_of(session, order))
    detail["lines"] = [
        {
            "sku": line.product.sku,
            "name": line.product.name,
            "service": line.product.is_service,
            "qty": _qty(line.qty),
            "unit_price": _money(line.unit_price),
            "shipped_qty": _qty(progress.lines[line.id].shipped),
            "received_qty": _qty(progress.lines[line.id].received),
            "returned_qty": _qty(progress.lines[line.id].returned),
            "short_qty": _qty(short_of_line.get(line.id, ZERO)),
        }
        for line in order.lines
    ]
    detail["shipments"] = [
        {
            "number": s.number,
            "carrier": s.carrier,
            "tracking_no": s.tracking_no,
            "shipped_at": stamp(s.shipped_at),
            "delivered_at": stamp(s.delivered_at),
            **shipments.state_row(s, lang),
            "trouble_at": stamp(s.trouble_at),
        }
        for s in order.shipments
    ]
    detail["exception"] = any(
        s["state"] in shipments.TROUBLE_NAMES and not s["resolution"] for s in detail["shipments"]
    )
    detail["receipts"] = _receipt_rows(session, order)
    detail["payments"] = [
        {
            "amount": _money(p.amount),
            "method": p.method,
            "reference": p.reference,
            "paid_at": stamp(p.paid_at),
        }
        for p in session.scalars(
            select(Payment).where(Payment.order_id == order.id).order_by(Payment.id)
        )
    ]
    detail["events"] = [event_row(e) for e in order_events(session, order)]
    # Its own version's names: the events' nodes may have been renamed in later versions.
    spec = workflow.spec_for(session, order)
    detail["node_labels"] = {code: node.label(lang) for code, node in spec.nodes.items()}
    detail.update(linked_documents(session, order, lang))
    return detail


def _short_of(session: Session, order: Order) -> dict[int, Decimal]:
    if not backorders.is_waiting(session, order):
        return {}
    return backorders.short_by_order(session, [order.id]).get(order.id, {})


def _receipt_rows(session: Session, order: Order) -> list[dict]:
    """The goods receipts of a purchase: when, by whom, what came in."""
    sku_of = {line.id: line.product.sku for line in order.lines}
    people = {r.received_by_id for r in order.receipts}
    names = dict(session.execute(select(User.id, User.name).where(User.id.in_(people))).all())
    return [
        {
            "number": r.number,
            "received_at": stamp(r.received_at),
            "received_by": names.get(r.received_by_id, ""),
            "lines": [{"sku": sku_of[rl.order_line_id], "qty": _qty(rl.qty)} for rl in r.lines],
        }
        for r in order.receipts
    ]


def order_events(session: Session, order: Order) -> list[Event]:
    return list(session.scalars(select(Event).where(Event.order_id == order.id).order_by(Event.id)))


def event_row(event: Event) -> dict:
    before, after = event.before or {}, event.after or {}
    return {
        "at": stamp(event.at),
        "user": event.user_name,
        "action": event.action,
        "from": before.get("status"),
        "to": after.get("status") if event.action == "transition" else None,
        "comment": event.comment,
        "details": after,
    }


def product_rows(session: Session) -> list[dict]:
    return [
        {
            "sku": p.sku,
            "name": p.name,
            "price": _money(p.price),
            "service": p.is_service,
            "on_hand": _qty(p.on_hand),
            "reserved": _qty(p.reserved),
            "available": _qty(p.on_hand - p.reserved),
        }
        for p in list_products(session)
    ]


def stock_ledger_totals(session: Session) -> dict[int, tuple[Decimal, Decimal]]:
    """Per product, the ledger's sums (on hand, reserved): they must equal the balances."""
    rows = session.execute(
        select(
            StockMove.product_id,
            func.sum(StockMove.on_hand_delta),
            func.sum(StockMove.reserved_delta),
        ).group_by(StockMove.product_id)
    )
    return {pid: (on_hand, reserved) for pid, on_hand, reserved in rows}
