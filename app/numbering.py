"""Document numbers: prefix, year and a running number (SO-2026-000123)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models import NumberSequence

from .clock import utcnow

PREFIXES = {
    "sales": "SO",
    "purchase": "PO",
    "return": "RO",
    "supplementary": "SP",
    "shipment": "SH",
    "receipt": "GR",
}


def next_number(session: Session, document: str) -> str:
    prefix = PREFIXES[document]
    year = utcnow().year
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(
        dialect.insert(NumberSequence)
        .values(prefix=prefix, year=year, last=0)
        .on_conflict_do_nothing()
    )
    # The UPDATE locks the row until commit, so concurrent writers get distinct numbers.
    last = session.execute(
        update(NumberSequence)
        .where(NumberSequence.prefix == prefix, NumberSequence.year == year)
        .values(last=NumberSequence.last + 1)
        .returning(NumberSequence.last)
    ).scalar_one()
    return f"{prefix}-{year}-{last:06d}"
