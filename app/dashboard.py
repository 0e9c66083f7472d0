"""The owner's dashboard: where the orders are, what is late, how fast they move, what sold.

Every figure is counted by the database in a few grouped queries (never order by order)
and carries the filter of the orders behind it, so a click on it opens them in the list.
Lateness is asked of one function, `late_orders`; the amounts of one, `amount_terms`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Select, and_, case, func, literal, or_, select, union_all
from sqlalchemy.orm import Session

from db.models import NodeStay, Order, OrderLine, Party, Product, Shipment, User

from . import lateness, workflow
from .clock import utcnow
from .kinds import KINDS
from .queries import OrderFilter
from .roles import require, role_label
from .workflow import WorkflowSpec

PERIODS = (30, 90)  # days over which the time spent in each node is measured
MONTHS = 12
TOP = 10
# Nearest-rank percentile of the time spent in a node: the stay below which 90% fall.
PERCENTILE = 90


@dataclass(frozen=True)
class Figure:
    """One bar or number of the dashboard and the orders behind it."""

    key: str  # what it counts: a node code, a role, a party or product name
    label: str
    value: Decimal | int
    orders: OrderFilter
    color: str = ""


@dataclass(frozen=True)
class NodeTime:
    """How long orders stayed at one node before they moved on, over the last `days`."""

    kind: str
    node: str
    label: str
    days: int
    stays: int
    average_hours: float
    p90_hours: float
    orders: OrderFilter


@dataclass(frozen=True)
class OnTime:
    """Shipping orders due in the period (their due day over): how many left on time."""

    due: int
    on_time: int
    orders: OrderFilter  # all of them
    late_orders: OrderFilter

    @property
    def rate(self) -> float | None:
        return self.on_time / self.due if self.due else None


@dataclass(frozen=True)
class Month:
    month: date  # its first day
    sales: Figure
    purchases: Figure


@dataclass(frozen=True)
class Dashboard:
    at: datetime
    days: int  # the period of the on-time rate and the top lists
    open_by_node: list[Figure]
    overdue_by_role: list[Figure]
    on_time: OnTime
    time_in_node: list[NodeTime]  # for each of PERIODS
    months: list[Month]
    top_customers: list[Figure]
    top_products: list[Figure]
    open_orders: OrderFilter = OrderFilter()
    late_orders: OrderFilter = OrderFilter()
    lang: str = "zh"
    totals: dict[str, int] = field(default_factory=dict)

    def node_times(self) -> list[tuple[str, dict[int, NodeTime]]]:
        """Each node's label with its stays over each period, in workflow order."""
        rows: dict[tuple[str, str], tuple[str, dict[int, NodeTime]]] = {}
        for t in self.time_in_node:
            rows.setdefault((t.kind, t.node), (t.label, {}))[1][t.days] = t
        return list(rows.values())


def read(session: Session, user: User, days: int = 30, lang: str = "zh") -> Dashboard:
    """Everything the dashboard shows, for the owner (and the admin)."""
    require(user, "view_dashboard")
    now = utcnow()
    specs = workflow.all_specs(session)
    open_nodes = open_by_node(session, specs, lang)
    overdue = overdue_by_role(session, specs, now, lang)
    return Dashboard(
        at=now,
        days=days,
        open_by_node=open_nodes,
        overdue_by_role=overdue,
        on_time=on_time_shipping(session, specs, now, days),
        time_in_node=time_in_node(session, now, lang),
        months=monthly_amounts(session, specs, now, lang),
        top_customers=top_customers(session, specs, now, days),
        top_products=top_products(session, specs, now, days),
        open_orders=_among(select(Order.id).where(_at_nodes(_waiting(specs)))),
        late_orders=late_orders(session, now),
        lang=lang,
        totals={
            "open": sum(f.value for f in open_nodes),
            "overdue": sum(f.value for f in overdue),
        },
    )


# --- which orders: the one place each rule is asked ----------------------------------------


