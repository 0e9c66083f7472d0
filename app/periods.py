"""Closed months (期间锁定): once finance or the owner locks a month, nothing may be dated
into it any more — no order, shipment, receipt, signature or payment. A lock is for good
(there is no unlocking: a correction goes into the open month), and it is audited.

Only a month that is over may be locked: the current month is still being booked into.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from db.models import PeriodLock, User

from . import audit
from .clock import utcnow
from .errors import ValidationError
from .roles import require

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> tuple[date, date]:
    """A month as YYYY-MM: its first day and the first day of the month after."""
    match = _MONTH.match((text or "").strip())
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise ValidationError(
            f"月份“{text}”应写成 YYYY-MM，例如 2026-11。",
            f"The month '{text}' must be written YYYY-MM, for example 2026-11.",
        )
    year, month = int(match.group(1)), int(match.group(2))
    start = date(year, month, 1)
    end = date(year + month // 12, month % 12 + 1, 1)
    return start, end


def month_of(moment: datetime | date) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def lock_month(session: Session, user: User, month: str) -> PeriodLock:
    """Close a month that is over, for good."""
    require(user, "lock_period")
    start, end = parse_month(month)
    name = month_of(start)
    if end > utcnow().date():
        raise ValidationError(
            f"{name} 还没有结束，不能锁定；月末之后再锁定。",
            f"{name} is not over yet and cannot be locked; lock it after the month ends.",
        )
    if session.get(PeriodLock, name) is not None:
        raise ValidationError(f"{name} 已经锁定。", f"{name} is already locked.")
    lock = PeriodLock(month=name, locked_at=utcnow(), locked_by=user.name)
    session.add(lock)
    audit.record(
        session, user.name, entity="period", ref=name, action="lock", after={"month": name}
    )
    session.flush()
    return lock


def locked_months(session: Session) -> list[PeriodLock]:
    return list(session.scalars(select(PeriodLock).order_by(PeriodLock.month)))


# What a fact recorded on an order is called in the refusal.
FACT_NAMES = {
    "ship": ("发货", "shipment"),
    "receive": ("收货入库", "receipt"),
    "sign": ("签收", "signature"),
    "pay": ("收付款", "payment"),
}


def refuse_fact_if_locked(session: Session, fact: str) -> None:
    zh, en = FACT_NAMES.get(fact, ("修改", "change"))
    refuse_if_locked(session, utcnow(), zh, en)


# On the table: every new order and every fact asks, and is told no more than yes or no.
_LOCKED = select(PeriodLock.__table__.c.month).where(
    PeriodLock.__table__.c.month == bindparam("month")
)


def refuse_if_locked(session: Session, moment: datetime, what_zh: str, what_en: str) -> None:
    """Nothing is dated into a closed month: raise naming the month when `moment`'s is."""
    name = month_of(moment)
    if session.scalar(_LOCKED, {"month": name}) is not None:
        raise ValidationError(
            f"{name} 已经结账锁定，{what_zh}不能记在这个月。",
            f"{name} is closed and locked: the {what_en} cannot be dated into it.",
        )
