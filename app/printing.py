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

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from db.models import Order, Shipment, User

from . import audit, kinds, workflow
from .errors import NotFound, ValidationError
from .jobs import CancelCheck, Job, ProgressCallback
from .orders import find_order
from .price_visibility import require_prices_visible
from .worklist import sees_prices

if TYPE_CHECKING:
    from .documents.layout import Document

# The layouts (and reportlab behind them) load on the first print, not at start-up.

DELIVERY_NOTE = kinds.DELIVERY_NOTE
KINDS = kinds.PRINT_KINDS


@dataclass(frozen=True)
class Printable:
    """A document the window offers to print for an order."""

    kind: str  # one of KINDS
    zh: str
    en: str

    def label(self, lang: str = "zh") -> str:
        return self.en if lang == "en" else self.zh


DELIVERY_NOTE_PRINTABLE = Printable(DELIVERY_NOTE, "发货单", "Delivery note")


def own_document(order_kind: str) -> Printable:
    """The priced document an order of this kind prints as."""
    kind = kinds.KINDS[order_kind]
    return Printable(kind.print_name, kind.document_zh, kind.document_en)


def document_name(kind: str, order_kind: str, lang: str = "zh") -> str:
    """What a print event printed, for the timeline: "order" prints by the order's kind."""
    if kind == DELIVERY_NOTE:
        return DELIVERY_NOTE_PRINTABLE.label(lang)
    if kind == "order" and order_kind in kinds.KINDS:
        return own_document(order_kind).label(lang)
    named = [k for k in kinds.KINDS.values() if k.print_name == kind]
    return named[0].document_label(lang) if named else kind


def _has_goods_for_a_note(session: Session, spec: workflow.WorkflowSpec, order: Order) -> bool:
    """A delivery note lists goods waiting to ship, or a shipment made."""
    if spec.allows(order.status, "ship"):
        return True
    return (
        session.scalar(select(Shipment.id).where(Shipment.order_id == order.id).limit(1))
        is not None
    )


def printable(session: Session, user: User, order: Order) -> list[Printable]:
    """The documents this user may print for the order now: those its node lists, with
    prices hidden from whoever may not see them, and a delivery note only where there
    are goods to ship or a shipment."""
    spec = workflow.spec_for(session, order)
    prints = spec.node(order.status).prints
    result = []
    if "order" in prints and sees_prices(session, user):
        result.append(own_document(order.kind))
    if (
        DELIVERY_NOTE in prints
        and kinds.KINDS[order.kind].delivery_notes
        and _has_goods_for_a_note(session, spec, order)
    ):
        result.append(DELIVERY_NOTE_PRINTABLE)
    return result


def _require_printable_at_node(
    session: Session, order: Order, document: str, zh: str, en: str
) -> workflow.WorkflowSpec:
    spec = workflow.spec_for(session, order)
    if document in spec.node(order.status).prints:
        return spec
    node = spec.node(order.status)
    anywhere = [spec.node(code) for code in spec.order if document in spec.node(code).prints]
    if not anywhere:
        raise ValidationError(
            f"订单 {order.number} 没有{zh}。", f"Order {order.number} has no {en}."
        )
    where = "、".join(n.zh for n in anywhere)
    raise ValidationError(
        f"订单 {order.number} 在“{node.zh}”，不能打印{zh}；可在{where}时打印。",
        f"Order {order.number} is at '{node.en}': no {en} can be printed there; it can at "
        f"{', '.join(n.en for n in anywhere)}.",
    )


def _documents(*names: str):
    return [import_module(f".documents.{name}", __package__) for name in names]


