"""Receivables and payables per party, aged by days past the payment due date (账龄).

An order is owed on from the moment it leaves its draft until it is settled: its open
amount is its total less what was paid (refunds count back). Drafts and cancelled
orders owe nothing; a return is settled on its parent order (a refund is a negative
payment), so it is not aged by itself.

The payment due date is the order's due date — or, without one, the day the order was
made — moved on by the party's payment terms (see `PaymentTerms`). Open amounts are
put in buckets by days past that date, as at a given day: not yet due, 0–30, 31–60,
61–90 and over 90 days.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from sqlalchemy import Date, Integer, case, cast, func, literal, select
from sqlalchemy.orm import Session

from db.models import Order, Party, Payment, User, Workflow

from .clock import utcnow
from .kinds import KINDS
from .roles import require

ZERO = Decimal("0.00")
BUCKETS = ("not_due", "d0_30", "d31_60", "d61_90", "over_90")
BUCKET_LABELS = {
    "not_due": ("未到期", "not yet due"),
    "d0_30": ("0–30 天", "0–30 days"),
    "d31_60": ("31–60 天", "31–60 days"),
    "d61_90": ("61–90 天", "61–90 days"),
    "over_90": ("90 天以上", "over 90 days"),
}
# A return is settled on its parent order: a refund is a negative payment there.
SETTLED_ON_PARENT = frozenset({"return"})


# --- payment terms ------------------------------------------------------------------------

_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CHINESE_NUMBERS = {
    "十": 10,
    "十五": 15,
    "二十": 20,
    "三十": 30,
    "四十五": 45,
    "六十": 60,
    "九十": 90,
}
_IMMEDIATE = ("货到付款", "款到发货", "现结", "现金", "现款", "预付", "先款后货", "cod", "prepaid")


@dataclass(frozen=True)
class PaymentTerms:
    """Payment terms as written on the party (free text), read in their common forms:

    - 月结N天 / 月结 N 日 / 月结N (monthly statement): due N days after the end of the
      month the order is dated in; 月结 alone is the end of that month;
    - N天 / 账期N天 / 票到N天 / 发票后N天 / Net N / N days: due N days after the order's date;
    - 货到付款, 款到发货, 现结, 现金, 预付, COD, prepaid: due on the order's date;
    - empty, or anything else: due on the order's date (and `understood` is False, so a
      report can say that the terms were not read).

    Chinese numerals 十, 十五, 二十, 三十, 四十五, 六十 and 九十 count as their figures.
    """

    text: str
    days: int = 0
    month_end: bool = False
    understood: bool = True

    def due_from(self, basis: date) -> date:
        if self.month_end:
            last = calendar.monthrange(basis.year, basis.month)[1]
            basis = basis.replace(day=last)
        return basis + timedelta(days=self.days)

    def describe(self, lang: str = "zh") -> str:
        if not self.text.strip():
            return "未约定，当日到期" if lang == "zh" else "none: due on the day"
        if not self.understood:
            return "未能识别，按当日到期" if lang == "zh" else "not understood: due on the day"
        if self.month_end:
            if lang == "zh":
                return f"月末后 {self.days} 天" if self.days else "月末"
            return f"{self.days} days after month end" if self.days else "month end"
        if lang == "zh":
            return f"{self.days} 天" if self.days else "当日"
        return f"{self.days} days" if self.days else "on the day"


@lru_cache(maxsize=4096)
def parse_terms(text: str | None) -> PaymentTerms:
    raw = (text or "").strip()
    plain = re.sub(r"\s+", "", raw.translate(_DIGITS)).lower()
    for word, figure in sorted(_CHINESE_NUMBERS.items(), key=lambda item: -len(item[0])):
        plain = plain.replace(word, str(figure))
    if not plain:
        return PaymentTerms(raw, understood=False)
    if any(word in plain for word in _IMMEDIATE):
        return PaymentTerms(raw)
    days = re.search(r"(\d{1,3})", plain)
    figure = int(days.group(1)) if days else 0
    if "月结" in plain:
        return PaymentTerms(raw, figure, month_end=True)
    if days and re.search(r"(天|日|days?|net)", plain):
        return PaymentTerms(raw, figure)
    return PaymentTerms(raw, understood=False)


# --- open amounts ---------------------------------------------------------------------------


@dataclass
class OpenOrder:
    number: str
    kind: str
    total: Decimal
    paid: Decimal
    due: date  # the payment due date
    days_past: int  # negative: not yet due

    @property
    def open(self) -> Decimal:
        return self.total - self.paid

    @property
    def bucket(self) -> str:
        return bucket_of(self.days_past)


def bucket_of(days_past: int) -> str:
    if days_past < 0:
        return "not_due"
    if days_past <= 30:
        return "d0_30"
    if days_past <= 60:
        return "d31_60"
    if days_past <= 90:
        return "d61_90"
    return "over_90"


@dataclass
class PartyAgeing:
    party: str
    side: str  # "receivable" (a customer owes us) or "payable" (we owe a supplier)
    terms: PaymentTerms
    credit_limit: Decimal | None
    buckets: dict[str, Decimal] = field(default_factory=lambda: dict.fromkeys(BUCKETS, ZERO))
    orders: list[OpenOrder] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum(self.buckets.values(), ZERO)

    @property
    def over_limit(self) -> bool:
        return (
            self.side == "receivable"
            and self.credit_limit is not None
            and (self.total > self.credit_limit)
        )

    def as_dict(self) -> dict:
        result = {
            "party": self.party,
            "side": self.side,
            "payment_terms": self.terms.text,
            "terms_read_as": self.terms.describe("en"),
            "credit_limit": None if self.credit_limit is None else f"{self.credit_limit:f}",
            **{name: f"{value:f}" for name, value in self.buckets.items()},
            "total": f"{self.total:f}",
        }
        if self.orders:  # when read with party_orders
            result["orders"] = [
                {
                    "number": o.number,
                    "total": f"{o.total:f}",
                    "paid": f"{o.paid:f}",
                    "open": f"{o.open:f}",
                    "due": o.due.isoformat(),
                    "days_past_due": o.days_past,
                    "bucket": o.bucket,
                }
                for o in self.orders
            ]
        return result


@dataclass
class Ageing:
    as_of: date
    parties: list[PartyAgeing]

    def side(self, side: str) -> list[PartyAgeing]:
        return [p for p in self.parties if p.side == side]

    def totals(self, side: str) -> dict[str, Decimal]:
        sums = dict.fromkeys(BUCKETS, ZERO)
        for party in self.side(side):
            for name, value in party.buckets.items():
                sums[name] += value
        return sums

    def as_dict(self) -> dict:
        return {
            "as_of": self.as_of.isoformat(),
            **{
                side: {
                    "parties": [p.as_dict() for p in self.side(side)],
                    "totals": {k: f"{v:f}" for k, v in self.totals(side).items()},
                }
                for side in ("receivable", "payable")
            },
        }


def not_owing_statuses(session: Session) -> list[str]:
    """The nodes at which an order owes nothing: every workflow's draft and void nodes."""
    statuses: set[str] = set()
    for (definition,) in session.execute(select(Workflow.definition)):
        statuses.update((definition["initial"], definition["void"]))
    return sorted(statuses)


