"""Document numbers: prefix, year and a running number (SO-2026-000123)."""

from __future__ import annotations

import re
from importlib import import_module

from sqlalchemy import update
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
}


def _ensure_sequence(session: Session, prefix: str, year: int) -> None:
    # The dialect's own INSERT, imported here: loading PostgreSQL's for every start of a
    # SQLite desktop cost a tenth of a second.
    name = session.get_bind().dialect.name
    dialect = import_module(f"sqlalchemy.dialects.{name}")
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
    prefix, year, last = match[1], int(match[2]), int(match[3])
    _ensure_sequence(session, prefix, year)
    session.execute(
        update(NumberSequence)
        .where(
            NumberSequence.prefix == prefix, NumberSequence.year == year, NumberSequence.last < last
        )
        .values(last=last)
    )
