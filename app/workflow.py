"""The one engine through which every status change goes.

A transition is looked up in the order's own workflow version (data), then the
engine checks the acting role, the required inputs and the guard, applies the
transition's effect, moves the node, writes the audit event and the
notifications — all in the caller's transaction — and finally takes every
automatic transition whose guard now holds.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import DateTime, Integer, bindparam, cast, func, select
from sqlalchemy.engine import URL
from sqlalchemy.event import listens_for
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from db.models import NodeStay, Order, Shipment, User, Workflow

from . import audit, settings, stock
from .clock import utcnow
from .errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from .kinds import KINDS
from .lookup import by_keys, picked
from .progress import Progress, progress_of_orders
from .roles import holds_any, roles_label
from .validation import clean_text
from .workflow_defaults import CREATOR

MAX_COMMENT = 2000  # characters of a comment or reason given with a step
# In a transition's `requires`: the step is taken by an amendment, never by hand.
AMENDMENT = "amendment"


@dataclass(frozen=True)
class Node:
    code: str
    zh: str
    en: str
    owner: str | None  # the role whose queue an order waiting here is in
    limit_hours: int | None
    color: str
    allows: frozenset[str]  # facts that may be recorded here
    prints: tuple[str, ...]  # documents that may be printed here
    tells: tuple[str, ...]  # who else hears when an order comes to rest here
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
    """A workflow definition read from its stored data (checked by app/workflow_versions.py
    before it is stored)."""

    def __init__(self, workflow_id: int, definition: dict, version: int = 1):
        self.id = workflow_id
        self.version = version
        self.definition = definition
        self.kind: str = definition["kind"]
        self.initial: str = definition["initial"]
        self.fulfilled: str = definition["fulfilled"]
        self.void: str = definition["void"]
        self.facts: dict[str, frozenset[str]] = {
            fact: frozenset(roles) for fact, roles in definition["facts"].items()
        }
        self.nodes: dict[str, Node] = {
            code: Node(
                code,
                n["label"]["zh"],
                n["label"]["en"],
                n.get("owner"),
                n.get("limit_hours"),
                n.get("color") or "#8a8f98",
                frozenset(n.get("allows", ())),
                tuple(n.get("prints", ())),
                tuple(n.get("tells", ())),
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
        self._fulfilled_or_later = self._forward_closure(self.fulfilled)

    def _forward_closure(self, start: str) -> frozenset[str]:
        seen, todo = {start}, [start]
        while todo:
            for t in self.leaving(todo.pop()):
                if t.forward and t.target not in seen:
                    seen.add(t.target)
                    todo.append(t.target)
        return frozenset(seen)

    def node(self, code: str) -> Node:
        return self.nodes[code]

    def leaving(self, code: str) -> list[Transition]:
        return [t for t in self.transitions if code in t.sources]

    def invariants(self, code: str) -> set[str]:
        """The guards that hold for every way into this node: the facts must keep them."""
        entering = [t for t in self.transitions if t.target == code]
        if not entering:
            return set()
        return set.intersection(*({t.guard} if t.guard else set() for t in entering))

    def submission(self) -> Transition:
        """The step that takes a new order out of its initial node."""
        return next(t for t in self.leaving(self.initial) if t.manual and t.forward)

    def owner_of(self, code: str) -> str | None:
        """Who owns the next step of an order waiting at this node (its queue)."""
        node = self.nodes[code]
        return None if node.terminal else node.owner

    def allows(self, code: str, fact: str) -> bool:
        return fact in self.nodes[code].allows

    def nodes_allowing(self, fact: str) -> list[str]:
        return [code for code in self.order if fact in self.nodes[code].allows]

    def is_before_fulfilment(self, code: str) -> bool:
        return not self.nodes[code].terminal and code not in self._fulfilled_or_later


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
            spec = _SPECS[key] = WorkflowSpec(row.id, row.definition, row.version)
        local[workflow_id] = spec
    return spec


def spec_for(session: Session, order: Order) -> WorkflowSpec:
    return spec_by_id(session, order.workflow_id)


# Built once, on the table: every new order asks.
_WORKFLOWS = Workflow.__table__
_ACTIVE = (
    select(_WORKFLOWS.c.id)
    .where(_WORKFLOWS.c.kind == bindparam("kind"), _WORKFLOWS.c.active)
    .order_by(_WORKFLOWS.c.version.desc())
    .limit(1)
)


def active_workflow(session: Session, kind: str) -> WorkflowSpec:
    """The version new orders of this workflow start on; read from the database each
    time, so a version stored on another desktop is taken at once."""
    workflow_id = session.scalar(_ACTIVE, {"kind": kind})
    if workflow_id is None:
        raise NotFound(f"没有“{kind}”流程。", f"There is no '{kind}' workflow.")
    return spec_by_id(session, workflow_id)


_ALL_IDS = select(_WORKFLOWS.c.id).order_by(_WORKFLOWS.c.id)


def all_specs(session: Session) -> list[WorkflowSpec]:
    local = session.info.get("all_workflow_ids")
    if local is None:
        local = session.info["all_workflow_ids"] = list(session.scalars(_ALL_IDS))
    return [spec_by_id(session, wid) for wid in local]


def specs_of_kinds(session: Session, kinds: tuple[str, ...]) -> list[WorkflowSpec]:
    """Every version of the workflows orders of these kinds run on: a clause over them
    need not read the other kinds' orders at their nodes only to leave them out."""
    wanted = {KINDS[kind].workflow for kind in kinds}
    return [spec for spec in all_specs(session) if spec.kind in wanted]