def _paid_per_order():
    return (
        select(Payment.order_id, func.sum(Payment.amount).label("amount"))
        .group_by(Payment.order_id)
        .subquery()
    )


def open_orders_query(session: Session, *conditions):
    """(order id, number, kind, party id, due, created at, total, paid) of every order that
    still owes or is owed something."""
    paid = _paid_per_order()
    paid_amount = func.coalesce(paid.c.amount, 0)
    return (
        select(
            Order.id,
            Order.number,
            Order.kind,
            Order.party_id,
            Order.due,
            Order.created_at,
            Order.total,
            paid_amount,
        )
        .outerjoin(paid, paid.c.order_id == Order.id)
        .where(
            Order.status.not_in(not_owing_statuses(session)),
            Order.kind.not_in(SETTLED_ON_PARENT),
            Order.total != paid_amount,
            *conditions,
        )
    )


def payment_due(terms: PaymentTerms, due: date | None, created_at: datetime) -> date:
    return terms.due_from(due or created_at.date())


def _side_of(kind: str) -> str:
    return "receivable" if KINDS[kind].party_kind == "customer" else "payable"


def _parties(session: Session) -> dict[int, tuple[str, PaymentTerms, Decimal | None]]:
    return {
        pid: (name, parse_terms(terms), limit)
        for pid, name, terms, limit in session.execute(
            select(Party.id, Party.name, Party.payment_terms, Party.credit_limit)
        )
    }


