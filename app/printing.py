"""Printing: the documents of an order as PDF, each print recorded in the order's audit trail.

Kinds of document: `order` (the order's own document: a sales order confirmation,
a purchase order or a return note, by the order's kind), `purchase-order`,
`delivery-note` (by shipment number, or by order number: its latest shipment,
or before shipping the goods still to ship) and `return-note`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from db.models import Order, Shipment, User

from . import audit, workflow
from .errors import NotFound, ValidationError
from .jobs import CancelCheck, Job, ProgressCallback
from .orders import find_order
from .price_visibility import require_prices_visible
from .worklist import sees_prices

if TYPE_CHECKING:
    from .documents.layout import Document

# The layouts (and reportlab behind them) load on the first print, not at start-up.

KINDS = ("order", "purchase-order", "delivery-note", "return-note")
PRICED_LAYOUTS = {
    "sales": "order_confirmation",
    "supplementary": "order_confirmation",
    "purchase": "purchase_order",
    "return": "return_note",
}
# Documents that only some orders have: (order kind, its name in zh and en).
REQUIRED_ORDER_KIND = {
    "purchase-order": ("purchase", "采购订单", "purchase order"),
    "return-note": ("return", "退货单", "return order"),
}
SALES_KINDS = ("sales", "supplementary")
# The nodes at which orders.ship accepts a shipment: the warehouse's morning pile.
WAITING_AT_WAREHOUSE = ("placed", "prepared")


@dataclass(frozen=True)
class Printable:
    """A document the window offers to print for an order."""

    kind: str  # one of KINDS
    zh: str
    en: str

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


# Each kind of order prints as its own priced document.
OWN_DOCUMENT = {
    "sales": Printable("order", "销售订单确认书", "Sales order confirmation"),
    "supplementary": Printable("order", "销售订单确认书", "Sales order confirmation"),
    "purchase": Printable("purchase-order", "采购订单", "Purchase order"),
    "return": Printable("return-note", "退货单", "Return note"),
}
DELIVERY_NOTE = Printable("delivery-note", "发货单", "Delivery note")


def document_name(kind: str, order_kind: str, lang: str = "zh") -> str:
    """What a print event printed, for the timeline: "order" prints by the order's kind."""
    if kind == "order" and order_kind in OWN_DOCUMENT:
        return OWN_DOCUMENT[order_kind].label(lang)
    known = {p.kind: p for p in (*OWN_DOCUMENT.values(), DELIVERY_NOTE)}
    return known[kind].label(lang) if kind in known else kind


def printable(session: Session, user: User, order: Order) -> list[Printable]:
    """The documents this user may print for the order now.

    A draft or cancelled order confirms nothing, so it has no document of its own; a
    delivery note needs goods at the warehouse or a shipment; prices stay hidden from
    whoever may not see them.
    """
    result = []
    own = OWN_DOCUMENT.get(order.kind)
    if (
        own is not None
        and order.status not in (workflow.spec_for(session, order).initial, "cancelled")
        and sees_prices(session, user)
    ):
        result.append(own)
    shipped = session.scalar(select(Shipment.id).where(Shipment.order_id == order.id).limit(1))
    if order.kind in SALES_KINDS and (order.status in WAITING_AT_WAREHOUSE or shipped is not None):
        result.append(DELIVERY_NOTE)
    return result


def _documents(*names: str):
    return [import_module(f".documents.{name}", __package__) for name in names]


def _delivery_note(session: Session, number: str) -> tuple[Order, Document, str]:
    content, delivery_note = _documents("content", "delivery_note")
    shipment = session.scalar(select(Shipment).where(Shipment.number == number.strip()))
    order = shipment.order if shipment is not None else find_order(session, number)
    if order.kind not in SALES_KINDS:
        raise ValidationError(
            f"{order.number} 不是销售订单，没有发货单。",
            f"{order.number} is not a sales order; it has no delivery note.",
        )
    shipment = shipment or content.latest_shipment(session, order)
    if shipment is not None:
        return (
            order,
            delivery_note.layout(content.printed_shipment(session, shipment)),
            shipment.number,
        )
    if order.status not in WAITING_AT_WAREHOUSE:
        raise ValidationError(
            f"订单 {order.number} 尚未下单或已不再发货，没有发货单可打印。",
            f"Order {order.number} is not waiting at the warehouse and has "
            "no shipment: there is no delivery note to print.",
        )
    printed = content.printed_goods_to_ship(session, order)
    if not printed.lines:
        raise ValidationError(
            f"订单 {order.number} 没有需要发货的货物。",
            f"Order {order.number} has no goods to ship.",
        )
    return order, delivery_note.layout(printed), ""


def _document(session: Session, user: User, kind: str, number: str) -> tuple[Order, Document, str]:
    if kind == "delivery-note":
        return _delivery_note(session, number)
    if kind not in KINDS:
        raise ValidationError(
            f"没有“{kind}”这种单据；可选：{'、'.join(KINDS)}。",
            f"There is no document kind '{kind}'; choose from {', '.join(KINDS)}.",
        )
    order = find_order(session, number)
    if kind in REQUIRED_ORDER_KIND:
        required, zh, en = REQUIRED_ORDER_KIND[kind]
        if order.kind != required:
            raise ValidationError(
                f"{order.number} 不是{zh}，不能打印为{zh}。",
                f"{order.number} is not a {en}; it cannot print as one.",
            )
    require_prices_visible(session, user)
    content, layout = _documents("content", PRICED_LAYOUTS[order.kind])
    return order, layout.layout(content.printed_order(session, order)), ""


def _record(session: Session, user: User, order: Order, kind: str, shipment: str) -> None:
    after = {"document": kind, **({"shipment": shipment} if shipment else {})}
    audit.record(
        session,
        user.name,
        entity="order",
        ref=order.number,
        order_id=order.id,
        action="print",
        after=after,
    )


def print_document(session: Session, user: User, kind: str, number: str) -> bytes:
    """The document as PDF; the print is recorded on the order."""
    order, document, shipment = _document(session, user, kind, number)
    content, layout = _documents("content", "layout")
    pdf = layout.render([document], content.company(session))
    _record(session, user, order, kind, shipment)
    return pdf


def waiting_at_warehouse(session: Session) -> list[Order]:
    """Sales orders placed or prepared but not yet shipped, oldest first."""
    return list(
        session.scalars(
            select(Order)
            .where(Order.kind.in_(SALES_KINDS), Order.status.in_(WAITING_AT_WAREHOUSE))
            .options(selectinload(Order.lines))
            .order_by(Order.created_at, Order.id)
        )
    )


def print_delivery_notes(
    session: Session,
    user: User,
    numbers: list[str] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """One PDF with a delivery note for each order (default: every order waiting at the
    warehouse); each note numbers its own pages, and each print is recorded."""
    job = Job(progress, cancelled)
    if numbers is None:
        numbers = [order.number for order in waiting_at_warehouse(session)]
    if not numbers:
        raise NotFound("没有等待发货的订单。", "No orders are waiting at the warehouse.")
    documents = []
    for done, number in enumerate(numbers):
        job.step(done, len(numbers))
        order, document, shipment = _delivery_note(session, number)
        documents.append(document)
        _record(session, user, order, "delivery-note", shipment)
    content, layout = _documents("content", "layout")
    pdf = layout.render(documents, content.company(session))
    job.step(len(numbers), len(numbers))
    return pdf
