"""The demo's change documents: a few amendments (most let through by the approval rule,
one approved by the owner, one still waiting for the owner), a few returns (received, one
refunded) and one refused shipment left in exception for someone to resolve."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from decimal import ROUND_CEILING

from sqlalchemy import select

from db.engine import Database
from db.models import Order, User

from . import amendments, orders, returns, settings, shipments, walkthrough, workflow
from .clock import frozen_at, utcnow
from .errors import OrderTrailError
from .progress import progress_of

RETURN_REASONS = ("包装破损", "型号发错", "客户多订了", "质量问题：卡纸")
RETURNS_WANTED = 3
AMENDMENT_REASONS = ("客户追加数量", "客户调整订量", "按新报价补订")
# Per amendment, whether it grows the order past the approval amount: the first of those
# the owner approves, the last waits for the owner.
AMENDMENTS = (False, False, False, True, True)


def add_change_documents(database: Database, users: dict[str, User], rng: random.Random) -> None:
    moment = _add_amendments(database, users, rng, utcnow() - timedelta(days=3))
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


def _add_amendments(
    database: Database, users: dict[str, User], rng: random.Random, moment: datetime
) -> datetime:
    """The amendments, on orders still open to them, oldest first; the moment after."""
    with database.reading() as session:
        limit, _discount = settings.approval_limits(session)
        open_to_them = [
            (order.number, min(spec.facts[amendments.FACT]))
            for order in session.scalars(select(Order).order_by(Order.id))
            if (spec := workflow.spec_for(session, order)).allows(order.status, amendments.FACT)
        ]
    plan = iter(enumerate(AMENDMENTS))
    index, past_limit = next(plan)
    for number, role in open_to_them:
        moment += timedelta(minutes=41)
        with database.reading() as session:
            order = orders.find_order(session, number)
            goods = [line for line in order.lines if not line.product.is_service]
            needs_approval = amendments.approval_reason(
                session, workflow.spec_for(session, order), order
            )
        more = rng.randint(1, 5)
        if not goods:
            continue
        line = goods[0]
        if past_limit:  # enough more of the first line to pass the approval amount
            more += int(((limit - order.total) / line.unit_price).to_integral_value(ROUND_CEILING))
        elif needs_approval is not None or order.total + more * line.unit_price > limit:
            continue  # it would go back to the owner: a small change is shown elsewhere
        try:
            with frozen_at(moment), database.unit_of_work() as session:
                amendments.amend(
                    session,
                    users[role],
                    number,
                    [orders.LineSpec(line.product.sku, line.qty + max(more, 1))],
                    reason=AMENDMENT_REASONS[index % len(AMENDMENT_REASONS)],
                )
        except OrderTrailError:
            continue  # not this order (stock, a locked period): the next one
        if past_limit and index < len(AMENDMENTS) - 1:
            _approve(database, users, number, moment + timedelta(hours=3))
        step = next(plan, None)
        if step is None:
            break
        index, past_limit = step
    return moment


def _approve(database: Database, users: dict[str, User], number: str, moment: datetime) -> None:
    with frozen_at(moment), database.unit_of_work() as session:
        step = walkthrough.next_step(session, orders.find_order(session, number))
        orders.advance(session, users[step.role], number, step.target, comment="同意")
