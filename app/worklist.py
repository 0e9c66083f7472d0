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

from . import queries, workflow
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


def page(session: Session, q: OrderFilter, offset: int, limit: int, lang: str = "zh") -> list[dict]:
    """Rows `offset` to `offset + limit` of the list, as order summaries plus the last change."""
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


def node_labels(session: Session, lang: str = "zh") -> list[tuple[str, str]]:
    """Every node of the active workflows once; a code both share shows both labels."""
    labels: dict[str, list[str]] = {}
    for kind in dict.fromkeys(kind.workflow for kind in KINDS.values()):
        spec = workflow.active_workflow(session, kind)
        for code in spec.order:
            label = spec.node(code).label(lang)
            if label not in labels.setdefault(code, []):
                labels[code].append(label)
    return [(code, " / ".join(names)) for code, names in labels.items()]
