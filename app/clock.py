"""The program's notion of now (UTC, naive), which demo data and tests may move."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime

_fixed: ContextVar[datetime | None] = ContextVar("fixed_now", default=None)


def utcnow() -> datetime:
    fixed = _fixed.get()
    return fixed if fixed is not None else datetime.now(UTC).replace(tzinfo=None)


def stamp(moment: datetime | None) -> str | None:
    """A stored (naive UTC) time as the read models give it: 2026-11-25T08:30:00Z."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ") if moment else None


@contextmanager
def frozen_at(moment: datetime) -> Iterator[None]:
    """Within the block, the clock reads `moment` (naive UTC)."""
    token = _fixed.set(moment)
    try:
        yield
    finally:
        _fixed.reset(token)