def late_orders(session: Session, now: datetime) -> OrderFilter:
    """The orders late now, as the alerts and the Exceptions list count them."""
    return OrderFilter(overdue=True)


def late_clause(session: Session, now: datetime):
    """The orders of `late_orders` as a condition to count them by. Tested row by row on the
    workflow-and-node index, which holds every column it asks: one pass, no table row read."""
    return lateness.overdue_clause(session, now)


def _among(query: Select) -> OrderFilter:
    return OrderFilter(among=query)


def _forward_from(spec: WorkflowSpec, starts: list[str]) -> set[str]:
    seen, todo = set(starts), list(starts)
    while todo:
        for t in spec.leaving(todo.pop()):
            if t.forward and t.target not in seen:
                seen.add(t.target)
                todo.append(t.target)
    return seen


def booked_nodes(spec: WorkflowSpec) -> set[str]:
    """The nodes of an order that counts in the month's amounts: from the first node where
    its goods may move (it was placed) on, not called off."""
    goods = spec.nodes_allowing("ship") + spec.nodes_allowing("receive")
    return _forward_from(spec, goods) - {spec.void}


def shipped_nodes(spec: WorkflowSpec) -> set[str]:
    """The nodes an order reaches once all its goods have left (past every shipping node)."""
    shipping = set(spec.nodes_allowing("ship"))
    after = [
        t.target
        for code in shipping
        for t in spec.leaving(code)
        if t.forward and t.target not in shipping and t.target != spec.void
    ]
    return _forward_from(spec, after) if after else set()


def _at_nodes(by_workflow: dict[int, set[str]]):
    parts = [
        and_(Order.workflow_id == wid, Order.status.in_(sorted(codes)))
        for wid, codes in by_workflow.items()
        if codes
    ]
    return or_(*parts) if parts else literal(False)


# --- where the orders are ------------------------------------------------------------------


def _node_keys(specs: list[WorkflowSpec], rows, lang: str) -> dict[tuple[str, str], list]:
    """Counts by (workflow id, node) merged by (workflow kind, node) over the versions."""
    by_id = {spec.id: spec for spec in specs}
    merged: dict[tuple[str, str], list] = {}
    for workflow_id, status, count in rows:
        spec = by_id[workflow_id]
        key = (spec.kind, status)
        if key not in merged:
            node = spec.node(status)
            merged[key] = [node.label(lang), 0, node.color, spec.order.index(status)]
        merged[key][1] += count
    return merged


def _workflow_label(kind: str, lang: str) -> str:
    return KINDS[kind].label(lang) if kind in KINDS else kind


def _waiting(specs: list[WorkflowSpec]) -> dict[int, set[str]]:
    return {spec.id: {c for c in spec.order if not spec.node(c).terminal} for spec in specs}


def _waiting_counts(session: Session, specs: list[WorkflowSpec]) -> list[tuple[int, str, int]]:
    """Orders at each (workflow id, node) that is not an end. Every node is counted from the
    workflow-and-node index alone (no condition to test row by row), the ends left out here."""
    waiting = _waiting(specs)
    rows = session.execute(
        select(Order.workflow_id, Order.status, func.count()).group_by(
            Order.workflow_id, Order.status
        )
    ).all()
    return [(wid, code, n) for wid, code, n in rows if code in waiting.get(wid, ())]


def open_by_node(session: Session, specs: list[WorkflowSpec], lang: str = "zh") -> list[Figure]:
    """Orders waiting at each node that is not an end, in workflow order."""
    merged = _node_keys(specs, _waiting_counts(session, specs), lang)
    kinds = [spec.kind for spec in specs]
    figures = []
    for (kind, code), (label, count, color, _) in sorted(
        merged.items(), key=lambda item: (kinds.index(item[0][0]), item[1][3])
    ):
        versions = sorted(spec.id for spec in specs if spec.kind == kind)
        behind = select(Order.id).where(Order.workflow_id.in_(versions), Order.status == code)
        figures.append(
            Figure(
                f"{kind}:{code}",
                f"{_workflow_label(kind, lang)} · {label}",
                count,
                _among(behind),
                color,
            )
        )
    return figures


