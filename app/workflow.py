"""The one engine through which every status change goes.

A transition is looked up in the order's own workflow version (data), then the
engine checks the acting role, the required inputs and the guard, applies the
transition's effect, moves the node, writes the audit event and the
notifications — all in the caller's transaction — and finally takes every
automatic transition whose guard now holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from sqlalchemy import and_, case, false, or_, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from db.models import Notification, Order, User, Workflow

from . import audit, settings, stock
from .clock import utcnow
from .errors import InvalidTransition, PermissionDenied, ValidationError
from .progress import Progress, progress_of_orders
from .roles import role_label, roles_label


@dataclass(frozen=True)
class Node:
    code: str
    zh: str
    en: str
    owner: str | None
    limit_hours: int | None
    terminal: bool

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    zh: str
    en: str
    trigger: str
    roles: frozenset[str]
    guard: str | None
    effect: str | None
    requires: tuple[str, ...]
    forward: bool

    @property
    def manual(self) -> bool:
        return self.trigger in ("manual", "semi")

    @property
    def automatic(self) -> bool:
        return self.trigger in ("auto", "semi")

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


class WorkflowSpec:
    """A workflow definition read from its stored data."""

    def __init__(self, workflow_id: int, definition: dict):
        self.id = workflow_id
        self.kind: str = definition["kind"]
        self.initial: str = definition["initial"]
        self.fulfilled: str = definition["fulfilled"]
        self.nodes: dict[str, Node] = {
            code: Node(
                code,
                n["label"]["zh"],
                n["label"]["en"],
                n.get("owner"),
                n.get("limit_hours"),
                bool(n.get("terminal")),
            )
            for code, n in definition["nodes"].items()
        }
        self.order: list[str] = list(self.nodes)
        self.transitions: list[Transition] = [
            Transition(
                t["name"],
                tuple(t["from"]),
                t["to"],
                t["label"]["zh"],
                t["label"]["en"],
                t["trigger"],
                frozenset(t.get("roles", [])),
                t.get("guard"),
                t.get("effect"),
                tuple(t.get("requires", [])),
                t.get("forward", True),
            )
            for t in definition["transitions"]
        ]
        self._check()

    def _check(self) -> None:
        for t in self.transitions:
            for code in (*t.sources, t.target):
                if code not in self.nodes:
                    raise ValueError(f"transition {t.name} names unknown node {code}")
            if t.guard is not None and t.guard not in GUARDS:
                raise ValueError(f"transition {t.name} names unknown guard {t.guard}")
            if t.effect is not None and t.effect not in EFFECTS:
                raise ValueError(f"transition {t.name} names unknown effect {t.effect}")

    def node(self, code: str) -> Node:
        return self.nodes[code]

    def leaving(self, code: str) -> list[Transition]:
        return [t for t in self.transitions if code in t.sources]

    def entry_guards(self, code: str) -> set[str]:
        """The conditions under which an order got to this node (that must keep holding)."""
        return {t.guard for t in self.transitions if t.target == code and t.guard}

    def responsible_roles(self, code: str) -> frozenset[str]:
        """Who owns the next step of an order waiting at this node."""
        return frozenset(role for t in self.leaving(code) if t.forward for role in t.roles)

    def is_before_fulfilment(self, code: str) -> bool:
        return not self.nodes[code].terminal and self.order.index(code) < self.order.index(
            self.fulfilled
        )


_SPECS: dict[tuple[URL, int], WorkflowSpec] = {}


def spec_by_id(session: Session, workflow_id: int) -> WorkflowSpec:
    """Workflow versions never change once stored, so each is read once per database
    (and looked up once per session: a bulk action asks for it thousands of times)."""
    local = session.info.setdefault("workflow_specs", {})
    spec = local.get(workflow_id)
    if spec is None:
        key = (session.get_bind().url, workflow_id)
        spec = _SPECS.get(key)
        if spec is None:
            row = session.get(Workflow, workflow_id)
            spec = _SPECS[key] = WorkflowSpec(row.id, row.definition)
        local[workflow_id] = spec
    return spec


def spec_for(session: Session, order: Order) -> WorkflowSpec:
    return spec_by_id(session, order.workflow_id)


def active_workflow(session: Session, kind: str) -> WorkflowSpec:
    row = session.scalars(
        select(Workflow)
        .where(Workflow.kind == kind, Workflow.active)
        .order_by(Workflow.version.desc())
        .limit(1)
    ).one()
    return spec_by_id(session, row.id)


def all_specs(session: Session) -> list[WorkflowSpec]:
    return [spec_by_id(session, wid) for wid in session.scalars(select(Workflow.id))]


# --- guards: None when the transition may be taken, else (zh, en) why not ---------------


class Facts:
    """What the guards read about a batch of orders, fetched together on first use."""

    def __init__(self, session: Session, orders: list[Order]):
        self.session = session
        self.orders = orders
        self._progress: dict[int, Progress] | None = None
        self._threshold: Decimal | None = None

    @property
    def approval_threshold(self) -> Decimal:
        if self._threshold is None:
            self._threshold = settings.approval_threshold(self.session)
        return self._threshold

    def progress(self, order: Order) -> Progress:
        if self._progress is None:
            self._progress = progress_of_orders(self.session, self.orders)
        return self._progress[order.id]


Reason = tuple[str, str] | None


def _has_lines(facts: Facts, order: Order) -> Reason:
    return None if order.lines else ("订单没有任何明细行。", "The order has no lines.")


def _approval_not_required(facts: Facts, order: Order) -> Reason:
    limit = facts.approval_threshold
    if order.total <= limit:
        return None
    return (f"金额超过 {limit:,.2f}，需要审批。", f"Total above {limit:,.2f} needs approval.")


def _all_shipped(facts: Facts, order: Order) -> Reason:
    if facts.progress(order).all_shipped:
        return None
    return ("还有货物未发出，请先登记发货。", "Some goods are not shipped yet; record a shipment.")


def _all_delivered(facts: Facts, order: Order) -> Reason:
    if facts.progress(order).all_delivered:
        return None
    return ("还有发货未签收。", "Some shipments are not signed for yet.")


def _all_received(facts: Facts, order: Order) -> Reason:
    if facts.progress(order).all_received:
        return None
    return ("还有货物未到货，请先登记收货。", "Some goods are not received yet; record a receipt.")


def _fully_paid(facts: Facts, order: Order) -> Reason:
    p = facts.progress(order)
    if p.fully_paid:
        return None
    return (
        f"已收付 {p.paid:,.2f}，少于订单金额 {p.total:,.2f}。",
        f"Paid {p.paid:,.2f} is less than the total {p.total:,.2f}.",
    )


def _nothing_moved_or_paid(facts: Facts, order: Order) -> Reason:
    p = facts.progress(order)
    if p.anything_moved:
        return (
            "已有货物发出或入库，不能取消；请走退货流程。",
            "Goods have already moved; it cannot be cancelled. Use a return instead.",
        )
    if p.paid != 0:
        return (
            f"已有款项 {p.paid:,.2f}，请先退款再取消。",
            f"{p.paid:,.2f} has been paid; refund it before cancelling.",
        )
    return None


GUARDS: dict[str, Callable[[Facts, Order], Reason]] = {
    "has_lines": _has_lines,
    "approval_not_required": _approval_not_required,
    "all_shipped": _all_shipped,
    "all_delivered": _all_delivered,
    "all_received": _all_received,
    "fully_paid": _fully_paid,
    "nothing_moved_or_paid": _nothing_moved_or_paid,
}


# --- effects: what a transition does besides moving the node, for a batch of orders ------


def _mark_delivered(session: Session, user: User, orders: list[Order]) -> None:
    now = utcnow()
    for order in orders:
        for shipment in order.shipments:
            if shipment.delivered_at is None:
                shipment.delivered_at = now


EFFECTS: dict[str, Callable[[Session, User, list[Order]], None]] = {
    "reserve_stock": stock.reserve_for,
    "release_stock": stock.release_for,
    "mark_delivered": _mark_delivered,
}


# --- the engine -------------------------------------------------------------------------


def _find_manual(session: Session, spec: WorkflowSpec, order: Order, target: str) -> Transition:
    current = spec.node(order.status)
    if target not in spec.nodes:
        known = ", ".join(spec.order)
        raise ValidationError(
            f"没有节点“{target}”。可用节点：{known}。",
            f"There is no node '{target}'. Nodes: {known}.",
        )
    wanted = spec.node(target)
    candidates = [t for t in spec.leaving(order.status) if t.target == target]
    manual = [t for t in candidates if t.manual]
    if manual:
        return manual[0]
    if candidates:
        auto = candidates[0]
        why = GUARDS[auto.guard](Facts(session, [order]), order) if auto.guard else None
        zh_why, en_why = why or ("", "")
        raise InvalidTransition(
            f"订单 {order.number} 不能手动推进到“{wanted.zh}”，条件满足后会自动进入。{zh_why}",
            f"Order {order.number} cannot be moved to '{wanted.en}' by hand; it gets there "
            f"automatically once its condition holds. {en_why}".rstrip(),
        )
    nexts = [spec.node(t.target) for t in spec.leaving(order.status) if t.manual]
    zh_next = "、".join(n.zh for n in nexts) or "无"
    en_next = ", ".join(n.en for n in nexts) or "none"
    raise InvalidTransition(
        f"订单 {order.number} 在“{current.zh}”，不能转到“{wanted.zh}”。可转到：{zh_next}。",
        f"Order {order.number} is at '{current.en}' and cannot go to '{wanted.en}'. "
        f"Possible: {en_next}.",
    )


def allowed_transitions(session: Session, user: User, order: Order) -> list[Transition]:
    """The manual steps this user may take on the order now (for buttons and menus)."""
    spec = spec_for(session, order)
    facts = Facts(session, [order])
    result = []
    for t in spec.leaving(order.status):
        if not t.manual or user.role not in t.roles:
            continue
        if t.guard and GUARDS[t.guard](facts, order) is not None:
            continue
        result.append(t)
    return result


def require_transition_role(session: Session, user: User, order: Order, target: str) -> Transition:
    """The manual transition to `target`, if the user's role may take it now."""
    transition = _find_manual(session, spec_for(session, order), order, target)
    if user.role not in transition.roles:
        raise PermissionDenied(
            f"{role_label(user.role)}（{user.name}）不能执行“{transition.zh}”；"
            f"可由{roles_label(transition.roles)}操作。",
            f"{user.name} ({role_label(user.role, 'en')}) may not '{transition.en}'; "
            f"allowed: {roles_label(transition.roles, 'en')}.",
        )
    return transition


