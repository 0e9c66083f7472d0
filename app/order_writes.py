"""Writing changed orders: one statement for all orders changed alike, each row checked
against the version it was read at.

The unit of work writes a versioned row one statement at a time, with much bookkeeping
around it; a step of the workflow changes only a few columns of each order. Orders whose
changes are columns only (node, times, totals) are written here; any other change (their
lines, their party) is left to the unit of work, which checks the version the same way.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import bindparam, inspect
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError

from db.models import Order

_TABLE = Order.__table__
_COLUMNS = frozenset(attr.key for attr in inspect(Order).column_attrs) - {"id", "version"}
# One UPDATE per set of changed columns, built on first use.
_UPDATES: dict[frozenset[str], object] = {}


def _update_of(keys: frozenset[str]):
    statement = _UPDATES.get(keys)
    if statement is None:
        statement = _UPDATES[keys] = (
            _TABLE.update()
            .where(_TABLE.c.id == bindparam("w_id"), _TABLE.c.version == bindparam("w_version"))
            .values(
                {
                    **{
                        _TABLE.c[key]: bindparam(f"n_{key}", type_=_TABLE.c[key].type)
                        for key in keys
                    },
                    _TABLE.c.version: bindparam("n_version", type_=_TABLE.c.version.type),
                }
            )
        )
    return statement


def write(session: Session, orders: list[Order]) -> None:
    """Write the orders' changed columns and bump their versions; StaleDataError if any row
    changed since it was read (as the unit of work raises)."""
    alike: dict[frozenset[str], list[Order]] = defaultdict(list)
    for order in orders:
        state = inspect(order)
        changed = frozenset(state.committed_state)
        if state.persistent and changed and changed <= _COLUMNS:
            alike[changed].append(order)
    for keys, group in alike.items():
        rows = [
            {
                **{f"n_{key}": getattr(order, key) for key in keys},
                "n_version": order.version + 1,
                "w_id": order.id,
                "w_version": order.version,
            }
            for order in group
        ]
        with session.no_autoflush:  # the unit of work must not write them first
            written = session.execute(_update_of(keys), rows).rowcount
        if written != len(rows):
            raise StaleDataError(f"{len(rows)} orders written, some changed meanwhile")
        for order, row in zip(group, rows, strict=True):
            set_committed_value(order, "version", row["n_version"])
            # Everything the order had changed is written: it is clean again, so the unit
            # of work passes over it (a flush of nothing still costs a walk of the session).
            state = inspect(order)
            state._commit_all(state.dict, session.identity_map)