def _delivery_note(session: Session, number: str) -> tuple[Order, Document, str]:
    content, delivery_note = _documents("content", "delivery_note")
    shipment = session.scalar(select(Shipment).where(Shipment.number == number.strip()))
    order = shipment.order if shipment is not None else find_order(session, number)
    if not kinds.KINDS[order.kind].delivery_notes:
        raise ValidationError(
            f"{order.number} 是{kinds.KINDS[order.kind].title_zh}，没有发货单。",
            f"{order.number} is a {kinds.KINDS[order.kind].title_en.lower()}; it has no "
            "delivery note.",
        )
    spec = _require_printable_at_node(session, order, DELIVERY_NOTE, "发货单", "delivery note")
    shipment = shipment or content.latest_shipment(session, order)
    if shipment is not None:
        return (
            order,
            delivery_note.layout(content.printed_shipment(session, shipment)),
            shipment.number,
        )
    if not spec.allows(order.status, "ship"):
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
    if kind == DELIVERY_NOTE:
        return _delivery_note(session, number)
    if kind not in KINDS:
        raise ValidationError(
            f"没有“{kind}”这种单据；可选：{'、'.join(KINDS)}。",
            f"There is no document kind '{kind}'; choose from {', '.join(KINDS)}.",
        )
    order = find_order(session, number)
    own = own_document(order.kind)
    if kind not in ("order", own.kind):
        named = next(k for k in kinds.KINDS.values() if k.print_name == kind)
        raise ValidationError(
            f"{order.number} 不是{named.document_zh}，不能打印为{named.document_zh}。",
            f"{order.number} is not a {named.document_en.lower()}; it cannot print as one.",
        )
    _require_printable_at_node(session, order, "order", own.zh, own.en.lower())
    require_prices_visible(session, user)
    content, layout = _documents("content", kinds.KINDS[order.kind].document)
    return order, layout.layout(content.printed_order(session, order)), ""


def _record(session: Session, user: User, order: Order, kind: str, shipment: str) -> None:
    after = {"document": kind, **({"shipment": shipment} if shipment else {})}
    audit.record_on_order(session, user.name, order, "print", after=after)


def render_document(session: Session, user: User, kind: str, number: str) -> bytes:
    """The document as PDF, to look at: a preview records nothing."""
    _order, document, _shipment = _document(session, user, kind, number)
    content, layout = _documents("content", "layout")
    return layout.render([document], content.company(session), audit.newest(session))


def record_print(session: Session, user: User, kind: str, number: str) -> None:
    """The document left the program (printed on paper, or saved): recorded on the order."""
    order, _document_layout, shipment = _document(session, user, kind, number)
    _record(session, user, order, kind, shipment)


def print_document(session: Session, user: User, kind: str, number: str) -> bytes:
    """The document as PDF, for a file or a printer; the print is recorded on the order."""
    pdf = render_document(session, user, kind, number)
    record_print(session, user, kind, number)
    return pdf


def waiting_at_warehouse(session: Session) -> list[Order]:
    """Orders at a node where goods may be shipped, oldest first: the morning pile."""
    at_shipping = [
        and_(Order.workflow_id == spec.id, Order.status.in_(spec.nodes_allowing("ship")))
        for spec in workflow.all_specs(session)
        if spec.nodes_allowing("ship")
    ]
    if not at_shipping:
        return []
    return list(
        session.scalars(
            select(Order)
            .where(
                or_(*at_shipping),
                Order.kind.in_([code for code, kind in kinds.KINDS.items() if kind.delivery_notes]),
            )
            .options(selectinload(Order.lines))
            .order_by(Order.created_at, Order.id)
        )
    )


@dataclass(frozen=True)
class NoteBatch:
    """Delivery notes made as one PDF, and which note each order got (order number and
    shipment number, or "" for the goods still to ship), so that the print can be recorded
    when the PDF really leaves the program."""

    pdf: bytes
    notes: tuple[tuple[str, str], ...]


def render_delivery_notes(
    session: Session,
    user: User,
    numbers: list[str] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> NoteBatch:
    """One PDF with a delivery note for each order (default: every order waiting at the
    warehouse), each note numbering its own pages. Making it records nothing: see
    `record_delivery_notes`."""
    job = Job(progress, cancelled)
    if numbers is None:
        numbers = [order.number for order in waiting_at_warehouse(session)]
    if not numbers:
        raise NotFound("没有等待发货的订单。", "No orders are waiting at the warehouse.")
    documents, notes = [], []
    for done, number in enumerate(numbers):
        job.step(done, len(numbers))
        order, document, shipment = _delivery_note(session, number)
        documents.append(document)
        notes.append((order.number, shipment))
    content, layout = _documents("content", "layout")
    pdf = layout.render(documents, content.company(session), audit.newest(session))
    job.step(len(numbers), len(numbers))
    return NoteBatch(pdf, tuple(notes))


def record_delivery_notes(session: Session, user: User, notes: tuple[tuple[str, str], ...]) -> None:
    """The batch was printed or saved: one print event on each of its orders."""
    for number, shipment in notes:
        _record(session, user, find_order(session, number), DELIVERY_NOTE, shipment)


def print_delivery_notes(
    session: Session,
    user: User,
    numbers: list[str] | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> bytes:
    """The batch as PDF for a file or a printer; each note's print is recorded."""
    batch = render_delivery_notes(session, user, numbers, progress, cancelled)
    record_delivery_notes(session, user, batch.notes)
    return batch.pdf