def advance(
    session: Session,
    user: User,
    orders: list[Order],
    target: str,
    *,
    comment: str = "",
    reason: str = "",
) -> None:
    """Take the manual transition to `target` on every order as `user`, then the automatic
    ones that follow. Any order that may not move stops the whole batch."""
    # Node changes are written once, when the caller saves the orders.
    with session.no_autoflush:
        _advance(session, user, orders, target, comment, reason)


def _advance(
    session: Session, user: User, orders: list[Order], target: str, comment: str, reason: str
) -> None:
    facts = Facts(session, orders)
    moves = []
    for order in orders:
        transition = require_transition_role(session, user, order, target)
        if "reason" in transition.requires and not reason.strip():
            raise ValidationError(
                f"“{transition.zh}”必须填写原因。", f"'{transition.en}' requires a reason."
            )
        if "comment" in transition.requires and not comment.strip():
            raise ValidationError(
                f"“{transition.zh}”必须填写说明。", f"'{transition.en}' requires a comment."
            )
        why = GUARDS[transition.guard](facts, order) if transition.guard else None
        if why is not None:
            raise InvalidTransition(
                f"订单 {order.number} 不能“{transition.zh}”：{why[0]}",
                f"Order {order.number} cannot '{transition.en}': {why[1]}",
            )
        moves.append((order, transition))
    _take(session, user, moves, "manual", reason or comment)
    _settle(session, user, orders)


