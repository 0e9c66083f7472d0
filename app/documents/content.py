"""What a printed document says, read from the database into plain values.

The layouts take these values, not database rows, so a layout can be tried out
(and tested) with any data at hand.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Order, OrderLine, Shipment, User

from .. import settings, workflow
from ..money import line_amount
from ..progress import progress_of
from .layout import Company


@dataclass(frozen=True)
class PartyDetails:
    name: str
    contact: str = ""
    phone: str = ""
    address: str = ""


@dataclass(frozen=True)
class PrintedLine:
    sku: str
    name: str
    unit: str
    qty: Decimal
    unit_price: Decimal

    @property
    def amount(self) -> Decimal:
        return line_amount(self.qty, self.unit_price)


@dataclass(frozen=True)
class ShipmentDetails:
    """The shipment a delivery note travels with; before shipping, number and tracking are
    blank and the warehouse fills them in by hand."""

    number: str = ""
    carrier: str = ""
    tracking_no: str = ""
    shipped_on: date | None = None


@dataclass(frozen=True)
class PrintedOrder:
    number: str
    kind: str
    status_label: str
    party: PartyDetails
    ordered_on: date
    due: date | None
    note: str
    currency: str
    total: Decimal
    lines: list[PrintedLine]
    prepared_by: str = ""
    origin: str | None = None
    shipment: ShipmentDetails | None = None


def local_date(moment: datetime) -> date:
    """A stored UTC time as the date on this desktop's calendar."""
    return moment.replace(tzinfo=UTC).astimezone().date()


def company(session: Session) -> Company:
    return Company(
        name=settings.get(session, "company_name"),
        address=settings.get(session, "company_address"),
        phone=settings.get(session, "company_phone"),
        logo=settings.get(session, "company_logo"),
    )


def _line(line: OrderLine, qty: Decimal | None = None) -> PrintedLine:
    product = line.product
    return PrintedLine(
        product.sku, product.name, product.unit, line.qty if qty is None else qty, line.unit_price
    )


def printed_order(session: Session, order: Order) -> PrintedOrder:
    """The order as it stands: every line with its price."""
    spec = workflow.spec_for(session, order)
    party = order.party
    creator = session.get(User, order.created_by_id)
    return PrintedOrder(
        number=order.number,
        kind=order.kind,
        status_label=spec.node(order.status).zh,
        party=PartyDetails(party.name, party.contact, party.phone, party.address),
        ordered_on=local_date(order.created_at),
        due=order.due,
        note=order.note,
        currency=order.currency,
        total=order.total,
        lines=[_line(line) for line in order.lines],
        prepared_by=creator.display_name or creator.name if creator else "",
        origin=order.parent.number if order.parent else None,
    )


def printed_shipment(session: Session, shipment: Shipment) -> PrintedOrder:
    """The order with only the goods of this shipment, and its carrier and tracking number."""
    order = shipment.order
    by_id = {line.id: line for line in order.lines}
    lines = [
        _line(by_id[s.order_line_id], s.qty)
        for s in sorted(shipment.lines, key=lambda s: by_id[s.order_line_id].line_no)
    ]
    details = ShipmentDetails(
        shipment.number, shipment.carrier, shipment.tracking_no, local_date(shipment.shipped_at)
    )
    return replace(printed_order(session, order), lines=lines, shipment=details)


def printed_goods_to_ship(session: Session, order: Order) -> PrintedOrder:
    """Before shipping: the goods still to ship (services need no delivery note)."""
    progress = progress_of(session, order).lines
    lines = [
        _line(line, line.qty - progress[line.id].shipped)
        for line in order.lines
        if not line.product.is_service and line.qty > progress[line.id].shipped
    ]
    return replace(printed_order(session, order), lines=lines, shipment=ShipmentDetails())


def latest_shipment(session: Session, order: Order) -> Shipment | None:
    return session.scalar(
        select(Shipment).where(Shipment.order_id == order.id).order_by(Shipment.id.desc()).limit(1)
    )