def overdue_by_role(
    session: Session, specs: list[WorkflowSpec], now: datetime, lang: str = "zh"
) -> list[Figure]:
    """Late orders by the department that owns their next step."""
    late = late_orders(session, now)
    rows = lateness.late_by_node(session, now)
    by_id = {spec.id: spec for spec in specs}
    counts: dict[str, int] = {}
    for workflow_id, status, count in rows:
        role = by_id[workflow_id].owner_of(status) or ""
        counts[role] = counts.get(role, 0) + count
    return [
        Figure(
            role,
            role_label(role, lang) if role else ("无" if lang == "zh" else "none"),
            count,
            replace(late, queue_of=frozenset({role})),
        )
        for role, count in sorted(counts.items(), key=lambda item: -item[1])
    ]


# --- how well and how fast -----------------------------------------------------------------


def _day_after(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), datetime.min.time())


def on_time_shipping(
    session: Session, specs: list[WorkflowSpec], now: datetime, days: int
) -> OnTime:
    """Of the orders that ship goods and whose due day ended in the last `days` days (not
    called off), those whose goods had all left by the end of the due day."""
    today = now.date()
    shipping = [spec for spec in specs if spec.nodes_allowing("ship")]
    due = and_(
        Order.workflow_id.in_([s.id for s in shipping]),
        Order.due >= today - timedelta(days=days),
        Order.due < today,
        or_(*[and_(Order.workflow_id == s.id, Order.status != s.void) for s in shipping])
        if shipping
        else literal(False),
    )
    last_left = (
        select(func.max(Shipment.shipped_at))
        .where(Shipment.order_id == Order.id)
        .correlate(Order)
        .scalar_subquery()
    )
    shipped = _at_nodes({s.id: shipped_nodes(s) for s in shipping})
    on_time = and_(shipped, last_left < _next_day(session))
    total, kept = session.execute(
        select(func.count(), func.coalesce(func.sum(case((on_time, 1), else_=0)), 0)).where(due)
    ).one()
    return OnTime(
        int(total),
        int(kept),
        _among(select(Order.id).where(due)),
        _among(select(Order.id).where(due, ~on_time)),
    )


def _next_day(session: Session):
    """The start of the day after an order's due date, in SQL."""
    if session.get_bind().dialect.name == "sqlite":
        return func.datetime(Order.due, "+1 day")
    return Order.due + literal(timedelta(days=1))


def _summary(buckets: list[tuple[int, int, float, float]]) -> tuple[int, float, float]:
    """Count, average and nearest-rank 90th percentile of stays counted in buckets."""
    n = sum(count for _, count, _, _ in buckets)
    if not n:
        return 0, 0.0, 0.0
    wanted = (n * PERCENTILE + 99) // 100  # ceil(n * 0.9) in whole numbers
    seen = 0
    for _, count, _, longest in sorted(buckets):
        seen += count
        if seen >= wanted:
            return n, sum(total for _, _, total, _ in buckets) / n, longest
    return n, 0.0, 0.0