def settle(session: Session, user: User, orders: list[Order]) -> None:
    """Take every automatic transition whose guard holds, round after round."""
    session.flush()  # the guards read the facts just recorded
    with session.no_autoflush:
        _settle(session, user, orders)


def _settle(session: Session, user: User, orders: list[Order]) -> None:
    pending = list(orders)
    while pending:
        facts = Facts(session, pending)
        moves = []
        for order in pending:
            for t in spec_for(session, order).leaving(order.status):
                if t.automatic and t.guard and GUARDS[t.guard](facts, order) is None:
                    moves.append((order, t))
                    break
        _take(session, user, moves, "auto", "")
        pending = [order for order, _ in moves]


def _take(
    session: Session, user: User, moves: list[tuple[Order, Transition]], trigger: str, comment: str
) -> None:
    by_effect: dict[str, list[Order]] = {}
    for order, transition in moves:
        if transition.effect:
            by_effect.setdefault(transition.effect, []).append(order)
    for effect, orders in by_effect.items():
        EFFECTS[effect](session, user, orders)
    now = utcnow()
    notices = []
    for order, transition in moves:
        source = order.status
        order.status = transition.target
        order.status_since = now
        order.updated_at = now
        audit.record(
            session,
            user.name,
            entity="order",
            ref=order.number,
            order_id=order.id,
            action="transition",
            before={"status": source},
            after={"status": transition.target, "transition": transition.name, "trigger": trigger},
            comment=comment,
        )
        notices.extend(_next_step_notices(spec_for(session, order), order))
    if notices:
        session.execute(Notification.__table__.insert(), notices)


