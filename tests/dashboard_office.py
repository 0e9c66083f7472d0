"""A small office history, made through the services with a controlled clock, whose
dashboard figures are counted by hand in the comments (shared by the service, report and
window tests)."""

from __future__ import annotations

from datetime import datetime, timedelta

from app import orders
from app.clock import frozen_at
from app.orders import MoveSpec

T0 = datetime(2026, 3, 10, 9, 0)
NOW = datetime(2026, 3, 20, 12, 0)


def build(office, t0: datetime = T0) -> dict[str, str]:
    """Six orders; what each one is when read at NOW (or as long after `t0` as NOW is
    after T0; dates below for T0):

    so1 华东 A-1×10 = 250, due 03-15: placed T0, prepared +2 h, shipped +5 h, delivered +30 h
        (on time; at 已签收; not late)
    so2 Acme B-2×1 = 1280, due 03-12: placed T0, shipped 03-14 09:00 (late shipping), at
        已发货 since then: past its 72 h limit, late for service
    so3 华东 A-1×4 = 100, due 03-18: placed T0, nothing shipped: late for the warehouse
    so4 华东 A-1×2 = 50, due 03-16: placed T0, cancelled +1 h (counts nowhere)
    so5 Acme A-1×1, a draft (open, no due date)
    po1 东莞 A-1×20 at 10 = 200: placed T0, received +48 h (at 已到货入库)
    """
    db = office.db

    def at(moment, service, user, *args, **kwargs):
        with frozen_at(moment), db.unit_of_work() as session:
            return service(session, user, *args, **kwargs)

    def due(days: int) -> str:
        return (t0.date() + timedelta(days=days)).isoformat()

    with frozen_at(t0):
        so1 = office.placed(lines=(("A-1", 10),), due=due(5))
        so2 = office.placed(lines=(("B-2", 1),), party="Acme 😀 Ltd", due=due(2))
        so3 = office.placed(lines=(("A-1", 4),), due=due(8))
        so4 = office.placed(lines=(("A-1", 2),), due=due(6))
        so5 = office.order(lines=(("A-1", 1),), party="Acme 😀 Ltd")
        po1 = office.placed("purchase", lines=(("A-1", 20, "10.00"),))
    h = timedelta(hours=1)
    at(t0 + h, orders.cancel, office.sales, so4, "客户改主意了")
    at(t0 + 2 * h, orders.advance, office.warehouse, so1, "prepared")
    shipment = at(t0 + 5 * h, orders.ship, office.warehouse, so1, "顺丰", "SF1001").number
    at(t0 + 30 * h, orders.confirm_delivery, office.service, shipment)
    at(t0 + 96 * h, orders.ship, office.warehouse, so2, "中通", "ZT2002")
    at(t0 + 48 * h, orders.receive, office.warehouse, po1, [MoveSpec("A-1", "20")])
    return {"so1": so1, "so2": so2, "so3": so3, "so4": so4, "so5": so5, "po1": po1}
