"""One order as the window's detail and timeline panels show it."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import User

from . import actions, orders, printing, queries, workflow


def read(session: Session, user: User, number: str, lang: str = "zh") -> dict:
    """The order in full plus what the detail and timeline panels show beside it: node
    labels, the steps this user may take now, who acts next, the documents to print."""
    order = orders.find_order(session, number)
    detail = queries.order_detail(session, order, lang)
    spec = workflow.spec_for(session, order)
    detail["node_colors"] = {code: node.color for code, node in spec.nodes.items()}
    detail["actions"] = actions.available(session, user, order)
    detail["waiting_for"] = actions.who_may(session, order, lang)
    detail["printable"] = printing.printable(session, user, order)
    return detail
