"""The demo's change documents: a few returns (received, one refunded) and one refused
shipment left in exception for someone to resolve."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select

from db.engine import Database
from db.models import Order, User

from . import orders, returns, shipments
from .clock import frozen_at, utcnow
from .errors import OrderTrailError
from .progress import progress_of

RETURN_REASONS = ("包装破损", "型号发错", "客户多订了", "质量问题：卡纸")
RETURNS_WANTED = 3


def add_change_documents(database: Database, users: dict[str, User], rng: random.Random) -> None:
    moment = utcnow() - timedelta(days=2)
    with database.reading() as session:
        found = session.scalars(select(Order).where(Order.kind == "sales").order_by(Order.id))
        # Orders already paid first, so that a return can be refunded.
        sales = [o.number for o in sorted(found, key=lambda o: progress_of(session, o).paid <= 0)]
    made = 0
    refused = refunded = False
    for number in sales:
        moment += timedelta(minutes=37)
        with frozen_at(moment), database.unit_of_work() as session:
            order = orders.find_order(session, number)
            in_transit = [
                s for s in order.shipments if shipments.state_of(s) == shipments.IN_TRANSIT
            ]
            may_return = returns.returnable_lines(session, number)
            paid = progress_of(session, order).paid
        try:
            if not refused and in_transit:
                with frozen_at(moment), database.unit_of_work() as session:
                    shipments.refuse(
                        session,
                        users["service"],
                        in_transit[0].number,
                        reason="收件人拒收：地址无人",
                    )
                refused = True
            elif made < RETURNS_WANTED and may_return:
                sku, _name, _left = may_return[0]
                with frozen_at(moment), database.unit_of_work() as session:
                    back = returns.create_return(
                        session,
                        users["service"],
                        number,
                        [returns.ReturnLine(sku, 1)],
                        reason=rng.choice(RETURN_REASONS),
                    ).number
                made += 1
                if made < RETURNS_WANTED:  # the last one still waits for its goods
                    with frozen_at(moment + timedelta(hours=20)), database.unit_of_work() as s:
                        returns.receive_return(s, users["warehouse"], back)
                    if paid > 0 and not refunded:
                        with frozen_at(moment + timedelta(hours=26)), database.unit_of_work() as s:
                            value = orders.find_order(s, back).total
                            returns.refund(
                                s, users["finance"], back, min(value, paid), method="银行转账"
                            )
        except OrderTrailError:
            continue  # not this order (nothing to take back at its node): the next one
        if refused and made >= RETURNS_WANTED:
            return
