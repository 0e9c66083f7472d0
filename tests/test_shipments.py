"""Shipment states and their trouble: refused and lost shipments hold the order in exception."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import orders, shipments
from app.errors import InvalidTransition, NotFound, PermissionDenied, ValidationError
from db.models import Event, Order, Shipment


def shipped(office, lines=(("A-1", 10),)) -> tuple[str, str]:
    """A placed sales order shipped in full: (order number, shipment number)."""
    number = office.placed(lines=lines)
    with office.db.unit_of_work() as session:
        shipment = orders.ship(session, office.warehouse, number, "顺丰", "SF1")
        return number, shipment.number


def test_a_refused_shipment_holds_the_order_in_exception(office):
    number, shipment = shipped(office)
    with office.db.unit_of_work() as session:
        shipments.refuse(session, office.service, shipment, reason="客户拒收 😀 包装破损")
    with office.db.reading() as session:
        row = session.scalar(select(Shipment).where(Shipment.number == shipment))
        assert shipments.state_of(row) == "refused"
        assert row.trouble_reason == "客户拒收 😀 包装破损"
        assert row.trouble_source == "manual"
        [open_one] = shipments.open_exceptions(session)
        assert (open_one.number, open_one.shipment, open_one.trouble) == (
            number,
            shipment,
            "refused",
        )
        event = session.scalars(
            select(Event).where(Event.entity_ref == number).order_by(Event.id.desc())
        ).first()
        assert event.action == "shipment_refused"
        assert event.after["reason"] == "客户拒收 😀 包装破损"
    # It can no longer be signed for, so the order cannot count as delivered.
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="refused"):
        orders.confirm_delivery(session, office.service, shipment)


def test_a_lost_shipment_from_a_carrier_import(office):
    number, shipment = shipped(office)
    with office.db.unit_of_work() as session:
        shipments.report_lost(
            session, office.warehouse, shipment, reason="运输途中丢失", source="carrier:SF"
        )
    with office.db.reading() as session:
        row = session.scalar(select(Shipment).where(Shipment.number == shipment))
        assert (shipments.state_of(row), row.trouble_source) == ("lost", "carrier:SF")


def test_signed_shipments_cannot_be_refused_and_trouble_is_reported_once(office):
    number, shipment = shipped(office)
    with office.db.unit_of_work() as session:
        orders.confirm_delivery(session, office.service, shipment)
    with office.db.unit_of_work() as session, pytest.raises(InvalidTransition, match="Delivered"):
        shipments.refuse(session, office.service, shipment, reason="x")
    # Of two shipments, the signed one cannot be refused while the order waits for the other.
    number = office.placed(lines=(("A-1", 10),))
    with office.db.unit_of_work() as session:
        first = orders.ship(
            session, office.warehouse, number, "顺丰", "SF2", [orders.MoveSpec("A-1", 4)]
        )
        orders.ship(session, office.warehouse, number, "顺丰", "SF3")
        orders.confirm_delivery(session, office.service, first.number)
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="signed"):
        shipments.refuse(session, office.service, first.number, reason="x")
    number, shipment = shipped(office)
    with office.db.unit_of_work() as session:
        shipments.report_lost(session, office.service, shipment, reason="丢了")
    with office.db.unit_of_work() as session, pytest.raises(ValidationError, match="lost"):
        shipments.refuse(session, office.service, shipment, reason="x")


def test_hostile_input_changes_nothing(office):
    number, shipment = shipped(office)
    with office.db.reading() as session:
        version = session.scalar(select(Order.version).where(Order.number == number))
    with office.db.unit_of_work() as session, pytest.raises(PermissionDenied):
        shipments.refuse(session, office.finance, shipment, reason="拒收")
    with office.db.unit_of_work() as session, pytest.raises(ValidationError):
        shipments.refuse(session, office.service, shipment, reason="   ")
    with office.db.unit_of_work() as session, pytest.raises(NotFound):
        shipments.report_lost(session, office.service, "SH-0000-404", reason="x")
    with office.db.reading() as session:
        row = session.scalar(select(Shipment).where(Shipment.number == shipment))
        assert row.trouble is None
        order = session.scalar(select(Order).where(Order.number == number))
        assert order.version == version
        assert shipments.open_exceptions(session) == []