def latest_basis(terms: PaymentTerms, pay_by: date) -> date:
    """The latest day an order may be dated (or due) for its payment to fall due by
    `pay_by`: the due date grows with the order's date, so buckets are ranges of days."""
    day = pay_by - timedelta(days=terms.days)
    if terms.month_end and day.day != calendar.monthrange(day.year, day.month)[1]:
        day = day.replace(day=1) - timedelta(days=1)
    return day


# The first day past due each bucket after "not yet due" starts at.
_BUCKET_STARTS = (0, 31, 61, 91)


def _bucket_of_basis(basis, terms_groups: dict[PaymentTerms, list[int]], as_of: date):
    """A SQL expression: the bucket index of an order by the day its terms run from, with the
    bucket boundaries worked out once per kind of terms (an office has a handful)."""
    per_terms = []
    for terms, party_ids in terms_groups.items():
        limits = [latest_basis(terms, as_of - timedelta(days=d)) for d in _BUCKET_STARTS]
        bucket = case(
            *(
                (basis <= literal(limit, Date), index)
                for index, limit in reversed(list(enumerate(limits, start=1)))
            ),
            else_=0,
        )
        per_terms.append((Order.party_id.in_(party_ids), bucket))
    return case(*per_terms, else_=0) if per_terms else literal(0)


def ageing(session: Session, user: User, as_of: date | None = None) -> Ageing:
    """Receivables and payables per party, aged as at `as_of` (today unless given); each
    party's open orders come with `party_orders`.

    The database adds the open amounts up per party and bucket: the boundaries of the
    buckets are days, found once per kind of payment terms, so 100,000 orders take a
    fraction of a second."""
    require(user, "view_money")
    as_of = as_of or utcnow().date()
    parties = _parties(session)
    groups: dict[PaymentTerms, list[int]] = {}
    for party_id, (_name, terms, _limit) in parties.items():
        groups.setdefault(replace(terms, text=""), []).append(party_id)
    paid = _paid_per_order()
    # "+ 0" and "|| ''": on the bare columns SQLite would walk the orders through an index
    # (by party, or the dashboard's by date, kind, status and total), one table lookup per
    # order, several times slower than reading the table.
    party = (Order.party_id + 0).label("party")
    kind = (Order.kind + "").label("kind")
    open_amount = (Order.total + 0) - func.coalesce(paid.c.amount, 0)
    basis = func.coalesce(Order.due, func.date(Order.created_at))
    bucket = _bucket_of_basis(basis, groups, as_of).label("bucket")
    rows = session.execute(
        select(party, kind, bucket, func.sum(cast(func.round(open_amount * 100), Integer)))
        .outerjoin(paid, paid.c.order_id == Order.id)
        .where(
            (Order.status + "").not_in(not_owing_statuses(session)),
            kind.not_in(SETTLED_ON_PARENT),
            open_amount != 0,
        )
        .group_by(party, kind, bucket)
    )
    sums: dict[tuple[int, str], list[int]] = {}
    for party_id, kind, index, cents in rows:
        line = sums.setdefault((party_id, _side_of(kind)), [0] * len(BUCKETS))
        line[index] += int(cents)
    result = []
    for (party_id, side), line in sums.items():
        name, terms, limit = parties[party_id]
        entry = PartyAgeing(name, side, terms, limit)
        entry.buckets = {b: Decimal(c).scaleb(-2) for b, c in zip(BUCKETS, line, strict=True)}
        result.append(entry)
    result.sort(key=lambda p: (p.side != "receivable", -p.total, p.party))
    return Ageing(as_of, result)


def party_orders(
    session: Session, user: User, party: str, side: str, as_of: date | None = None
) -> list[OpenOrder]:
    """One party's open orders on one side, most overdue first: what the ageing adds up."""
    require(user, "view_money")
    as_of = as_of or utcnow().date()
    found = session.execute(
        select(Party.id, Party.payment_terms).where(Party.name == party)
    ).first()
    if found is None:
        return []
    party_id, terms_text = found
    terms = parse_terms(terms_text)
    orders = []
    for _id, number, kind, _party, due, created_at, total, paid in session.execute(
        open_orders_query(session, Order.party_id == party_id)
    ):
        if _side_of(kind) != side:
            continue
        pay_by = payment_due(terms, due, created_at)
        paid = Decimal(paid).quantize(Decimal("0.01"))
        orders.append(OpenOrder(number, kind, total, paid, pay_by, (as_of - pay_by).days))
    orders.sort(key=lambda o: (-o.days_past, o.number))
    return orders