def find_node(spec: WorkflowSpec, given: str) -> str:
    """A node by its code or by its label in either language."""
    wanted = (given or "").strip()
    if wanted in spec.nodes:
        return wanted
    for node in spec.nodes.values():
        if wanted in (node.zh, node.en) or wanted.lower() == node.en.lower():
            return node.code
    known = ", ".join(f"{n.code} ({n.zh})" for n in spec.nodes.values())
    raise ValidationError(
        f"没有节点“{given}”。可用节点：{known}。", f"There is no node '{given}'. Nodes: {known}."
    )


# --- guards: None when the transition may be taken, else (zh, en) why not ---------------


class Facts:
    """What the guards read about a batch of orders, fetched together on first use."""

    def __init__(self, session: Session, orders: list[Order]):
        self.session = session
        self.orders = orders
        self._progress: dict[int, Progress] | None = None
        self._limits: tuple[Decimal, Decimal] | None = None

    @property
    def approval_limits(self) -> tuple[Decimal, Decimal]:
        """The approval amount and discount, read once for the batch."""
        if self._limits is None:
            self._limits = settings.approval_limits(self.session)
        return self._limits

    def progress(self, order: Order) -> Progress:
        if self._progress is None:
            self._progress = progress_of_orders(self.session, self.orders)
        return self._progress[order.id]


Reason = tuple[str, str] | None


def _has_lines(facts: Facts, order: Order) -> Reason:
    return None if order.lines else ("订单没有任何明细行。", "The order has no lines.")


def list_value_and_discount(order: Order) -> tuple[Decimal, Decimal] | None:
    """What an order sold to a customer is worth at list prices, and the discount given
    on that in percent; None for orders whose prices are not ours to set (purchases)."""
    if KINDS[order.kind].party_kind != "customer":
        return None
    value = sum((line.qty * line.product.price for line in order.lines), Decimal(0))
    value = value.quantize(Decimal("0.01"))
    if value <= 0:
        return value, Decimal(0)
    return value, max((1 - order.total / value) * 100, Decimal(0)).quantize(Decimal("0.1"))


def _approval_not_required(facts: Facts, order: Order) -> Reason:
    limit, allowed = facts.approval_limits
    if order.total > limit:
        return (f"金额超过 {limit:,.2f}，需要审批。", f"Total above {limit:,.2f} needs approval.")
    at_list = list_value_and_discount(order)
    if at_list is None:
        return None
    value, discount = at_list
    if value > limit:  # a price cut to nothing must not slip an order past the owner
        return (
            f"按标价计 {value:,.2f}，超过 {limit:,.2f}，需要审批。",
            f"Worth {value:,.2f} at list prices, above {limit:,.2f}: needs approval.",
        )
    if discount > allowed:
        return (
            f"折扣 {discount}% 超过 {allowed}%，需要审批。",
            f"A discount of {discount}% (more than {allowed}%) needs approval.",
        )
    return None


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


