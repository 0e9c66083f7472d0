"""What a user may do to an order right now, for the window's buttons.

Workflow steps come from the workflow engine; recording facts (shipping,
receiving, paying) and editing a draft come from the role permissions and the
node the order is at. The services check everything again when called.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.models import Order, User

from . import workflow
from .orders import CREATE_PERMISSION, FLOW_OF_KIND, PAYABLE_AFTER, RECEIVABLE_AT, SHIPPABLE_AT
from .roles import PERMISSIONS, roles_label


@dataclass(frozen=True)
class Action:
    kind: str  # "advance", "edit", "ship", "receive" or "pay"
    zh: str
    en: str
    target: str | None = None  # the node an "advance" moves to
    requires: tuple[str, ...] = ()  # "reason" or "comment" for an "advance"

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


def kinds_to_create(user: User) -> list[str]:
    """The kinds of order this user may create (and edit while they are drafts)."""
    return [
        kind
        for kind, permission in CREATE_PERMISSION.items()
        if user.role in PERMISSIONS[permission]
    ]


def available(session: Session, user: User, order: Order) -> list[Action]:
    spec = workflow.spec_for(session, order)
    flow = FLOW_OF_KIND.get(order.kind, "sales")
    result = []
    if order.status == spec.initial and order.kind in kinds_to_create(user):
        result.append(Action("edit", "编辑草稿", "Edit draft"))
    if flow == "sales" and order.status in SHIPPABLE_AT and user.role in PERMISSIONS["ship"]:
        result.append(Action("ship", "登记发货", "Ship"))
    if flow == "purchase" and order.status in RECEIVABLE_AT and user.role in PERMISSIONS["receive"]:
        result.append(Action("receive", "登记收货", "Receive"))
    if (
        user.role in PERMISSIONS["record_payment"]
        and order.status not in PAYABLE_AFTER
        and not spec.node(order.status).terminal
    ):
        sales = flow == "sales"
        result.append(
            Action(
                "pay",
                "登记收款" if sales else "登记付款",
                "Record receipt" if sales else "Record payment",
            )
        )
    for t in workflow.allowed_transitions(session, user, order):
        result.append(Action("advance", t.zh, t.en, target=t.target, requires=t.requires))
    return result


def who_may(session: Session, order: Order, lang: str = "zh") -> str:
    """The roles that own the order's next step, for a hint to everyone else."""
    roles = workflow.spec_for(session, order).responsible_roles(order.status)
    return roles_label(roles, lang)