def _next_step_notices(spec: WorkflowSpec, order: Order) -> list[dict]:
    """Tell the roles that own the next step; a finished order waits on nobody."""
    node = spec.node(order.status)
    return [
        {
            "at": order.status_since,
            "recipient_role": role,
            "order_id": order.id,
            "kind": "next_step",
            "message": f"订单 {order.number}（{order.party.name}）已到“{node.zh}”，"
            f"等待{role_label(role)}处理。",
        }
        for role in sorted(spec.responsible_roles(node.code))
    ]


# --- lateness: computed from the time limits, never stored --------------------------------


def deadline_of(spec: WorkflowSpec, order: Order) -> datetime | None:
    limit = spec.node(order.status).limit_hours
    return order.status_since + timedelta(hours=limit) if limit else None


def is_overdue(spec: WorkflowSpec, order: Order, now: datetime) -> bool:
    deadline = deadline_of(spec, order)
    if deadline is not None and now > deadline:
        return True
    return bool(
        order.due is not None and order.due < now.date() and spec.is_before_fulfilment(order.status)
    )


def overdue_clause(specs: list[WorkflowSpec], now: datetime):
    """A SQL condition equal to `is_overdue` so the database can filter late orders."""
    parts = []
    for spec in specs:
        for node in spec.nodes.values():
            in_node = and_(Order.workflow_id == spec.id, Order.status == node.code)
            if node.limit_hours:
                parts.append(
                    and_(in_node, Order.status_since < now - timedelta(hours=node.limit_hours))
                )
            if spec.is_before_fulfilment(node.code):
                parts.append(and_(in_node, Order.due < now.date()))
    if not parts:
        return false()
    # Wrapped in a CASE so SQLite walks the creation-date index and stops after a page,
    # instead of collecting every late order through the status index and sorting them.
    return case((or_(*parts), 1), else_=0) == 1