def _refunded(facts: Facts, order: Order) -> Reason:
    p = facts.progress(order)
    if -p.paid >= p.total:
        return None
    return (
        f"已退款 {-p.paid:,.2f}，少于退货金额 {p.total:,.2f}。",
        f"Refunded {-p.paid:,.2f} is less than the return's {p.total:,.2f}.",
    )


GUARDS: dict[str, Callable[[Facts, Order], Reason]] = {
    "has_lines": _has_lines,
    "approval_not_required": _approval_not_required,
    "all_shipped": _all_shipped,
    "all_delivered": _all_delivered,
    "all_received": _all_received,
    "fully_paid": _fully_paid,
    "nothing_moved_or_paid": _nothing_moved_or_paid,
    "refunded": _refunded,
}


# Which fact, recorded at the node, makes each guard of an automatic step hold.
GUARD_FACTS = {
    "all_shipped": "ship",
    "all_received": "receive",
    "all_delivered": "sign",
    "fully_paid": "pay",
    "refunded": "pay",
}


# --- effects: what a transition does besides moving the node, for a batch of orders ------


def _mark_delivered(session: Session, user: User, orders: list[Order], facts: Facts) -> None:
    """Every shipment not yet signed for (nor refused or lost) is signed for now: written at
    once, for the guards that follow in the same step read it from the database."""
    now = utcnow()
    signed = [
        shipment
        for order in orders
        for shipment in order.shipments
        if shipment.delivered_at is None and shipment.trouble is None
    ]
    if not signed:
        return
    session.execute(_SIGN, {"ids": [shipment.id for shipment in signed], "at": now})
    for shipment in signed:
        set_committed_value(shipment, "delivered_at", now)


_SHIPMENTS = Shipment.__table__
_SIGN = (
    _SHIPMENTS.update()
    .where(_SHIPMENTS.c.id.in_(bindparam("ids", expanding=True)))
    .values(delivered_at=bindparam("at"))
)


def _release_stock(session: Session, user: User, orders: list[Order], facts: Facts) -> None:
    from .backorders import release  # it reads the workflows: imported on first use

    release(session, user, orders)


def _reserve_stock(session: Session, user: User, orders: list[Order], facts: Facts) -> None:
    """What each order has still to ship is reserved: its progress says what has shipped
    (an order placed again after an amendment may have shipped part)."""
    shipped: dict[int, dict[int, Decimal]] = {}
    for order in orders:
        done = facts.progress(order).lines
        per_product = shipped[order.id] = {}
        for line in order.lines:
            if line.id in done:
                per_product[line.product_id] = (
                    per_product.get(line.product_id, Decimal(0)) + done[line.id].shipped
                )
    stock.reserve_for(session, user, orders, shipped)


# Each effect is given the guards' facts of the orders it moves, kept for the steps after.
EFFECTS: dict[str, Callable[[Session, User, list[Order], Facts], None]] = {
    "reserve_stock": _reserve_stock,
    "release_stock": _release_stock,
    "mark_delivered": _mark_delivered,
}
# The effects that change what the guards read: the facts are read again after them.
EFFECTS_ON_FACTS = frozenset({"mark_delivered"})


# --- the engine -------------------------------------------------------------------------


def _find_manual(
    session: Session, spec: WorkflowSpec, order: Order, target: str, by_amendment: bool = False
) -> Transition:
    current = spec.node(order.status)
    wanted = spec.node(find_node(spec, target))
    candidates = [t for t in spec.leaving(order.status) if t.target == wanted.code]
    # An amendment's own step and a person's may lead to one node (rejected or approved).
    manual = sorted(
        (t for t in candidates if t.manual), key=lambda t: (AMENDMENT in t.requires) != by_amendment
    )
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
        if not t.manual or not holds_any(user, t.roles) or AMENDMENT in t.requires:
            continue
        if t.guard and GUARDS[t.guard](facts, order) is not None:
            continue
        result.append(t)
    return result


