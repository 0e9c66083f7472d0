"""A customer's credit limit (信用额度), shown to whoever approves a sales order: the
customer's open receivable plus this order against the limit. Going over it is a
warning, not a refusal — the approver decides, and the warning is kept in the order's
audit trail beside the approval."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from db.models import Order

from . import approval, audit, workflow
from .ageing import open_orders_query
from .kinds import KINDS

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class CreditCheck:
    party: str
    limit: Decimal
    open_receivable: Decimal  # the customer's other orders, still unpaid
    this_order: Decimal

    @property
    def exposure(self) -> Decimal:
        return self.open_receivable + self.this_order

    @property
    def over(self) -> bool:
        return self.exposure > self.limit

    def message(self, lang: str = "zh") -> str:
        if lang == "en":
            return (
                f"Credit limit of {self.party}: {self.limit:,.2f}. Open receivable "
                f"{self.open_receivable:,.2f} + this order {self.this_order:,.2f} = "
                f"{self.exposure:,.2f}, {self.exposure - self.limit:,.2f} over the limit."
            )
        return (
            f"{self.party} 的信用额度为 {self.limit:,.2f}；未收款 {self.open_receivable:,.2f}"
            f" + 本单 {self.this_order:,.2f} = {self.exposure:,.2f}，"
            f"超出额度 {self.exposure - self.limit:,.2f}。"
        )

    def as_dict(self) -> dict:
        return {
            "limit": self.limit,
            "open_receivable": self.open_receivable,
            "this_order": self.this_order,
            "exposure": self.exposure,
        }


def credit_check(session: Session, order: Order) -> CreditCheck | None:
    """The order's customer's credit position, or None without a limit (or for a supplier)."""
    party = order.party
    if KINDS[order.kind].party_kind != "customer" or party.credit_limit is None:
        return None
    rows = session.execute(
        open_orders_query(session, Order.party_id == party.id, Order.id != order.id)
    )
    open_receivable = sum((Decimal(total) - Decimal(paid) for *_, total, paid in rows), ZERO)
    return CreditCheck(party.name, party.credit_limit, open_receivable.quantize(ZERO), order.total)


def is_approval_step(session: Session, order: Order, target: str) -> bool:
    spec = workflow.spec_for(session, order)
    steps = [t for t in spec.leaving(order.status) if t.manual and t.target == target]
    return bool(steps) and approval.is_approval(spec, steps[0])


def approval_warning(session: Session, order: Order, target: str) -> CreditCheck | None:
    """The credit check an approver must see before taking this step, when over the limit."""
    if not is_approval_step(session, order, target):
        return None
    check = credit_check(session, order)
    return check if check is not None and check.over else None


def note_warning(session: Session, user_name: str, order: Order, check: CreditCheck) -> None:
    """The approval went ahead over the limit: say so in the order's trail."""
    audit.record_on_order(
        session,
        user_name,
        order,
        "credit_warning",
        after=check.as_dict(),
        comment=check.message("zh"),
    )
