"""How late each order is: computed from its node's time limit and its due date, never
stored.

An order is late at its node once it has waited there longer than the node's
`limit_hours` (counted in every hour, or in working hours when the setting
`limits_in_working_hours` is on: see app/working_time.py); it is late against its due
date once the due day has passed in the office's time zone while it is not yet
fulfilled. Past twice its node's limit, the alert escalates: the owner role is told
once per order and stay at the node.

Everything works on sets: `overdue_clause` is one SQL condition for "late now", and an
`Assessor` works out the figures of many orders from their columns without a query per
order, so the whole office's alert scan is one SELECT.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from sqlalchemy import and_, case, exists, false, func, or_, select, tuple_, union_all
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import Escalation, Order, Party, User

from . import audit, settings, workflow
from .clock import utcnow
from .errors import ValidationError
from .roles import holds_any
from .working_time import WallClock, WorkingClock

ESCALATE_TO = "owner"  # the role told when an order waits past twice its limit
ESCALATION_FACTOR = 2


class Lateness(NamedTuple):  # a tuple: the scan makes one per late order
    """Where an order stands against its clocks. `hours` > 0: late by that much; <= 0:
    that much time left; `reason` says which clock: `node` (its node's limit) or `due`."""

    reason: str
    hours: float
    in_node_hours: float | None  # counted hours at the node, when the node has a limit
    limit_hours: int | None
    working: bool  # hours counted as working hours
    escalated: bool

    @property
    def late(self) -> bool:
        return self.hours > 0


@dataclass
class Assessor:
    """Works out the lateness of many orders at one moment, from their columns."""

    session: Session
    now: datetime
    specs: dict[int, workflow.WorkflowSpec] = field(init=False)

    def __post_init__(self):
        self.specs = {spec.id: spec for spec in workflow.all_specs(self.session)}
        calendar = settings.calendar(self.session)
        self.offset = calendar.offset
        if settings.flag(self.session, "limits_in_working_hours"):
            self.clock: WallClock | WorkingClock = WorkingClock(
                calendar, calendar.local(self.now).date()
            )
        else:
            self.clock = WallClock()
        self.now_position = self.clock.position(self.now)
        self.today = calendar.local(self.now).date()
        self._thresholds: dict[float, datetime] = {}
        self._nodes: dict[tuple[int, str], tuple[int | None, bool]] = {}

    def threshold(self, hours: float) -> datetime:
        """Orders that came to a node before this moment have waited more than `hours`."""
        if hours not in self._thresholds:
            self._thresholds[hours] = self.clock.moment_at(self.now_position - hours)
        return self._thresholds[hours]

    def due_end(self, due) -> datetime:
        """The moment (UTC) the due day is over in the office."""
        return datetime.combine(due + timedelta(days=1), datetime.min.time()) - self.offset

    def deadline(self, workflow_id: int, status: str, since: datetime) -> datetime | None:
        limit = self.specs[workflow_id].node(status).limit_hours
        if not limit:
            return None
        return self.clock.moment_at(self.clock.position(since) + limit)

    def _node(self, workflow_id: int, status: str) -> tuple[int | None, bool]:
        """The node's limit and whether its due date counts, looked up once per node."""
        key = (workflow_id, status)
        found = self._nodes.get(key)
        if found is None:
            spec = self.specs[workflow_id]
            found = self._nodes[key] = (
                spec.node(status).limit_hours,
                spec.is_before_fulfilment(status),
            )
        return found

    def assess(self, workflow_id: int, status: str, since: datetime, due) -> Lateness | None:
        """None when no clock runs for the order here (no limit, no due date that counts)."""
        limit, due_counts = self._node(workflow_id, status)
        late_due = None
        if due is not None and due_counts:
            late_due = (self.now - self.due_end(due)).total_seconds() / 3600
        if not limit:
            if late_due is None:
                return None
            return Lateness("due", late_due, None, None, self.clock.working, False)
        in_node = self.now_position - self.clock.position(since)
        escalated = in_node > ESCALATION_FACTOR * limit
        if late_due is not None and late_due > in_node - limit:
            return Lateness("due", late_due, in_node, limit, self.clock.working, escalated)
        return Lateness("node", in_node - limit, in_node, limit, self.clock.working, escalated)

    def rules(self, *, due: bool = True) -> dict[tuple[int | None, bool], list[tuple[int, str]]]:
        """The (workflow id, node) pairs where some clock runs, by the clocks that run there:
        (the node's limit, whether the due date counts). Every version of every workflow
        has its nodes, but few distinct rules: the SQL below has a part per rule, not per
        node of each version (hundreds of small edits once made it too deep for SQLite)."""
        found: dict[tuple[int | None, bool], list[tuple[int, str]]] = {}
        for spec in self.specs.values():
            for code, node in spec.nodes.items():
                rule = (node.limit_hours or None, due and spec.is_before_fulfilment(code))
                if rule != (None, False):
                    found.setdefault(rule, []).append((spec.id, code))
        return found

    def late_under(self, rule: tuple[int | None, bool], factor: int = 1):
        """SQL: an order under this rule is late now (with factor 2: past twice its limit)."""
        limit, due_counts = rule
        late = []
        if limit:
            late.append(Order.status_since < self.threshold(factor * limit))
        if due_counts:
            late.append(Order.due < self.today)
        return or_(*late)

    def clause(self, factor: int = 1, *, due: bool = True, scan: bool = False):
        """SQL: the orders late now (with factor 2: past twice their node's limit); `scan`
        for reading them all rather than a page of a list."""
        parts = [
            and_(_at(pairs), self.late_under(rule, factor))
            for rule, pairs in self.rules(due=due).items()
        ]
        if not parts:
            return false()
        if scan:
            # Every late order is wanted: narrow by the status index first.
            return and_(Order.status.in_(sorted(self.clocked_nodes())), or_(*parts))
        # Wrapped in a CASE so SQLite walks the creation-date index and stops after a page,
        # instead of collecting every late order through the status index and sorting them.
        return case((or_(*parts), 1), else_=0) == 1

    def clocked_nodes(self) -> set[str]:
        """The node codes at which some clock runs, in any workflow version."""
        return {code for pairs in self.rules().values() for _, code in pairs}

    def has_clock_clause(self):
        """SQL: the orders for which some clock runs (a node limit or a due date that counts)."""
        timed, dated = [], []
        for (limit, _), pairs in self.rules().items():
            (timed if limit else dated).extend(pairs)
        parts = [_at(timed)] if timed else []
        if dated:
            parts.append(and_(_at(dated), Order.due.is_not(None)))
        return or_(*parts) if parts else false()

    def of(self, order: Order) -> Lateness | None:
        return self.assess(order.workflow_id, order.status, order.status_since, order.due)


def assessor(session: Session, now: datetime | None = None) -> Assessor:
    """One per unit of work and moment: it reads the workflows and the calendar once."""
    now = now or utcnow()
    cached = session.info.get("lateness_assessor")
    if cached is not None and cached.now == now:
        return cached
    made = session.info["lateness_assessor"] = Assessor(session, now)
    return made


def overdue_clause(session: Session, now: datetime | None = None):
    return assessor(session, now).clause()


def late_by_node(session: Session, now: datetime | None = None) -> list[tuple[int, str, int]]:
    """(workflow id, node, how many) of the orders late now, by `overdue_clause`'s rule:
    each rule counted on its own stretches of the workflow-and-node index, testing only
    its own clock, all in one statement."""
    judge = assessor(session, now)
    parts = [
        select(Order.workflow_id, Order.status, func.count())
        .where(_at(pairs), judge.late_under(rule))
        .group_by(Order.workflow_id, Order.status)
        for rule, pairs in judge.rules().items()
    ]
    if not parts:
        return []
    return sorted(tuple(row) for row in session.execute(union_all(*parts)))


def _at(pairs: list[tuple[int, str]]):
    """SQL: the order is at one of these (workflow id, node) pairs."""
    return tuple_(Order.workflow_id, Order.status).in_(pairs)


def is_overdue(session: Session, order: Order, now: datetime | None = None) -> bool:
    found = assessor(session, now).of(order)
    return bool(found and found.late)


# --- words --------------------------------------------------------------------------------


def _amount(hours: float, lang: str, working: bool) -> str:
    hours = abs(hours)
    if hours >= 96 and not working:
        days = round(hours / 24)
        return f"{days} days" if lang == "en" else f"{days} 天"
    whole = max(1, round(hours)) if hours >= 1 else None
    if whole is None:
        minutes = max(1, round(hours * 60))
        return f"{minutes} min" if lang == "en" else f"{minutes} 分钟"
    if working:
        return f"{whole} working h" if lang == "en" else f"{whole} 个工作小时"
    return f"{whole} h" if lang == "en" else f"{whole} 小时"


@functools.lru_cache(maxsize=512)  # a spec is read once per version; texts per node
def waiting_for(spec: workflow.WorkflowSpec, status: str, lang: str) -> str:
    """What has not happened yet at this node, from the next forward node's label."""
    ahead = next((t.target for t in spec.leaving(status) if t.forward), None)
    if ahead is None:
        return ""
    node = spec.node(ahead)
    if lang == "en":
        return f"not yet {node.en.lower()}"
    return f"未{node.zh[1:]}" if node.zh.startswith("已") else f"未到{node.zh}"


def reason_text(spec: workflow.WorkflowSpec, status: str, found: Lateness, lang: str) -> str:
    """'已发货 76 小时未签收', 'Shipped 76 h, not yet delivered', or the due date."""
    node = spec.node(status)
    if found.reason == "due":
        if found.late:
            return "Past the due date" if lang == "en" else "已过交期"
        return "Due date ahead" if lang == "en" else "交期将到"
    spent = _amount(found.in_node_hours or 0, lang, found.working)
    pending = waiting_for(spec, status, lang)
    if lang == "en":
        return f"{node.en} {spent}, {pending}" if pending else f"{node.en} {spent}"
    return f"{node.zh} {spent}{pending}"


def left_text(found: Lateness, lang: str) -> str:
    """'超时 4 小时' / 'late by 4 h', or '还剩 3 小时' / '3 h left'."""
    working = found.working and found.reason == "node"
    amount = _amount(found.hours, lang, working)
    if found.late:
        return f"late by {amount}" if lang == "en" else f"超时 {amount}"
    return f"{amount} left" if lang == "en" else f"还剩 {amount}"


def words(session: Session, order: Order, found: Lateness | None, lang: str) -> dict:
    """The fields a list row shows about lateness."""
    if found is None:
        return {"late_by_hours": None, "time_left": "", "late_reason": "", "escalated": False}
    spec = workflow.spec_by_id(session, order.workflow_id)
    return {
        "late_by_hours": round(found.hours, 1),
        "time_left": left_text(found, lang),
        "late_reason": reason_text(spec, order.status, found, lang),
        "escalated": found.escalated,
    }


# --- the alert scan -----------------------------------------------------------------------


def _stamp(moment: datetime | None) -> str | None:
    return f"{moment.replace(microsecond=0).isoformat()}Z" if moment else None


def _reader_sees(user: User | None, owner: str | None, escalated: bool) -> bool:
    working = (user.roles - {"admin"}) if user is not None else frozenset()
    if not working:
        return True  # someone who is only an admin sees everything
    if owner and holds_any(user, {owner}):
        return True
    return escalated and holds_any(user, {ESCALATE_TO})


def alerts(
    session: Session,
    user: User | None = None,
    lang: str = "zh",
    *,
    everything: bool = False,
    now: datetime | None = None,
) -> list[dict]:
    """Orders late at their node or past their due date, latest first: for the reader's
    queues (the steps their roles own, and for the owner what escalated), or all."""
    judge = assessor(session, now)
    # Core rather than ORM rows: the scan reads plain columns, many of them.
    rows = session.connection().execute(
        select(
            Order.id,
            Order.number,
            Order.kind,
            Order.workflow_id,
            Order.status,
            Order.status_since,
            Order.due,
            Party.name,
        )
        .join(Party, Party.id == Order.party_id)
        .where(judge.clause(scan=True))
    )
    result = []
    nodes: dict[tuple[int, str], tuple] = {}  # worked out once per node, not per order
    for oid, number, kind, workflow_id, status, since, due, party in rows:
        found = judge.assess(workflow_id, status, since, due)
        if found is None or not found.late:
            continue
        spec = judge.specs[workflow_id]
        node = nodes.get((workflow_id, status))
        if node is None:
            node = nodes[workflow_id, status] = (
                spec.owner_of(status) or "",
                spec.node(status).label(lang),
            )
        owner, label = node
        if not everything and not _reader_sees(user, owner, found.escalated):
            continue
        result.append(
            {
                "number": number,
                "kind": kind,
                "status": status,
                "status_label": label,
                "owner_role": owner,
                "since": _stamp(since),
                "late_by_hours": round(found.hours, 1),
                "party": party,
                "due": due.isoformat() if due else None,
                "reason": found.reason,
                "reason_text": reason_text(spec, status, found, lang),
                "late_by": left_text(found, lang),
                "working_hours": found.working,
                "escalated": found.escalated,
                "_id": oid,
            }
        )
    result.sort(key=lambda row: (-row["late_by_hours"], row["number"]))
    return result


# --- escalation ---------------------------------------------------------------------------


def escalate(session: Session, user: User | None = None, now: datetime | None = None) -> int:
    """Tell the owner role about every order past twice its node's limit that it has not
    been told about for this stay at the node; returns how many were told."""
    judge = assessor(session, now)
    told = exists().where(
        Escalation.order_id == Order.id,
        Escalation.node == Order.status,
        Escalation.since == Order.status_since,
    )
    late = list(
        session.scalars(
            select(Order)
            .where(judge.clause(ESCALATION_FACTOR, due=False), ~told)
            .order_by(Order.id)
        )
    )
    if not late:
        return 0
    moment = judge.now
    notices = []
    for order in late:
        found = judge.of(order)
        session.add(
            Escalation(order_id=order.id, node=order.status, since=order.status_since, at=moment)
        )
        params = {
            "number": order.number,
            "party": order.party.name,
            "workflow_id": order.workflow_id,
            "node": order.status,
            "hours": round(found.in_node_hours or 0),
            "limit_hours": found.limit_hours,
            "working": found.working,
        }
        notices.append(
            {
                "at": moment,
                "recipient_role": ESCALATE_TO,
                "recipient_user_id": None,
                "order_id": order.id,
                "kind": "escalated",
                "params": params,
            }
        )
        audit.record(
            session,
            user.name if user is not None else "system",
            entity="order",
            ref=order.number,
            action="escalated",
            order_id=order.id,
            after={"node": order.status, "to_role": ESCALATE_TO, "in_node_hours": params["hours"]},
        )
    # A second desktop scanning at the same moment meets the unique key and rolls back.
    session.flush()
    from .outbox import enqueue  # the outbox words notices, which reads workflows

    enqueue(session, notices)  # writes the notices too
    return len(notices)


def escalate_now(database) -> int:
    """The scan as its own unit of work, for the senders of the window and `notify --run`
    and for `alerts`; a desktop that loses a race to another one leaves it to the winner."""
    from .runner import run

    try:
        return run(database, None, escalate).value
    except IntegrityError:
        return 0
    except ValidationError as error:  # the runner words a unique key another desktop took
        if isinstance(error.__cause__, IntegrityError):
            return 0
        raise


def escalation_words(params: dict, node_label: str, lang: str) -> str:
    working = params.get("working", False)
    spent = _amount(params["hours"], lang, working)
    limit = _amount(params["limit_hours"] or 0, lang, working)
    if lang == "en":
        return (
            f"Order {params['number']} ({params['party']}) has waited at '{node_label}' for "
            f"{spent}, more than twice its limit of {limit}."
        )
    return (
        f"订单 {params['number']}（{params['party']}）在“{node_label}”已等待 {spent}，"
        f"超过时限 {limit} 的两倍。"
    )
