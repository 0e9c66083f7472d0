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


def _listed(session: Session, query, now: datetime, lang: str) -> list[BoardOrder]:
    rows = session.execute(
        query.with_only_columns(
            Order.number, Party.name, Order.workflow_id, Order.status, Order.due, Order.status_since
        )
        .join(Party, Party.id == Order.party_id)
        .limit(SHOWN)
    ).all()
    return [
        BoardOrder(
            number,
            party,
            workflow.spec_by_id(session, wid).node(status).label(lang),
            due,
            round((now - since).total_seconds() / 3600, 1),
        )
        for number, party, wid, status, due, since in rows
    ]


def read(session: Session, user: User, lang: str = "zh") -> Board:
    """The board for any signed-in account (a wall display's included): it only reads."""
    now = utcnow()
    to_ship = select(Order.id).where(to_ship_clause(session, now.date()))
    late = select(Order.id).where(dashboard.late_clause(session, now))
    return Board(
        at=now,
        to_ship=_count(session, to_ship),
        to_ship_first=_listed(
            session, to_ship.order_by(Order.due.is_(None), Order.due, Order.status_since), now, lang
        ),
        late=_count(session, late),
        late_first=_listed(session, late.order_by(Order.status_since, Order.id), now, lang),
        by_node=dashboard.open_by_node(session, workflow.all_specs(session), lang),
    )


def _count(session: Session, query) -> int:
    return int(session.scalar(query.order_by(None).with_only_columns(func.count(Order.id))) or 0)
