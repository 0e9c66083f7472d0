"""The ordinary way forward for an order, read from its workflow: which step comes next on
the happy path and which role takes it. The demo data walks orders this way, so an
edited workflow gets demo orders at its own nodes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import Order

from . import workflow


@dataclass(frozen=True)
class Step:
    role: str
    action: str  # "advance" or a fact: "ship", "receive", "sign", "pay"
    target: str | None = None  # the node an "advance" moves to
    requires: tuple[str, ...] = ()


def next_step(session: Session, order: Order) -> Step | None:
    """The next step forward: a manual step that may be taken now, else the fact that
    the automatic steps are waiting for; None at a terminal node."""
    spec = workflow.spec_for(session, order)
    if spec.node(order.status).terminal:
        return None
    facts = workflow.Facts(session, [order])
    for t in spec.leaving(order.status):
        if (
            t.manual
            and t.forward
            and (t.guard is None or workflow.GUARDS[t.guard](facts, order) is None)
        ):
            return Step(min(t.roles), "advance", t.target, t.requires)
    progress = facts.progress(order)
    pending = {
        "ship": not progress.all_shipped,
        "receive": not progress.all_received,
        "sign": progress.undelivered_shipments > 0,
        "pay": not progress.fully_paid,
    }
    for fact, waiting in pending.items():
        if waiting and spec.allows(order.status, fact) and spec.facts.get(fact):
            return Step(min(spec.facts[fact]), fact)
    return None