def _denied(user: User, zh_action: str, en_action: str, allowed: frozenset[str]):
    return PermissionDenied(
        f"{roles_label(user.roles)}（{user.name}）不能{zh_action}；"
        f"可由{roles_label(allowed) or '无人'}操作。",
        f"{user.name} ({roles_label(user.roles, 'en')}) may not {en_action}; "
        f"allowed: {roles_label(allowed, 'en') or 'nobody'}.",
    )


def require_transition_role(
    session: Session, user: User, order: Order, target: str, by_amendment: bool = False
) -> Transition:
    """The manual transition to `target`, if the user's role may take it now (an
    amendment's own step first when `by_amendment`)."""
    transition = _find_manual(session, spec_for(session, order), order, target, by_amendment)
    if not holds_any(user, transition.roles):
        raise _denied(user, f"执行“{transition.zh}”", f"'{transition.en}'", transition.roles)
    return transition


# What each fact is called in messages.
FACT_NAMES = {
    "edit": ("修改草稿", "edit drafts"),
    "ship": ("发货", "ship goods"),
    "receive": ("收货入库", "receive goods"),
    "sign": ("登记签收", "sign for shipments"),
    "pay": ("登记收付款", "record payments"),
    "amend": ("改单", "amend orders"),
    "trouble": ("登记拒收或丢件", "report a refused or lost shipment"),
    "resolve": ("处理异常", "resolve exceptions"),
    "return": ("办理退货或换货", "make returns or exchanges"),
}


def may_record(spec: WorkflowSpec, user: User, order: Order, fact: str) -> bool:
    """Whether the user may record this fact on the order now (for buttons and menus)."""
    return spec.allows(order.status, fact) and holds_any(user, spec.facts.get(fact, frozenset()))


def require_fact(session: Session, user: User, order: Order, fact: str) -> WorkflowSpec:
    """Refuse unless the order's workflow lets this user record `fact` at its node now."""
    spec = spec_for(session, order)
    zh_fact, en_fact = FACT_NAMES[fact]
    allowed_at = spec.nodes_allowing(fact)
    if not allowed_at:
        raise ValidationError(
            f"订单 {order.number} 的流程中没有“{zh_fact}”这一步。",
            f"The workflow of order {order.number} has no step to {en_fact}.",
        )
    if not holds_any(user, spec.facts.get(fact, frozenset())):
        raise _denied(user, zh_fact, en_fact, spec.facts.get(fact, frozenset()))
    if not spec.allows(order.status, fact):
        node = spec.node(order.status)
        zh_nodes = "、".join(spec.node(code).zh for code in allowed_at)
        en_nodes = ", ".join(spec.node(code).en for code in allowed_at)
        raise InvalidTransition(
            f"订单 {order.number} 在“{node.zh}”，不能{zh_fact}；只有在{zh_nodes}时可以。",
            f"Order {order.number} is at '{node.en}': cannot {en_fact}; only at {en_nodes}.",
        )
    return spec


def advance(
    session: Session,
    user: User,
    orders: list[Order],
    target: str,
    *,
    comment: str = "",
    reason: str = "",
    amendment: str = "",
) -> None:
    """Take the manual transition to `target` on every order as `user`, then the automatic
    ones that follow. Any order that may not move stops the whole batch. A step that
    requires an amendment is taken only by one (`amendment` names it)."""
    # Said to everyone who reads the timeline: capped, and nothing that steers a terminal.
    comment, reason = (
        clean_text(text, zh, en, max_length=MAX_COMMENT, required=False, multiline=True)
        for text, zh, en in ((comment, "说明", "comment"), (reason, "原因", "reason"))
    )
    # Node changes are written once, when the caller saves the orders.
    with session.no_autoflush:
        moved = _advance(session, user, orders, target, comment, reason, amendment)
        moved |= _settle(session, user, orders)
        _notify(session, moved)


