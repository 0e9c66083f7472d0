"""What the order window lists: a page of orders at a time, filtered and sorted in the database.

A role's queue ("my work") is the orders waiting at nodes whose next step that
role owns, read from each workflow version, so an admin's changes to owners
apply without code.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from db.models import Order, Party, User

from . import queries, workflow
from .errors import PermissionDenied
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


@dataclass(frozen=True)
class ListQuery:
    kind: str | None = None
    status: str | None = None
    party: str | None = None
    text: str | None = None
    overdue: bool = False
    created_from: date | None = None
    created_to: date | None = None
    queue_of: str | None = None  # a role: only orders waiting for that role
    sort: str = "created"
    descending: bool = True


def queue_clause(session: Session, role: str):
    """Orders at a node whose next step `role` owns, in whichever workflow version they run."""
    parts = []
    for spec in workflow.all_specs(session):
        nodes = [code for code in spec.order if spec.owner_of(code) == role]
        if nodes:
            parts.append(and_(Order.workflow_id == spec.id, Order.status.in_(nodes)))
    return or_(*parts) if parts else false()


def matching(session: Session, q: ListQuery) -> Select:
    """The orders the list shows for `q`, as a query to page, count or export."""
    query = queries.filtered(
        session,
        OrderFilter(kind=q.kind, status=q.status, party=q.party, text=q.text, overdue=q.overdue),
    )
    if q.created_from:
        query = query.where(Order.created_at >= datetime.combine(q.created_from, time.min))
    if q.created_to:
        query = query.where(
            Order.created_at < datetime.combine(q.created_to + timedelta(days=1), time.min)
        )
    if q.queue_of:
        query = query.where(queue_clause(session, q.queue_of))
    return query


def count(session: Session, q: ListQuery) -> int:
    query = matching(session, q).order_by(None).with_only_columns(func.count(Order.id))
    return session.scalar(query)


def page(session: Session, q: ListQuery, offset: int, limit: int, lang: str = "zh") -> list[dict]:
    """Rows `offset` to `offset + limit` of the list, as order summaries plus the last change."""
    column = SORTS[q.sort]
    direction = (column.desc(), Order.id.desc()) if q.descending else (column.asc(), Order.id)
    query = matching(session, q).order_by(None)
    if q.sort == "party":
        query = query.join(Party, Party.id == Order.party_id)
    orders = list(session.scalars(query.order_by(*direction).offset(offset).limit(limit)))
    rows = queries.order_rows(session, orders, lang)
    for row, order in zip(rows, orders, strict=True):
        row["updated_at"] = order.updated_at
    return rows


def home_queue(user: User) -> str | None:
    """The role whose queue a user starts on; an admin owns no step and starts on all orders."""
    return None if user.role == "admin" else user.role


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