def time_in_node(session: Session, now: datetime, lang: str = "zh") -> list[NodeTime]:
    """From the stays the engine records: each stay at a node that ended in the last
    PERIODS days (an order moved on), how long it lasted; per node and period the average
    and the 90th percentile. One statement over the longest period's stays, each node's
    read on its own stretch of their index."""
    short, long = PERIODS
    recent_since, long_since = now - timedelta(days=short), now - timedelta(days=long)
    specs = workflow.all_specs(session)
    versions: dict[str, list[int]] = {}
    for spec in specs:
        versions.setdefault(spec.kind, []).append(spec.id)
    nodes = list(dict.fromkeys((spec.kind, code) for spec in specs for code in spec.order))
    # Stays counted by tenth of an hour: the 90th percentile to the nearest 6 minutes, from a
    # few hundred rows instead of sorting every stay.
    tenth = NodeStay.seconds // 360

    def at(kind: str, code: str):
        return NodeStay.workflow_id.in_(versions[kind]), NodeStay.node == code

    def ended(kind: str, code: str, is_recent: int, *within):
        return (
            select(
                literal(kind),
                literal(code),
                literal(is_recent),
                tenth,
                func.count(),
                func.sum(NodeStay.seconds),
                func.max(NodeStay.seconds),
            )
            .where(*at(kind, code), *within)
            .group_by(tenth)
        )

    # Each node's last 30 days and the rest of its 90 apart: every stay is sorted once, by
    # its length alone.
    buckets = session.execute(
        union_all(
            *[
                part
                for kind, code in nodes
                for part in (
                    ended(kind, code, 1, NodeStay.left_at >= recent_since),
                    ended(
                        kind,
                        code,
                        0,
                        NodeStay.left_at >= long_since,
                        NodeStay.left_at < recent_since,
                    ),
                )
            ]
        )
    ).all()
    found: dict[tuple[str, str], dict[int, list[tuple[int, int, float, float]]]] = {}
    for kind, code, is_recent, bucket, count, total, longest in buckets:
        periods = found.setdefault((kind, code), {short: [], long: []})
        for days in (short, long) if is_recent else (long,):
            periods[days].append((int(bucket), int(count), total / 3600, longest / 3600))
    labels = _node_labels(session, lang)
    result = []
    for kind, code in nodes:
        periods = found.get((kind, code))
        if periods is None:
            continue
        label = f"{_workflow_label(kind, lang)} · {labels[(kind, code)][0]}"
        for days, since in ((short, recent_since), (long, long_since)):
            count, mean, top = _summary(periods[days])
            if count:
                behind = select(NodeStay.order_id).where(*at(kind, code), NodeStay.left_at >= since)
                result.append(
                    NodeTime(
                        kind,
                        code,
                        label,
                        days,
                        count,
                        round(mean, 1),
                        round(top, 1),
                        _among(behind),
                    )
                )
    kinds = list(versions)
    result.sort(key=lambda t: (t.days, kinds.index(t.kind), labels[(t.kind, t.node)][1]))
    return result


def _node_labels(session: Session, lang: str) -> dict[tuple[str, str], tuple[str, int]]:
    """Each (workflow kind, node) named as its newest version names it, with its place."""
    labels = {}
    for spec in workflow.all_specs(session):
        for position, code in enumerate(spec.order):
            labels[(spec.kind, code)] = (spec.node(code).label(lang), position)
    return labels


# --- money -----------------------------------------------------------------------------------


def amount_terms(session: Session, direction: str) -> list[tuple[object, object]]:
    """What makes up the sales ("sales") or purchase ("purchase") amount: terms of (signed
    amount, which orders it is taken from), both SQL. The totals of booked orders; a kind
    that takes goods back (a return) counts against its side. Change documents add their
    terms here."""
    specs = workflow.all_specs(session)
    booked = _at_nodes({spec.id: booked_nodes(spec) for spec in specs})
    party_kind = "customer" if direction == "sales" else "supplier"
    kinds = [code for code, k in KINDS.items() if k.party_kind == party_kind]
    returns = [code for code in kinds if KINDS[code].figures_sign < 0]
    sold = [code for code in kinds if code not in returns]
    # The kind asked first: it settles most orders before the longer test of their node.
    terms: list[tuple[object, object]] = [(Order.total, and_(Order.kind.in_(sold), booked))]
    if returns:
        terms.append((-Order.total, and_(Order.kind.in_(returns), booked)))
    return terms


