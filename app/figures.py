"""Sales and purchase figures, net of the changes made after ordering.

Each order counts as first ordered, on the day it was created; each amendment counts its
difference on its own day; kinds that take goods back (returns) count against their side.
So a month's figures stay true when a customer changes an order the next month: the first
month keeps what was ordered then, the next one shows the change.

The net of a side is the sum of its terms; each term is one query below (`TERMS`), and
another kind of change document adds one more.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.orm import Session

from db.models import Amendment, Order, User

from . import workflow
from .kinds import KINDS
from .price_visibility import require_prices_visible

ZERO = Decimal(0)
SIDES = {"customer": "sales", "supplier": "purchase"}


@dataclass(frozen=True)
class Period:
    since: datetime | None  # inclusive, UTC
    until: datetime | None  # exclusive, UTC

    @classmethod
    def of_days(cls, first: date | None, last: date | None) -> Period:
        return cls(
            datetime.combine(first, time()) if first else None,
            datetime.combine(last + timedelta(days=1), time()) if last else None,
        )

    def holds(self, column):
        return and_(
            column >= self.since if self.since else True,
            column < self.until if self.until else True,
        )


def _counted(session: Session):
    """Orders that count: neither still a draft nor called off."""
    excluded = [
        and_(Order.workflow_id == spec.id, Order.status.in_([spec.initial, spec.void]))
        for spec in workflow.all_specs(session)
    ]
    return not_(or_(*excluded)) if excluded else True


# Amendments the owner rejected were undone: they changed nothing.
_standing = Amendment.rejected_at.is_(None)


def _ordered(session: Session, period: Period) -> dict[str, Decimal]:
    """Per kind: what the counted orders created in the period said when first ordered
    (their total now, less every amendment since)."""
    now = dict(
        session.execute(
            select(Order.kind, func.sum(Order.total))
            .where(_counted(session), period.holds(Order.created_at))
            .group_by(Order.kind)
        ).all()
    )
    changed = dict(
        session.execute(
            select(Order.kind, func.sum(Amendment.total_after - Amendment.total_before))
            .join(Order, Order.id == Amendment.order_id)
            .where(_counted(session), period.holds(Order.created_at), _standing)
            .group_by(Order.kind)
        ).all()
    )
    return {kind: Decimal(now[kind]) - Decimal(changed.get(kind) or 0) for kind in now}


def _amended(session: Session, period: Period) -> dict[str, Decimal]:
    """Per kind: the differences of the amendments made in the period, to counted orders."""
    return {
        kind: Decimal(value or 0)
        for kind, value in session.execute(
            select(Order.kind, func.sum(Amendment.total_after - Amendment.total_before))
            .join(Order, Order.id == Amendment.order_id)
            .where(_counted(session), period.holds(Amendment.created_at), _standing)
            .group_by(Order.kind)
        ).all()
    }


# Each term: its name and, per kind, its amount in a period.
TERMS: tuple[tuple[str, Callable[[Session, Period], dict[str, Decimal]]], ...] = (
    ("ordered", _ordered),
    ("amended", _amended),
)


def net_figures(
    session: Session, user: User, first: date | None = None, last: date | None = None
) -> dict:
    """Per side (sales, purchase): each term and the net, over the days first..last."""
    require_prices_visible(session, user)
    period = Period.of_days(first, last)
    sides: dict[str, dict[str, Decimal]] = {
        side: defaultdict(lambda: ZERO) for side in SIDES.values()
    }
    for name, term in TERMS:
        for kind, value in term(session, period).items():
            order_kind = KINDS[kind]
            # What takes goods back is its own term of its side: "returned", negative.
            label = name if order_kind.figures_sign > 0 else "returned"
            side = sides[SIDES[order_kind.party_kind]]
            side[label] += order_kind.figures_sign * value
    result = {}
    for side, terms in sides.items():
        row = {name: terms[name] for name in ("ordered", "amended", "returned")}
        row["net"] = sum(row.values(), ZERO)
        result[side] = {name: f"{value:.2f}" for name, value in row.items()}
    return result
