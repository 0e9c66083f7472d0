"""Document numbers: prefix, year and a running number (SO-2026-000123)."""

from __future__ import annotations

import re
from importlib import import_module

from sqlalchemy import bindparam
from sqlalchemy.orm import Session

from db.models import NumberSequence

from .clock import utcnow
from .errors import ValidationError
from .kinds import KINDS

# Each kind of order numbers its own series; documents of facts have theirs.
PREFIXES = {
    **{code: kind.number_prefix for code, kind in KINDS.items()},
    "shipment": "SH",
    "receipt": "GR",
    "amendment": "AM",
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


# Built once per database kind: every new order and document runs one.
_UPSERTS: dict[str, tuple] = {}


def _upserts_of(session: Session) -> tuple:
    # The dialect's own INSERT, imported on first use: loading PostgreSQL's for every
    # start of a SQLite desktop cost a tenth of a second.
    name = session.get_bind().dialect.name
    if name not in _UPSERTS:
        _UPSERTS[name] = _upserts(import_module(f"sqlalchemy.dialects.{name}"))
    return _UPSERTS[name]


def next_number(session: Session, document: str) -> str:
    return next_numbers(session, document, 1)[0]


def next_numbers(session: Session, document: str, count: int) -> list[str]:
    """`count` consecutive numbers for one kind of document."""
    prefix = PREFIXES[document]
    year = utcnow().year
    # One statement starts the year's series or moves it on; the row stays locked until
    # commit, so concurrent writers get distinct numbers.
    advance, _ = _upserts_of(session)
    last = session.execute(advance, {"prefix": prefix, "year": year, "last": count}).scalar_one()
    return [f"{prefix}-{year}-{n:06d}" for n in range(last - count + 1, last + 1)]


# Order numbers share one table: a number shaped like any kind's series could collide.
_SHAPE = re.compile(r"([A-Z]{2})-(\d{4})-(\d{1,9})")


def wrong_series(document: str, number: str) -> tuple[str, str] | None:
    """Why an order of kind `document` may not carry `number` (zh, en), or None: a number
    shaped like another kind's series would collide with the numbers given out there."""
    match = _SHAPE.fullmatch(number.strip().upper())
    if match is None or match[1] == PREFIXES[document]:
        return None
    other = next((kind for kind in KINDS.values() if kind.number_prefix == match[1]), None)
    if other is None:
        return None
    own, prefix = KINDS[document], PREFIXES[document]
    return (
        f"订单号 {number} 是{other.title_zh}的编号（{match[1]}-），"
        f"不能用于{own.title_zh}：请用 {prefix}- 开头的编号或其他编号。",
        f"The number {number} belongs to the series of {other.title_en.lower()}s "
        f"({match[1]}-); a {own.title_en.lower()} may not use it: start it with {prefix}- "
        "or number it otherwise.",
    )


def claim_number(session: Session, document: str, number: str) -> None:
    """A number given from elsewhere (an import): the series continues after it, so
    numbers given out later never collide with it. Numbers of another shape need nothing;
    one of another kind's series is refused."""
    why = wrong_series(document, number)
    if why is not None:
        raise ValidationError(*why)
    match = _SHAPE.fullmatch(number)
    if match is None or match[1] != PREFIXES[document]:
        return
    _, raise_to = _upserts_of(session)
    session.execute(raise_to, {"prefix": match[1], "year": int(match[2]), "last": int(match[3])})
