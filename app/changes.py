"""Telling other desktops that orders changed.

On PostgreSQL every committed order change sends a NOTIFY on CHANNEL with the
order number; on SQLite other desktops poll `PRAGMA data_version` instead.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Order

CHANNEL = "ordertrail_orders"


def announce(session: Session, order: Order) -> None:
    """Queue a notice for `order`; PostgreSQL delivers it only if the transaction commits."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(select(func.pg_notify(CHANNEL, order.number)))