def _month_start(day: date, back: int = 0) -> date:
    months = day.year * 12 + day.month - 1 - back
    return date(months // 12, months % 12 + 1, 1)


def monthly_amounts(
    session: Session, specs: list[WorkflowSpec], now: datetime, lang: str = "zh"
) -> list[Month]:
    """Sales and purchase amounts of each of the last MONTHS months, by order date: every
    term of both summed over each month's stretch of the order-date index, all months in
    one statement (grouped by a month worked out of each date, the year's orders would be
    sorted first)."""
    terms = {direction: amount_terms(session, direction) for direction in ("sales", "purchase")}
    sums = [
        func.coalesce(
            func.sum(sum((case((which, amount), else_=0) for amount, which in found), start=0)),
            0,
        )
        for found in terms.values()
    ]
    ranges = []
    for back in range(MONTHS - 1, -1, -1):
        start = _month_start(now.date(), back)
        end = _month_start(now.date(), back - 1)
        in_month = and_(
            Order.created_at >= datetime.combine(start, datetime.min.time()),
            Order.created_at < datetime.combine(end, datetime.min.time()),
        )
        ranges.append((start, in_month))
    rows = {
        key: (Decimal(sales), Decimal(purchases))
        for key, sales, purchases in session.execute(
            union_all(
                *[
                    select(literal(start.isoformat()), *sums).where(in_month)
                    for start, in_month in ranges
                ]
            )
        )
    }
    months = []
    for start, in_month in ranges:
        key = start.strftime("%Y-%m")
        figures = [
            Figure(
                key,
                key,
                value.quantize(Decimal("0.01")),
                _among(select(Order.id).where(in_month, or_(*[which for _, which in found]))),
            )
            for value, found in zip(rows[start.isoformat()], terms.values(), strict=True)
        ]
        months.append(Month(start, *figures))
    return months


def _period_sales(session: Session, now: datetime, days: int):
    """Sales booked in the last `days` days (by order date), as a condition."""
    [(_, sold), *_] = amount_terms(session, "sales")
    # The node test wrapped in a CASE, tested row by row: the database walks the order-date
    # index over the period, not the node index over every booked order there ever was.
    return and_(Order.created_at >= now - timedelta(days=days), case((sold, 1), else_=0) == 1)


def top_customers(
    session: Session, specs: list[WorkflowSpec], now: datetime, days: int
) -> list[Figure]:
    """The customers who bought most in the last `days` days."""
    sold = _period_sales(session, now, days)
    rows = session.execute(
        select(Party.id, Party.name, func.sum(Order.total).label("amount"))
        .join(Order, Order.party_id == Party.id)
        .where(sold)
        .group_by(Party.id, Party.name)
        .order_by(func.sum(Order.total).desc(), Party.name)
        .limit(TOP)
    ).all()
    return [
        Figure(
            name, name, Decimal(amount), _among(select(Order.id).where(sold, Order.party_id == pid))
        )
        for pid, name, amount in rows
    ]


def top_products(
    session: Session, specs: list[WorkflowSpec], now: datetime, days: int
) -> list[Figure]:
    """The products that sold for most in the last `days` days (line amounts)."""
    sold = _period_sales(session, now, days)
    amount = func.sum(OrderLine.qty * OrderLine.unit_price)
    rows = session.execute(
        select(Product.id, Product.sku, Product.name, amount)
        .join(OrderLine, OrderLine.product_id == Product.id)
        .join(Order, Order.id == OrderLine.order_id)
        .where(sold)
        .group_by(Product.id, Product.sku, Product.name)
        .order_by(amount.desc(), Product.sku)
        .limit(TOP)
    ).all()
    return [
        Figure(
            sku,
            f"{sku} {name}",
            Decimal(value).quantize(Decimal("0.01")),
            _among(
                select(Order.id).where(
                    sold,
                    Order.id.in_(select(OrderLine.order_id).where(OrderLine.product_id == pid)),
                )
            ),
        )
        for pid, sku, name, value in rows
    ]
