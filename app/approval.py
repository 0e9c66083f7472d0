"""Four-eyes approval: whoever submitted an order may not approve it too, while the office's
setting `four_eyes_approval` is on. It matters once one person holds several roles (a
salesperson who is also the owner)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Event, Order, User

from . import settings, workflow
from .errors import PermissionDenied

# The guard under which the workflow skips the approval by itself: the step beside it that a
# person takes is the approval.
SKIPPED_UNDER_THE_AMOUNT = "approval_not_required"


def is_approval(spec: workflow.WorkflowSpec, transition: workflow.Transition) -> bool:
    return (
        transition.manual
        and transition.forward
        and any(
            t.guard == SKIPPED_UNDER_THE_AMOUNT
            and t.target == transition.target
            and set(t.sources) & set(transition.sources)
            for t in spec.transitions
        )
    )


def submitted_by(session: Session, order: Order) -> str | None:
    """Who moved the order to the node it waits at."""
    return session.scalar(
        select(Event.user_name)
        .where(Event.order_id == order.id, Event.action == "transition")
        .order_by(Event.id.desc())
        .limit(1)
    )


def second_person_refusal(
    session: Session, user: User, order: Order, target: str
) -> PermissionDenied | None:
    """Why `user` may not take the step to `target` as the order's own submitter, or None."""
    spec = workflow.spec_for(session, order)
    steps = [t for t in spec.leaving(order.status) if t.manual and t.target == target]
    if not steps or not is_approval(spec, steps[0]):
        return None
    if not settings.flag(session, "four_eyes_approval"):
        return None
    if submitted_by(session, order) != user.name:
        return None
    return PermissionDenied(
        f"订单 {order.number} 是 {user.name} 提交的，须由另一人审批（四眼原则）。",
        f"{user.name} submitted order {order.number}: another person must approve it "
        "(four-eyes approval).",
    )