def _advance(
    session: Session,
    user: User,
    orders: list[Order],
    target: str,
    comment: str,
    reason: str,
    amendment: str = "",
) -> set[Order]:
    facts = Facts(session, orders)
    moves = []
    for order in orders:
        transition = require_transition_role(session, user, order, target, bool(amendment))
        if "reason" in transition.requires and not reason.strip():
            raise ValidationError(
                f"“{transition.zh}”必须填写原因。", f"'{transition.en}' requires a reason."
            )
        if AMENDMENT in transition.requires and not amendment:
            raise InvalidTransition(
                f"“{transition.zh}”只能由改单触发，请使用改单。",
                f"'{transition.en}' is taken by an amendment only; amend the order instead.",
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
    _take(session, user, moves, facts, "manual", reason or comment)
    return {order for order, _ in moves}


def submit(session: Session, user: User, orders: list[Order]) -> None:
    """Take new orders out of their initial node (bulk entry), all on one workflow."""
    if orders:
        advance(session, user, orders, spec_for(session, orders[0]).submission().target)


def require_node_still_holds(
    session: Session, spec: WorkflowSpec, order: Order, facts: Facts | None = None
) -> None:
    """Refuse a fact that would undo what the order's node stands for (a refund that leaves
    a settled order short): such changes go through a change document."""
    facts = facts or Facts(session, [order])
    for guard in sorted(spec.invariants(order.status)):
        why = GUARDS[guard](facts, order)
        if why is not None:
            node = spec.node(order.status)
            raise ValidationError(
                f"订单 {order.number} 已到“{node.zh}”，这样登记会使它不再成立（{why[0]}）；"
                "退款或退回请通过退货处理。",
                f"Order {order.number} is at '{node.en}' and this would undo it ({why[1]}); "
                "refunds go through a return.",
            )


def settle(session: Session, user: User, orders: list[Order], facts: Facts | None = None) -> None:
    """Take every automatic transition whose guard holds, round after round (`facts`: what
    the guards read, if the caller kept them current with what it just recorded)."""
    session.flush()  # the guards read the facts just recorded
    with session.no_autoflush:
        _notify(session, _settle(session, user, orders, facts))


def _settle(
    session: Session, user: User, orders: list[Order], facts: Facts | None = None
) -> set[Order]:
    pending, moved = list(orders), set()
    facts = facts or Facts(session, pending)
    while pending:
        moves = []
        for order in pending:
            for t in spec_for(session, order).leaving(order.status):
                if t.automatic and t.guard and GUARDS[t.guard](facts, order) is None:
                    moves.append((order, t))
                    break
        if _take(session, user, moves, facts, "auto", ""):
            facts = Facts(session, pending)  # an effect changed what the guards read
        pending = [order for order, _ in moves]
        moved.update(pending)
    return moved


def _take(
    session: Session,
    user: User,
    moves: list[tuple[Order, Transition]],
    facts: Facts,
    trigger: str,
    comment: str,
) -> bool:
    """Move the orders along their transitions; True if an effect changed their facts."""
    by_effect: dict[str, list[Order]] = {}
    for order, transition in moves:
        if transition.effect:
            by_effect.setdefault(transition.effect, []).append(order)
    for effect, orders in by_effect.items():
        EFFECTS[effect](session, user, orders, facts)
    now = utcnow()
    record_stays(session, [(order, transition.target) for order, transition in moves], now)
    for order, transition in moves:
        source, since = order.status, order.status_since
        order.status = transition.target
        order.status_since = now
        order.updated_at = now
        audit.record_on_order(
            session,
            user.name,
            order,
            "transition",
            # Since when it stood there: each event tells a whole stay, as its node stay row does.
            before={"status": source, "since": since},
            after={"status": transition.target, "transition": transition.name, "trigger": trigger},
            comment=comment,
        )
    return not EFFECTS_ON_FACTS.isdisjoint(by_effect)


_STAYS = NodeStay.__table__
_BEGIN_STAYS = _STAYS.insert()


def _end_stays() -> tuple:
    """On SQLite: the open stays of the orders `ids` end at `at`, with how long they lasted."""
    at = bindparam("at", type_=DateTime)
    lasted = (func.julianday(at) - func.julianday(_STAYS.c.entered_at)) * 86400
    ending = (
        _STAYS.update()
        .where(_STAYS.c.left_at.is_(None))
        .values(left_at=at, seconds=cast(func.round(lasted), Integer))
    )
    return by_keys(ending, _STAYS.c.order_id, "ids")


_END_STAYS = _end_stays()
# On PostgreSQL the stays that end and those that begin travel with the events.
_STAY_COLUMNS = "order_id, workflow_id, node, entered_at, left_at, seconds"
_MOVE_STAYS_ON_SERVER = (
    "ended_stays AS (UPDATE node_stays SET left_at = ending.at,"
    " seconds = CAST(round(EXTRACT(epoch FROM ending.at - node_stays.entered_at)) AS INTEGER)"
    " FROM json_to_recordset(:stays_ending) AS ending(order_id integer, at timestamp)"
    " WHERE node_stays.order_id = ending.order_id AND node_stays.left_at IS NULL"
    " AND EXISTS (SELECT FROM moved)),"
    f" begun_stays AS (INSERT INTO node_stays ({_STAY_COLUMNS}) SELECT {_STAY_COLUMNS}"
    " FROM json_populate_recordset(NULL::node_stays, :stays_begun)"
    " WHERE EXISTS (SELECT FROM moved))"
)
_ENTERED = "node_stays_entered"


def record_stays(
    session: Session, entering: list[tuple[Order, str]], at: datetime, *, new: bool = False
) -> None:
    """The orders come to the given nodes at `at`: their stays there begin and the stays
    they leave end (`new` orders leave none). Written when the unit of work commits, every
    step of it at once: a step that passes a node on makes no statements of its own."""
    entered = session.info.setdefault(_ENTERED, {})
    for order, node in entering:
        # Per order: whether it leaves a stay begun before, and the stays it begins.
        _, stays = entered.setdefault(order.id, (not new, []))
        stays.append((order.workflow_id, node, at))


@listens_for(Session, "before_commit", insert=True)  # before the events are chained
def _write_stays(session: Session) -> None:
    entered = session.info.pop(_ENTERED, None)
    if not entered:
        return
    ending: dict[datetime, list[int]] = {}
    rows = []
    for order_id, (leaves, stays) in entered.items():
        if leaves:
            ending.setdefault(stays[0][2], []).append(order_id)
        for (workflow_id, node, at), following in zip(stays, [*stays[1:], None], strict=True):
            left = following[2] if following is not None else None
            rows.append(
                {
                    "order_id": order_id,
                    "workflow_id": workflow_id,
                    "node": node,
                    "entered_at": at,
                    "left_at": left,
                    "seconds": round((left - at).total_seconds()) if left is not None else None,
                }
            )
    if session.get_bind().dialect.name == "postgresql":
        ends = [{"order_id": i, "at": at.isoformat()} for at, ids in ending.items() for i in ids]
        audit.ride_with_events(
            session,
            _MOVE_STAYS_ON_SERVER,
            {"stays_ending": json.dumps(ends), "stays_begun": json.dumps(audit.jsonable(rows))},
        )
        return
    for at, ids in ending.items():
        statement, keys = picked(_END_STAYS, "ids", ids)
        session.execute(statement, {**keys, "at": at})
    session.execute(_BEGIN_STAYS, rows)


@listens_for(Session, "after_rollback")
def _drop_stays(session: Session) -> None:
    session.info.pop(_ENTERED, None)


def _notify(session: Session, moved: set[Order]) -> None:
    """Tell the role that owns the next step of each order where it came to rest (not at
    the nodes it passed through, such as an approval that was skipped), and whoever that
    node `tells`: the order's creator (`my_order`) or another role (`reached`)."""
    notices = []
    for order in sorted(moved, key=lambda o: o.id):
        spec = spec_for(session, order)
        owner = spec.owner_of(order.status)
        told = [("next_step", owner, None)] if owner is not None else []
        for who in spec.node(order.status).tells:
            if who == CREATOR:
                told.append(("my_order", "", order.created_by_id))
            else:
                told.append(("reached", who, None))
        params = {
            "number": order.number,
            "party": order.party.name,
            "workflow_id": order.workflow_id,
            "node": order.status,
        }
        notices.extend(
            {
                "at": order.status_since,
                "recipient_role": role,
                "recipient_user_id": user_id,
                "order_id": order.id,
                "kind": kind,
                "params": params,
            }
            for kind, role, user_id in dict.fromkeys(told)  # each told once
        )
    if notices:
        from .outbox import enqueue  # the outbox words notices, which reads workflows

        enqueue(session, notices)
