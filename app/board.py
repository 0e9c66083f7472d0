"""What the wall display (数字大屏) shows: today's shipments to make, late orders, orders per
node. Counts and order numbers only, no prices: the board hangs where anyone can read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import Session

from db.models import Order, Party, User

from . import dashboard, workflow
from .clock import utcnow
from .dashboard import Figure

SHOWN = 8  # orders listed under each count: what fits in large type


@dataclass(frozen=True)
class BoardOrder:
    number: str
    party: str
    node: str
    due: date | None
    waiting_hours: float  # since it reached its node


@dataclass(frozen=True)
class Board:
    at: datetime
    to_ship: int
    to_ship_first: list[BoardOrder]
    late: int
    late_first: list[BoardOrder]
    by_node: list[Figure]


def to_ship_clause(session: Session, today: date):
    """Orders waiting where their goods may ship, due today or earlier or without a date."""
    parts = [
        and_(Order.workflow_id == spec.id, Order.status.in_(spec.nodes_allowing("ship")))
        for spec in workflow.all_specs(session)
        if spec.nodes_allowing("ship")
    ]
    waiting = or_(*parts) if parts else false()
    return and_(waiting, or_(Order.due.is_(None), Order.due <= today))


def _counted(session: Session, where, order_by, now: datetime, lang: str):
    """How many orders match and the first SHOWN of them. Both are picked from the node index
    alone (it holds every column the conditions and the order ask); only the orders shown
    are read in full."""
    count = session.scalar(select(func.count(Order.id)).where(where)) or 0
    picked = session.scalars(select(Order.id).where(where).order_by(*order_by).limit(SHOWN)).all()
    if not picked:
        return 0, []
    rows = {
        row[0]: row[1:]
        for row in session.execute(
            select(
                Order.id,
                Order.number,
                Party.name,
                Order.workflow_id,
                Order.status,
                Order.due,
                Order.status_since,
            )
            .join(Party, Party.id == Order.party_id)
            .where(Order.id.in_(picked))
        )
    }
    shown = [
        BoardOrder(
            number,
            party,
            workflow.spec_by_id(session, wid).node(status).label(lang),
            due,
            round((now - since).total_seconds() / 3600, 1),
        )
        for number, party, wid, status, due, since in (rows[oid] for oid in picked)
    ]
    return int(count), shown


def read(session: Session, user: User, lang: str = "zh") -> Board:
    """The board for any signed-in account (a wall display's included): it only reads."""
    now = utcnow()
    to_ship, to_ship_first = _counted(
        session,
        to_ship_clause(session, now.date()),
        (Order.due.is_(None), Order.due, Order.status_since),
        now,
        lang,
    )
    late, late_first = _counted(
        session, dashboard.late_clause(session, now), (Order.status_since, Order.id), now, lang
    )
    return Board(
        at=now,
        to_ship=to_ship,
        to_ship_first=to_ship_first,
        late=late,
        late_first=late_first,
        by_node=dashboard.open_by_node(session, workflow.all_specs(session), lang),
    )
