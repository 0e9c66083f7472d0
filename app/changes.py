"""Telling other desktops that orders changed.

On PostgreSQL every committed order change sends a NOTIFY on CHANNEL with the
order numbers, comma-separated; on SQLite other desktops poll `PRAGMA data_version` instead.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Order

CHANNEL = "ordertrail_orders"


# NOTIFY payloads must stay under 8000 bytes.
NUMBERS_PER_NOTICE = 200


def announce(session: Session, orders: list[Order]) -> None:
    """Queue notices naming the orders (comma-separated); PostgreSQL delivers them only if
    the transaction commits."""
    if session.get_bind().dialect.name != "postgresql":
        return
    numbers = [order.number for order in orders]
    for start in range(0, len(numbers), NUMBERS_PER_NOTICE):
        payload = ",".join(numbers[start : start + NUMBERS_PER_NOTICE])
        session.execute(select(func.pg_notify(CHANNEL, payload)))
