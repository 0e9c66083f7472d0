"""The documents linked to an order, as its detail shows them: the order it was made from,
its amendments and the orders made from it (supplementary orders, returns)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Order

from . import workflow
from .amendments import amendments_of
from .kinds import KINDS


def _order_row(session: Session, order: Order, relation: str, lang: str) -> dict:
    node = workflow.spec_for(session, order).node(order.status)
    return {
        "relation": relation,  # "parent" or "child"
        "number": order.number,
        "kind": order.kind,
        "kind_label": KINDS[order.kind].title(lang),
        "status": order.status,
        "status_label": node.label(lang),
        "total": f"{order.total:.2f}",
        "note": order.note,
    }


def linked_documents(session: Session, order: Order, lang: str = "zh") -> dict:
    """`revision`, `amendments` (oldest first) and `linked`: the parent, then the children."""
    linked = []
    if order.parent_id is not None:
        parent = session.get(Order, order.parent_id)
        linked.append(_order_row(session, parent, "parent", lang))
    children = session.scalars(
        select(Order).where(Order.parent_id == order.id).order_by(Order.id)
    ).all()
    linked.extend(_order_row(session, child, "child", lang) for child in children)
    return {
        "revision": order.revision,
        "amendments": amendments_of(session, order),
        "linked": linked,
    }
