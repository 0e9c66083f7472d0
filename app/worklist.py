"""What the order window lists: a page of orders at a time, filtered and sorted in the
database, and the nodes to filter by.

A role's queue ("my work") is the orders waiting at nodes whose next step that
role owns, read from each workflow version, so an admin's changes to owners
apply without code.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Order, Party, User

from . import lateness, queries, workflow
from .errors import PermissionDenied
from .kinds import KINDS
from .price_visibility import require_prices_visible
from .queries import OrderFilter

SORTS = {
    "number": Order.number,
    "kind": Order.kind,
    "party": Party.name,
    "status": Order.status,
    "due": Order.due,
    "updated": Order.updated_at,
    "created": Order.created_at,
}


def count(session: Session, q: OrderFilter) -> int:
    query = queries.filtered(session, q).order_by(None).with_only_columns(func.count(Order.id))
    return session.scalar(query)


# Sorted by how late (most late first when descending), worked out in app/lateness.py.
LATE = "late"


def page(session: Session, q: OrderFilter, offset: int, limit: int, lang: str = "zh") -> list[dict]:
    """Rows `offset` to `offset + limit` of the list, as order summaries plus the last change."""
    if q.sort == LATE:
        orders = _by_lateness(session, q, offset, limit)
    else:
        column = SORTS[q.sort]
        direction = (column.desc(), Order.id.desc()) if q.descending else (column.asc(), Order.id)
        query = queries.filtered(session, q).order_by(None)
        if q.sort == "party":
            query = query.join(Party, Party.id == Order.party_id)
        orders = list(session.scalars(query.order_by(*direction).offset(offset).limit(limit)))
    rows = queries.order_rows(session, orders, lang)
    for row, order in zip(rows, orders, strict=True):
        row["updated_at"] = order.updated_at
    return rows


def _by_lateness(session: Session, q: OrderFilter, offset: int, limit: int) -> list[Order]:
    """A page of the list by how late: the orders some clock runs for, ranked from their
    columns in one query; after them, the orders without a clock, newest first."""
    judge = lateness.assessor(session)
    base = queries.filtered(session, q).order_by(None)
    timed = session.execute(
        base.where(judge.has_clock_clause()).with_only_columns(
            Order.id, Order.workflow_id, Order.status, Order.status_since, Order.due
        )
    ).all()
    scored = []
    for oid, workflow_id, status, since, due in timed:
        found = judge.assess(workflow_id, status, since, due)
        scored.append((found.hours if found else float("-inf"), oid))
    scored.sort(reverse=q.descending)
    ids = [oid for _, oid in scored[offset : offset + limit]]
    found_orders = {o.id: o for o in session.scalars(select(Order).where(Order.id.in_(ids)))}
    orders = [found_orders[oid] for oid in ids]
    if len(orders) < limit:
        rest = base.where(~judge.has_clock_clause()).order_by(
            Order.created_at.desc(), Order.id.desc()
        )
        skip = max(0, offset - len(scored))
        orders += session.scalars(rest.offset(skip).limit(limit - len(orders)))
    return orders


def home_queue(user: User) -> frozenset[str] | None:
    """The roles whose queues a user works on: all of theirs together. An admin owns no
    step; someone who is only an admin starts on all orders."""
    working = user.roles - {"admin"}
    return working or None


def sees_prices(session: Session, user: User) -> bool:
    """Whether the window shows this user prices and payments (one rule with printing)."""
    try:
        require_prices_visible(session, user)
    except PermissionDenied:
        return False
    return True


def party_names(session: Session, kind: str | None = None) -> list[str]:
    query = select(Party.name).order_by(Party.name)
    if kind:
        query = query.where(Party.kind == kind)
    return list(session.scalars(query))


def _labels_by_code(session: Session, lang: str) -> dict[str, list[str]]:
    labels: dict[str, list[str]] = {}
    for kind in dict.fromkeys(kind.workflow for kind in KINDS.values()):
        spec = workflow.active_workflow(session, kind)
        for code in spec.order:
            label = spec.node(code).label(lang)
            if label not in labels.setdefault(code, []):
                labels[code].append(label)
    return labels


def node_labels(session: Session, lang: str = "zh") -> list[tuple[str, str]]:
    """Every node of the active workflows once; a code both share shows both labels."""
    return [(code, " / ".join(names)) for code, names in _labels_by_code(session, lang).items()]


def each_node_label(session: Session, lang: str = "zh") -> list[str]:
    """Every label an order's node can show (one workflow's each), to size a column by."""
    return [label for names in _labels_by_code(session, lang).values() for label in names]
