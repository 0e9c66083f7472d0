"""Document numbers: prefix, year and a running number (SO-2026-000123)."""

from __future__ import annotations

import re

from sqlalchemy import update
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


def _ensure_sequence(session: Session, prefix: str, year: int) -> None:
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(
        dialect.insert(NumberSequence)
        .values(prefix=prefix, year=year, last=0)
        .on_conflict_do_nothing()
    )


def next_number(session: Session, document: str) -> str:
    return next_numbers(session, document, 1)[0]


def next_numbers(session: Session, document: str, count: int) -> list[str]:
    """`count` consecutive numbers for one kind of document."""
    prefix = PREFIXES[document]
    year = utcnow().year
    _ensure_sequence(session, prefix, year)
    # The UPDATE locks the row until commit, so concurrent writers get distinct numbers.
    last = session.execute(
        update(NumberSequence)
        .where(NumberSequence.prefix == prefix, NumberSequence.year == year)
        .values(last=NumberSequence.last + count)
        .returning(NumberSequence.last)
    ).scalar_one()
    return [f"{prefix}-{year}-{n:06d}" for n in range(last - count + 1, last + 1)]


def claim_number(session: Session, document: str, number: str) -> None:
    """A number given from elsewhere (an import): the series continues after it, so
    numbers given out later never collide with it. Numbers of another shape need nothing."""
    match = re.fullmatch(rf"{PREFIXES[document]}-(\d{{4}})-(\d{{1,9}})", number)
    if match is None:
        return
    prefix, year, last = PREFIXES[document], int(match[1]), int(match[2])
    _ensure_sequence(session, prefix, year)
    session.execute(
        update(NumberSequence)
        .where(
            NumberSequence.prefix == prefix, NumberSequence.year == year, NumberSequence.last < last
        )
        .values(last=last)
    )
