"""Changing a draft before it is submitted: party, due date, note and lines.

Only a draft may be edited in place; once submitted an order changes through
change documents. The edit is one audit event with the order before and after.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from db.models import Order, User

from . import audit, workflow
from .errors import InvalidTransition, ValidationError
from .masterdata import find_party
from .money import total_of
from .orders import (
    CREATE_PERMISSION,
    PARTY_KIND_OF_FLOW,
    LineSpec,
    _build_lines,
    _load_for_change,
    _save,
    snapshot,
)
from .roles import require
from .validation import clean_text, iso_date


def update_draft(session: Session, user: User, number: str, party_name: str,
                 lines: list[LineSpec], *, due: date | str | None = None, note: str = "",
                 expected_version: int | None = None) -> Order:
    order = _load_for_change(session, number, expected_version)
    require(user, CREATE_PERMISSION[order.kind])
    spec = workflow.spec_for(session, order)
    if order.status != spec.initial:
        node = spec.node(order.status)
        raise InvalidTransition(f"订单 {order.number} 在“{node.zh}”，只有草稿可以修改。",
                                f"Order {order.number} is at '{node.en}'; only a draft can "
                                "be edited.")
    if not lines:
        raise ValidationError("订单至少需要一行明细。", "An order needs at least one line.")
    before = snapshot(order)
    order.party = find_party(session, party_name, PARTY_KIND_OF_FLOW[order.kind])
    order.due = iso_date(due, "交期", "due date") if due not in (None, "") else None
    order.note = clean_text(note, "备注", "note", max_length=2000, required=False)
    order.lines = _build_lines(session, lines)
    order.total = total_of((line.qty, line.unit_price) for line in order.lines)
    session.flush()
    audit.record(session, user.name, entity="order", ref=order.number, order_id=order.id,
                 action="edit", before=before, after=snapshot(order))
    _save(session, order)
    return order
