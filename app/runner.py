"""Running one user action, the same way for every front end.

`run` opens the unit of work, calls the service with the acting user, commits once,
and returns what the service returned together with what changed. Database errors
that are part of sharing one database become the domain's typed errors: a name that
another desktop took at the same moment is a ValidationError naming it; a lock held
by another desktop for longer than the program waits is a Conflict.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlalchemy.exc import DBAPIError, IntegrityError

from db.engine import Database
from db.models import User

from . import changes
from .changes import Changes
from .errors import Conflict, ValidationError
from .roles import refuse_board

T = TypeVar("T")

# What each unique column holds, as a clerk calls it.
UNIQUE_NAMES = {
    ("parties", "name"): ("客户或供应商名称", "party name"),
    ("products", "sku"): ("产品编码", "SKU"),
    ("users", "name"): ("用户名", "user name"),
    ("orders", "number"): ("订单号", "order number"),
    ("shipments", "number"): ("发货单号", "shipment number"),
    ("receipts", "number"): ("入库单号", "receipt number"),
    ("workflows", "kind, version"): ("流程版本", "workflow version"),
}
# PostgreSQL: lock_timeout reached, a deadlock broken, a serialization failure.
BUSY_SQLSTATES = frozenset({"55P03", "40P01", "40001"})
UNIQUE_SQLSTATE = "23505"


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What the service returned, and what its unit of work changed."""

    value: T
    changes: Changes


def run(database: Database, user: User | None, service: Callable[..., T], /, *args, **kwargs):
    """`service(session, user, *args, **kwargs)` as one unit of work; an Outcome."""
    refuse_board(user)  # a wall display's account changes nothing, whatever it asks
    try:
        with database.unit_of_work() as session:
            value = service(session, user, *args, **kwargs)
            changed = changes.of_session(session)
            changes.wake_others(session, changed)
    except IntegrityError as error:
        taken = name_taken(error)
        if taken is None:
            raise
        raise taken from error
    except DBAPIError as error:
        if not is_busy(error):
            raise
        raise Conflict(
            "另一台电脑正在修改同样的数据，请稍后重试。",
            "Another desktop is busy with the same records; try again in a moment.",
        ) from error
    return Outcome(value, changed)


def is_busy(error: DBAPIError) -> bool:
    """A lock another connection held for longer than this one waits."""
    orig = error.orig
    if getattr(orig, "sqlstate", None) in BUSY_SQLSTATES:
        return True
    return "database is locked" in str(orig) or "database table is locked" in str(orig)


def name_taken(error: IntegrityError) -> ValidationError | None:
    """The unique value another writer stored first, as a message naming it; None when
    the database refused something else (a bug, not a race)."""
    orig = error.orig
    if getattr(orig, "sqlstate", UNIQUE_SQLSTATE) != UNIQUE_SQLSTATE:
        return None
    found = _postgresql_key(orig) or _sqlite_key(error)
    if found is None:
        return None
    table, column, value = found
    zh, en = UNIQUE_NAMES.get((table, column), ("名称", "name"))
    shown_zh = f"“{value}”" if value is not None else ""
    shown_en = f" '{value}'" if value is not None else ""
    return ValidationError(
        f"{zh}{shown_zh}刚被其他人用了：请换一个，或刷新后查看。",
        f"The {en}{shown_en} was just taken by someone else: choose another, or reload to see it.",
    )


def _postgresql_key(orig) -> tuple[str, str, str | None] | None:
    diag = getattr(orig, "diag", None)
    if diag is None or diag.table_name is None:
        return None
    match = re.match(r"Key \((.+?)\)=\((.*)\) already exists", diag.message_detail or "")
    if match is None:
        return diag.table_name, "", None
    return diag.table_name, match.group(1), match.group(2)


def _sqlite_key(error: IntegrityError) -> tuple[str, str, str | None] | None:
    match = re.match(r"UNIQUE constraint failed: (.+)", str(error.orig))
    if match is None:
        return None
    columns = [part.strip().split(".") for part in match.group(1).split(",")]
    table = columns[0][0]
    column = ", ".join(name for _, name in columns)
    return table, column, _inserted_value(error, table, column)


def _inserted_value(error: IntegrityError, table: str, column: str) -> str | None:
    """The value a one-row INSERT gave the column, when the statement shows it."""
    insert = re.match(r"INSERT INTO (\w+) \(([^)]*)\)", error.statement or "")
    params = error.params
    if insert is None or insert.group(1) != table or not isinstance(params, tuple | list):
        return None
    names = [name.strip() for name in insert.group(2).split(",")]
    if column not in names or len(params) != len(names):
        return None
    value = params[names.index(column)]
    return value if isinstance(value, str) else None
