"""Supplementary orders (补单): a child order linked to its parent for missing items, an extra
delivery or a reshipment, with its own number and workflow.

It is made from a placed order of a kind whose goods go to a customer, for the same party,
and submitted at once, so it passes approval and reserves its stock like any order.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import Order, User

from . import audit, kinds, orders, workflow
from .errors import PermissionDenied, ValidationError
from .validation import clean_text

KIND = "supplementary"


def supplement(
    session: Session,
    user: User,
    number: str,
    lines: list[orders.LineSpec],
    *,
    reason: str,
    due=None,
) -> Order:
    """A supplementary order for `lines` under the parent `number`, submitted; the new order."""
    parent = orders.find_order(session, number, for_change=True)
    reason = clean_text(reason, "补单原因", "reason for the supplementary order", max_length=2000)
    orders.require_may_create(session, user, KIND, child=True)
    _require_parent_fits(session, parent)
    draft = orders.OrderDraft(parent.party.name, list(lines), due, reason)
    [child] = orders.create_orders(session, user, KIND, [draft], parent=parent)
    workflow.submit(session, user, [child])
    audit.record_on_order(
        session,
        user.name,
        parent,
        "supplement",
        after={
            "document": child.number,
            "lines": [[line.product.sku, line.qty, line.unit_price] for line in child.lines],
        },
        comment=reason,
    )
    orders._save_all(session, [child, parent])
    return child


def may_supplement(session: Session, user: User, parent: Order) -> bool:
    """Whether the user may make a supplementary order from this one now (for buttons)."""
    try:
        orders.require_may_create(session, user, KIND, child=True)
        _require_parent_fits(session, parent)
    except (ValidationError, PermissionDenied):
        return False
    return True


def _require_parent_fits(session: Session, parent: Order) -> None:
    own, theirs = kinds.KINDS[KIND], kinds.KINDS[parent.kind]
    if theirs.party_kind != own.party_kind or not theirs.delivery_notes:
        raise ValidationError(
            f"{theirs.title_zh} {parent.number} 不能开补单；补单只用于发货给客户的订单。",
            f"A supplementary order cannot be made for {theirs.title_en.lower()} "
            f"{parent.number}; it is for orders whose goods go to a customer.",
        )
    spec = workflow.spec_for(session, parent)
    if parent.status in (spec.initial, spec.submission().target, spec.void):
        node = spec.node(parent.status)
        raise ValidationError(
            f"订单 {parent.number} 在“{node.zh}”，不能开补单：补单用于已审批的订单。",
            f"Order {parent.number} is at '{node.en}': supplementary orders are made from "
            "approved orders only.",
        )
