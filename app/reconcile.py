"""Month-end reconciliation (月末对账): every discrepancy between goods and money, between
stock and its ledger, and between the facts tables and the audit trail, as at the end of
one month.

Each check is a small named function in `CHECKS`; adding a check is one more entry.
Goods and money are taken as dated up to the end of the month; stock is checked as it
stands (on hand and reserved against the sum of the ledger); the audit check covers the
payments, shipments and receipts dated within the month.

- shipped_not_paid: goods shipped to a customer, their payment due date past by the end
  of the month (see app/ageing.py for the due date), and less paid than shipped;
- paid_more_than_shipped: a customer paid more than the order is worth, or more than
  what went out once the order's shipping is over (every goods line shipped, or the
  order at a final node such as completed or cancelled) — a prepayment while goods are
  still to ship is not a discrepancy;
- received_not_paid / paid_more_than_received: the same for purchases, goods received
  from a supplier;
- stock_vs_ledger: a product's on hand or reserved is not the sum of its stock moves;
- return_not_refunded: goods came back on a return, the customer had paid for more than
  the goods they kept, and less was refunded (negative payments on the parent, or
  payments on the return) than that;
- facts_vs_audit: a payment, shipment or receipt row that its audit record does not bear
  out (app/fact_trail.py).

Service lines need no shipping: they count as delivered once the order's shipping is over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import cached_property

from sqlalchemy import and_, case, func, literal, or_, select, type_coerce, union_all
from sqlalchemy.orm import Session

from db.models import (
    Order,
    OrderLine,
    Party,
    Payment,
    Product,
    Receipt,
    ReceiptLine,
    Shipment,
    ShipmentLine,
    StockMove,
    User,
    Workflow,
)

from . import fact_trail
from .ageing import SETTLED_ON_PARENT, parse_terms, payment_due
from .clock import utcnow
from .kinds import KINDS
from .periods import month_of, parse_month
from .roles import require

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
# Goods are valued at their lines' prices summed per order; differences under 5 fen are
# the rounding of the lines' amounts, not discrepancies.
ROUNDING = Decimal("0.05")


@dataclass(frozen=True)
class Discrepancy:
    check: str
    subject: str  # an order number, a SKU or a document
    party: str
    amount: Decimal | None  # the money (or quantity) in question, when there is one
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh

    def as_dict(self) -> dict:
        return {
            "check": self.check,
            "subject": self.subject,
            "party": self.party,
            "amount": None if self.amount is None else f"{self.amount:f}",
            "zh": self.zh,
            "en": self.en,
        }


@dataclass
class _OrderFigures:
    number: str
    kind: str
    party: str
    terms: str
    status: str
    due: date | None
    created_at: datetime
    total: Decimal
    goods_value: Decimal = ZERO  # the goods lines' amounts
    moved_value: Decimal = ZERO  # what was shipped (received) of them, at the lines' prices
    paid: Decimal = ZERO
    positive_paid: Decimal = ZERO
    refunded: Decimal = ZERO

    @property
    def services_value(self) -> Decimal:
        return self.total - self.goods_value


class Month:
    """One month's reconciliation: the figures every check reads, computed once."""

    def __init__(self, session: Session, month: str):
        self.session = session
        start, end = parse_month(month)
        self.name = month_of(start)
        self.start = datetime(start.year, start.month, start.day)
        self.end = datetime(end.year, end.month, end.day)
        # As at the month's last day, or today for the month still running.
        self.last_day = min(end - timedelta(days=1), utcnow().date())

    @cached_property
    def final_statuses(self) -> set[str]:
        statuses = set()
        for (definition,) in self.session.execute(select(Workflow.definition)):
            statuses.add(definition["void"])
            statuses.update(c for c, n in definition["nodes"].items() if n.get("terminal"))
        return statuses

    def money_per_order(self):
        """(order, paid, paid in positive amounts) of the payments dated before the end."""
        return (
            select(
                Payment.order_id.label("order_id"),
                func.sum(Payment.amount).label("net"),
                func.sum(case((Payment.amount > 0, Payment.amount), else_=0)).label("positive"),
            )
            .where(Payment.paid_at < self.end)
            .group_by(Payment.order_id)
            .subquery()
        )

    def figures_per_order(self):
        """Per order: the value moved (shipped or received) by the month's end at the lines'
        prices, paid and paid in positive amounts by then, and its service lines' value.

        Every source adds its rows to one stream, summed once by order and then joined to
        the orders by their key: each source summed apart and joined to the orders, SQLite
        would build a temporary index for each. At the lines' prices, summed per order: a
        fen of rounding between lines is not a discrepancy (ROUNDING)."""
        zero = literal(0)
        # Shipped and received lines together, priced from their order lines in one join.
        moved = union_all(
            *(
                select(line.order_line_id.label("line_id"), line.qty.label("qty"))
                .join(document, document.id == line_of)
                .where(dated < self.end)
                for document, line, line_of, dated in (
                    (Shipment, ShipmentLine, ShipmentLine.shipment_id, Shipment.shipped_at),
                    (Receipt, ReceiptLine, ReceiptLine.receipt_id, Receipt.received_at),
                )
            )
        ).subquery()
        rows = union_all(
            select(
                OrderLine.order_id.label("order_id"),
                (moved.c.qty * OrderLine.unit_price).label("moved"),
                zero.label("money"),
                zero.label("positive"),
                zero.label("services"),
            )
            .select_from(moved)
            .join(OrderLine, OrderLine.id == moved.c.line_id),
            select(
                Payment.order_id,
                zero,
                Payment.amount,
                case((Payment.amount > 0, Payment.amount), else_=0),
                zero,
            ).where(Payment.paid_at < self.end),
            select(OrderLine.order_id, zero, zero, zero, OrderLine.qty * OrderLine.unit_price)
            .select_from(Product)
            .join(OrderLine, OrderLine.product_id == Product.id)
            .where(Product.is_service.is_(True)),
        ).subquery()
        # Typed as each figure was summed on its own: amounts to the cent, values at the
        # lines' prices as they come.
        value = (OrderLine.qty * OrderLine.unit_price).type
        return (
            select(
                rows.c.order_id,
                type_coerce(func.sum(rows.c.moved), value).label("moved"),
                type_coerce(func.sum(rows.c.money), Payment.amount.type).label("money"),
                type_coerce(func.sum(rows.c.positive), Payment.amount.type).label("positive"),
                type_coerce(func.sum(rows.c.services), value).label("services"),
            )
            .group_by(rows.c.order_id)
            .subquery()
        )

    @cached_property
    def orders(self) -> dict[int, _OrderFigures]:
        """The orders made before the month's end whose goods and money may disagree, with
        their figures: an order fully paid and fully shipped (received), or with nothing
        moved and nothing paid, needs no closer look and is read no further (the database
        leaves them out, so only the orders looked at are read)."""
        figures = self.figures_per_order()
        settled = func.abs(Order.total - figures.c.money) < 0.005
        delivered = figures.c.moved >= Order.total - figures.c.services - float(ROUNDING)
        # Core rather than ORM rows: tens of thousands of them, plain columns.
        rows = self.session.connection().execute(
            select(
                Order.id,
                Order.number,
                Order.kind,
                Party.name,
                Party.payment_terms,
                Order.status,
                Order.due,
                Order.created_at,
                Order.total,
                figures.c.moved,
                figures.c.money,
                figures.c.positive,
                figures.c.services,
            )
            .select_from(figures)
            .join(Order, Order.id == figures.c.order_id)
            .join(Party, Party.id == Order.party_id)
            .where(
                Order.created_at < self.end,
                Order.kind.not_in(SETTLED_ON_PARENT),
                or_(figures.c.moved > 0, figures.c.money != 0),
                ~and_(settled, delivered),
            )
        )
        result = {}
        for oid, number, kind, party, terms, status, due, made, total, *money in rows:
            moved, paid, positive, services = (_money(v) for v in money)
            result[oid] = _OrderFigures(
                number,
                kind,
                party,
                terms or "",
                status,
                due,
                made,
                total,
                total - services,
                moved,
                paid,
                positive,
                positive - paid,
            )
        return result

    def side(self, party_kind: str) -> list[_OrderFigures]:
        return [
            o
            for o in self.orders.values()
            if KINDS[o.kind].party_kind == party_kind and o.kind not in SETTLED_ON_PARENT
        ]

    def shipping_over(self, order: _OrderFigures) -> bool:
        return (
            order.status in self.final_statuses or order.moved_value >= order.goods_value - ROUNDING
        )

    def days_past_due(self, order: _OrderFigures) -> int:
        return (
            self.last_day - payment_due(parse_terms(order.terms), order.due, order.created_at)
        ).days


