"""Reorder suggestions: what to buy, per product, and why, in words.

For each stocked product:

    to buy = short + minimum + lead-time demand − available − on order

where short is what waiting orders lack beyond their reservations, available is on
hand less every reservation, on order is what open purchase lines still bring, and
lead-time demand is the average daily demand of the last DEMAND_DAYS days (goods
ordered on sales orders placed in that time, cancelled ones not counted) times the
supplier's lead time, rounded up to whole units. The suggestion is rounded up to
whole units too; nothing is suggested when the result is not above zero. Creating
them makes one draft purchase order per supplier.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_CEILING, Decimal

from sqlalchemy import and_, false, func, or_, select
from sqlalchemy.orm import Session

from db.models import Order, OrderLine, User

from . import backorders, orders, stock_view, workflow
from .clock import utcnow
from .errors import ValidationError
from .stock_view import qty

ZERO = Decimal(0)
DEMAND_DAYS = 90
_orders, _lines = Order.__table__, OrderLine.__table__


@dataclass(frozen=True)
class Suggestion:
    sku: str
    name: str
    supplier: str | None
    qty: Decimal  # to buy
    short: Decimal
    min_stock: Decimal
    available: Decimal
    on_order: Decimal
    demand: Decimal  # ordered in the last DEMAND_DAYS days
    lead_time_days: int | None
    lead_demand: Decimal

    def reason(self, lang: str = "zh") -> str:
        days, lead = DEMAND_DAYS, self.lead_time_days or 0
        daily = qty((self.demand / days).quantize(Decimal("0.001")))
        if lang == "en":
            text = (
                f"short {qty(self.short)} + minimum {qty(self.min_stock)} + "
                f"{daily} a day (ordered {qty(self.demand)} in {days} days) × {lead} days' "
                f"lead time = {qty(self.lead_demand)}, less {qty(self.available)} available "
                f"and {qty(self.on_order)} on order: buy {qty(self.qty)}."
            )
            if self.lead_time_days is None:
                text += " No lead time set: counted as 0 days."
            if self.supplier is None:
                text += " No supplier set: no purchase order can be made for it."
            return text
        text = (
            f"缺货 {qty(self.short)} + 最低库存 {qty(self.min_stock)} + "
            f"日均需求 {daily}（近 {days} 天共订 {qty(self.demand)}）× 供货周期 {lead} 天 = "
            f"{qty(self.lead_demand)}，减去可用 {qty(self.available)} 和在途 {qty(self.on_order)}："
            f"建议采购 {qty(self.qty)}。"
        )
        if self.lead_time_days is None:
            text += "未设供货周期，按 0 天计。"
        if self.supplier is None:
            text += "未指定供应商，无法生成采购单。"
        return text

    def row(self, lang: str = "zh") -> dict:
        return {
            "sku": self.sku,
            "name": self.name,
            "supplier": self.supplier,
            "qty": qty(self.qty),
            "short": qty(self.short),
            "min_stock": qty(self.min_stock),
            "available": qty(self.available),
            "on_order": qty(self.on_order),
            "demand_90_days": qty(self.demand),
            "lead_time_days": self.lead_time_days,
            "lead_demand": qty(self.lead_demand),
            "reason": self.reason(lang),
        }


def _counted_clause(session: Session):
    """Orders that count as demand: delivering kinds past their first node, not called off."""
    # "+ 0": on the workflow's index SQLite would read every order of the workflow, not
    # only the recent ones through the creation-date index.
    parts = [
        and_(
            _orders.c.workflow_id + 0 == spec.id,
            _orders.c.status.not_in([spec.initial, spec.void]),
        )
        for spec in workflow.specs_of_kinds(session, backorders.DELIVERING)
    ]
    return and_(_orders.c.kind.in_(backorders.DELIVERING), or_(*parts)) if parts else false()


def demand_by_product(session: Session) -> dict[int, Decimal]:
    """Per product id: goods ordered on sales orders created in the last DEMAND_DAYS days."""
    since = utcnow() - timedelta(days=DEMAND_DAYS)
    # From the recent orders (the creation-date index) to their lines, not the other way.
    recent = select(_orders.c.id).where(_orders.c.created_at >= since, _counted_clause(session))
    query = (
        select(_lines.c.product_id, func.sum(_lines.c.qty))
        .where(_lines.c.order_id.in_(recent))
        .group_by(_lines.c.product_id)
    )
    return {pid: Decimal(total) for pid, total in session.execute(query)}


def _up(value: Decimal) -> Decimal:
    return value.to_integral_value(rounding=ROUND_CEILING)


def suggestions(session: Session, user: User) -> list[Suggestion]:
    """Every product worth buying now, by supplier then SKU."""
    stock_view.require_may_see(user)
    short = backorders.short_by_product(session)
    on_order = stock_view.on_order_by_product(session)
    demand = demand_by_product(session)
    found = []
    for product, supplier in stock_view.stocked_products(session):
        wanted = demand.get(product.id, ZERO)
        lead_demand = _up(wanted * (product.lead_time_days or 0) / DEMAND_DAYS)
        available = product.on_hand - product.reserved
        lacking = short.get(product.id, ZERO)
        coming = on_order.get(product.id, ZERO)
        to_buy = _up(lacking + product.min_stock + lead_demand - available - coming)
        if to_buy > 0:
            found.append(
                Suggestion(
                    product.sku,
                    product.name,
                    supplier,
                    to_buy,
                    lacking,
                    product.min_stock,
                    available,
                    coming,
                    wanted,
                    product.lead_time_days,
                    lead_demand,
                )
            )
    found.sort(key=lambda s: (s.supplier is None, s.supplier or "", s.sku))
    return found


def create_purchase_orders(session: Session, user: User) -> list[Order]:
    """One draft purchase order per supplier holding its suggested lines (products without
    a supplier are left to a person)."""
    per_supplier: dict[str, list[orders.LineSpec]] = {}
    for s in suggestions(session, user):
        if s.supplier is not None:
            per_supplier.setdefault(s.supplier, []).append(orders.LineSpec(s.sku, s.qty))
    if not per_supplier:
        raise ValidationError(
            "没有可生成采购单的补货建议（库存充足，或缺少供应商）。",
            "No reorder suggestion to make a purchase order from (stock suffices, or no "
            "supplier is set).",
        )
    drafts = [
        orders.OrderDraft(supplier, lines, note="按补货建议生成 / from reorder suggestions")
        for supplier, lines in per_supplier.items()
    ]
    return orders.create_orders(session, user, "purchase", drafts)
