"""Document numbers: prefix, year and a running number (SO-2026-000123)."""

from __future__ import annotations

import re

from sqlalchemy import bindparam
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import NumberSequence

from .clock import utcnow
from .kinds import KINDS

# Each kind of order numbers its own series; documents of facts have theirs.
PREFIXES = {
    **{code: kind.number_prefix for code, kind in KINDS.items()},
    "shipment": "SH",
    "receipt": "GR",
}


def _upserts(dialect) -> tuple:
    """Per database: move a series on by `count` (starting it if new) returning its last
    number; and raise a series to at least `last`. On the table, not the mapped class: the
    statements need none of the unit of work's bookkeeping."""
    table = NumberSequence.__table__
    insert = dialect.insert(table).values(
        prefix=bindparam("prefix"), year=bindparam("year"), last=bindparam("last")
    )
    key = [table.c.prefix, table.c.year]
    advance = insert.on_conflict_do_update(
        index_elements=key, set_={"last": table.c.last + insert.excluded.last}
    ).returning(table.c.last)
    raise_to = insert.on_conflict_do_update(
        index_elements=key,
        set_={"last": insert.excluded.last},
        where=table.c.last < insert.excluded.last,
    )
    return advance, raise_to


# Built once: every new order and document runs one.
_UPSERTS = {"sqlite": _upserts(sqlite), "postgresql": _upserts(postgresql)}


def next_number(session: Session, document: str) -> str:
    return next_numbers(session, document, 1)[0]


def next_numbers(session: Session, document: str, count: int) -> list[str]:
    """`count` consecutive numbers for one kind of document."""
    prefix = PREFIXES[document]
    year = utcnow().year
    # One statement starts the year's series or moves it on; the row stays locked until
    # commit, so concurrent writers get distinct numbers.
    advance, _ = _UPSERTS[session.get_bind().dialect.name]
    last = session.execute(advance, {"prefix": prefix, "year": year, "last": count}).scalar_one()
    return [f"{prefix}-{year}-{n:06d}" for n in range(last - count + 1, last + 1)]


def claim_number(session: Session, document: str, number: str) -> None:
    """A number given from elsewhere (an import): the series continues after it, so
    numbers given out later never collide with it. Numbers of another shape need nothing."""
    match = re.fullmatch(rf"{PREFIXES[document]}-(\d{{4}})-(\d{{1,9}})", number)
    if match is None:
        return
    _, raise_to = _UPSERTS[session.get_bind().dialect.name]
    session.execute(
        raise_to, {"prefix": PREFIXES[document], "year": int(match[1]), "last": int(match[2])}
    )