def _money(value) -> Decimal:
    return Decimal(value or 0).quantize(CENT)


# --- the checks -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Side:
    party_kind: str
    moved_zh: str
    moved_en: str
    paid_zh: str
    paid_en: str


SALES = Side("customer", "发货", "goods out", "收款", "money in")
PURCHASES = Side("supplier", "到货", "goods in", "付款", "money out")


def _moved_not_paid(month: Month, side: Side, code: str) -> list[Discrepancy]:
    found = []
    for order in month.side(side.party_kind):
        owed = order.moved_value + (order.services_value if month.shipping_over(order) else ZERO)
        owed = min(owed, order.total)  # service lines count once shipping is over
        if order.moved_value <= 0 or order.paid >= owed - ROUNDING:
            continue
        late = month.days_past_due(order)
        if late <= 0:
            continue
        gap = owed - order.paid
        found.append(
            Discrepancy(
                code,
                order.number,
                order.party,
                gap,
                f"订单 {order.number}（{order.party}）已{side.moved_zh} {owed:,.2f}，"
                f"已{side.paid_zh} {order.paid:,.2f}，差 {gap:,.2f}，已过账期 {late} 天。",
                f"Order {order.number} ({order.party}): {side.moved_en} {owed:,.2f}, "
                f"{side.paid_en} {order.paid:,.2f}, {gap:,.2f} short, {late} days past terms.",
            )
        )
    return found


