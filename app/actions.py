"""What a user may do to an order right now, for the window's buttons.

Everything comes from the order's workflow: the facts its node allows and who
may record them, and the manual steps this user may take. The services check
everything again when called.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import Order, User

from . import approval, kinds, shipments, supplements, workflow
from .orders import may_create
from .roles import holds_any, roles_label


@dataclass(frozen=True)
class Action:
    # "advance", the fact to record ("edit", "ship", "receive", "sign", "pay", "amend"),
    # "supplement": a supplementary order made from this one, or a change document or
    # trouble (see shipments.actions_for)
    kind: str
    zh: str
    en: str
    target: str | None = None  # the node an "advance" moves to
    requires: tuple[str, ...] = ()  # "reason" or "comment" for an "advance"

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


# The button for each fact; a payment reads as money in on a sale, money out on a purchase.
FACT_BUTTONS = {
    "edit": ("编辑草稿", "Edit draft"),
    "ship": ("登记发货", "Ship"),
    "receive": ("登记收货", "Receive"),
    "sign": ("登记签收", "Sign for a shipment"),
    "amend": ("修改订单…", "Amend…"),
}
PAY_BUTTONS = {
    "customer": ("登记收款", "Record receipt"),
    "supplier": ("登记付款", "Record payment"),
}


def kinds_to_create(session: Session, user: User) -> list[str]:
    """The kinds of order this user may create (and edit while they are drafts)."""
    return [kind for kind in kinds.CREATABLE if may_create(session, user, kind)]


def records_anywhere(session: Session, user: User, fact: str) -> bool:
    """Whether the user may record this fact on orders of some active workflow."""
    return any(
        holds_any(user, workflow.active_workflow(session, name).facts.get(fact, frozenset()))
        for name in dict.fromkeys(kind.workflow for kind in kinds.KINDS.values())
    )


def available(session: Session, user: User, order: Order) -> list[Action]:
    spec = workflow.spec_for(session, order)
    result = []
    for fact in ("edit", "ship", "receive", "sign", "pay", "amend"):
        if not workflow.may_record(spec, user, order, fact):
            continue
        if fact == "sign" and all(
            s.delivered_at is not None or s.trouble is not None for s in order.shipments
        ):
            continue  # nothing shipped is waiting for a signature
        zh, en = (
            PAY_BUTTONS[kinds.KINDS[order.kind].party_kind] if fact == "pay" else FACT_BUTTONS[fact]
        )
        result.append(Action(fact, zh, en))
    if supplements.may_supplement(session, user, order):
        result.append(Action("supplement", "补单…", "Supplementary order…"))
    result += shipments.actions_for(spec, user, order)
    for t in workflow.allowed_transitions(session, user, order):
        if approval.second_person_refusal(session, user, order, t.target) is not None:
            continue
        result.append(Action("advance", t.zh, t.en, target=t.target, requires=t.requires))
    return result


def who_may(session: Session, order: Order, lang: str = "zh") -> str:
    """The role that owns the order's next step, for a hint to everyone else."""
    owner = workflow.spec_for(session, order).owner_of(order.status)
    return roles_label({owner} if owner else set(), lang)