def _paid_more_than_moved(month: Month, side: Side, code: str) -> list[Discrepancy]:
    found = []
    for order in month.side(side.party_kind):
        worth = order.total
        if month.shipping_over(order):
            worth = min(worth, order.moved_value + order.services_value)
        if order.paid <= worth + ROUNDING:
            continue
        extra = order.paid - worth
        found.append(
            Discrepancy(
                code,
                order.number,
                order.party,
                extra,
                f"订单 {order.number}（{order.party}）已{side.paid_zh} {order.paid:,.2f}，"
                f"但只{side.moved_zh} {worth:,.2f}（订单金额 {order.total:,.2f}），"
                f"多 {extra:,.2f}。",
                f"Order {order.number} ({order.party}): {side.paid_en} {order.paid:,.2f} but "
                f"only {worth:,.2f} {side.moved_en} (order total {order.total:,.2f}), "
                f"{extra:,.2f} too much.",
            )
        )
    return found


def shipped_not_paid(month: Month) -> list[Discrepancy]:
    return _moved_not_paid(month, SALES, "shipped_not_paid")


def paid_more_than_shipped(month: Month) -> list[Discrepancy]:
    return _paid_more_than_moved(month, SALES, "paid_more_than_shipped")


def received_not_paid(month: Month) -> list[Discrepancy]:
    return _moved_not_paid(month, PURCHASES, "received_not_paid")


def paid_more_than_received(month: Month) -> list[Discrepancy]:
    return _paid_more_than_moved(month, PURCHASES, "paid_more_than_received")


def stock_vs_ledger(month: Month) -> list[Discrepancy]:
    ledger = (
        select(
            StockMove.product_id,
            func.sum(StockMove.on_hand_delta).label("on_hand"),
            func.sum(StockMove.reserved_delta).label("reserved"),
        )
        .group_by(StockMove.product_id)
        .subquery()
    )
    rows = month.session.execute(
        select(
            Product.sku,
            Product.on_hand,
            Product.reserved,
            func.coalesce(ledger.c.on_hand, 0),
            func.coalesce(ledger.c.reserved, 0),
        )
        .outerjoin(ledger, ledger.c.product_id == Product.id)
        .where(Product.is_service.is_(False))
        .order_by(Product.sku)
    )
    found = []
    for sku, on_hand, reserved, booked, booked_reserved in rows:
        for what_zh, what_en, held, summed in (
            ("库存", "on hand", on_hand, booked),
            ("预留", "reserved", reserved, booked_reserved),
        ):
            held, summed = Decimal(held), Decimal(summed)
            if held != summed:
                found.append(
                    Discrepancy(
                        "stock_vs_ledger",
                        sku,
                        "",
                        held - summed,
                        f"产品 {sku} 的{what_zh}为 {held.normalize():f}，库存流水合计为 "
                        f"{summed.normalize():f}。",
                        f"Product {sku}: {what_en} is {held.normalize():f}, its stock ledger "
                        f"sums to {summed.normalize():f}.",
                    )
                )
    return found


def return_not_refunded(month: Month) -> list[Discrepancy]:
    s, end = month.session, month.end
    returning = OrderLine.__table__.alias("return_lines")
    back = (
        select(
            Order.parent_id,
            func.sum(func.round(ReceiptLine.qty * returning.c.unit_price, 2)),
        )
        .select_from(ReceiptLine)
        .join(returning, returning.c.id == ReceiptLine.order_line_id)
        .join(Order, Order.id == returning.c.order_id)
        .join(Receipt, Receipt.id == ReceiptLine.receipt_id)
        .where(
            Order.kind.in_(SETTLED_ON_PARENT),
            Order.parent_id.is_not(None),
            Receipt.received_at < end,
        )
        .group_by(Order.parent_id)
    )
    returned = {pid: _money(value) for pid, value in s.execute(back)}
    if not returned:
        return []
    on_returns = dict(
        s.execute(
            select(Order.parent_id, func.sum(func.abs(Payment.amount)))
            .join(Payment, Payment.order_id == Order.id)
            .where(
                Order.kind.in_(SETTLED_ON_PARENT),
                Order.parent_id.in_(list(returned)),
                Payment.paid_at < end,
            )
            .group_by(Order.parent_id)
        ).all()
    )
    money = month.money_per_order()
    parents = s.execute(
        select(
            Order.id,
            Order.number,
            Party.name,
            Order.total,
            func.coalesce(money.c.net, 0),
            func.coalesce(money.c.positive, 0),
        )
        .join(Party, Party.id == Order.party_id)
        .outerjoin(money, money.c.order_id == Order.id)
        .where(Order.id.in_(list(returned)))
    )
    found = []
    for parent_id, number, party, total, paid, positive in parents:
        value = returned[parent_id]
        parent = _OrderFigures(number, "", party, "", "", None, month.end, total)
        kept = parent.total - value
        due = max(ZERO, _money(positive) - kept)
        refunded = _money(positive) - _money(paid) + _money(on_returns.get(parent_id))
        if refunded >= due - ROUNDING:
            continue
        gap = due - refunded
        found.append(
            Discrepancy(
                "return_not_refunded",
                parent.number,
                parent.party,
                gap,
                f"订单 {parent.number}（{parent.party}）退回货物 {value:,.2f}，应退款 {due:,.2f}，"
                f"已退 {refunded:,.2f}，未退 {gap:,.2f}。",
                f"Order {parent.number} ({parent.party}): goods worth {value:,.2f} came back, "
                f"{due:,.2f} to refund, {refunded:,.2f} refunded, {gap:,.2f} outstanding.",
            )
        )
    return found


def facts_vs_audit(month: Month) -> list[Discrepancy]:
    return [
        Discrepancy("facts_vs_audit", m.order, "", None, m.zh, m.en)
        for m in fact_trail.mismatches(month.session, month.start, month.end)
    ]


@dataclass(frozen=True)
class Check:
    code: str
    zh: str
    en: str
    run: Callable[[Month], list[Discrepancy]]

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


CHECKS: tuple[Check, ...] = (
    Check(
        "shipped_not_paid",
        "已发货未收款（超过账期）",
        "Shipped, not paid past terms",
        shipped_not_paid,
    ),
    Check(
        "paid_more_than_shipped", "收款多于发货", "Paid more than shipped", paid_more_than_shipped
    ),
    Check(
        "received_not_paid",
        "已到货未付款（超过账期）",
        "Received, not paid past terms",
        received_not_paid,
    ),
    Check(
        "paid_more_than_received",
        "付款多于到货",
        "Paid more than received",
        paid_more_than_received,
    ),
    Check("stock_vs_ledger", "库存与流水不符", "On hand differs from the ledger", stock_vs_ledger),
    Check(
        "return_not_refunded",
        "退货已收未退款",
        "Return received, not refunded",
        return_not_refunded,
    ),
    Check(
        "facts_vs_audit",
        "记录与审计不符",
        "Rows that disagree with the audit trail",
        facts_vs_audit,
    ),
)
CHECK_LABELS = {check.code: check for check in CHECKS}


@dataclass
class Report:
    month: str
    made_at: datetime
    discrepancies: list[Discrepancy] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.discrepancies

    def count(self, code: str) -> int:
        return sum(1 for d in self.discrepancies if d.check == code)

    def as_dict(self) -> dict:
        return {
            "month": self.month,
            "made_at": self.made_at.isoformat(),
            "checks": {check.code: self.count(check.code) for check in CHECKS},
            "discrepancies": [d.as_dict() for d in self.discrepancies],
        }


def reconcile(session: Session, user: User, month: str) -> Report:
    """The month's discrepancies, check by check."""
    require(user, "view_money")
    return report_of(session, month)


def report_of(session: Session, month: str) -> Report:
    """The report without the permission check: for the property tests and the benchmark."""
    period = Month(session, month)
    report = Report(period.name, utcnow())
    for check in CHECKS:
        report.discrepancies.extend(check.run(period))
    return report
