"""Shipments and their trouble: a shipment is in transit (shipped), signed, refused or lost.

A refused or lost shipment puts its order into an exception: the order cannot count as
delivered until someone resolves it, either by reshipping the goods on a supplementary
order or by taking them back on a return and refunding them. Either way the shipment's
goods come back on a return order, so that nothing vanishes or counts twice: refused
goods go back into stock when the warehouse receives them, lost goods are written off
with ledger rows. "In exception" is a fact of the order's shipments, never a node.

Signing stays `orders.confirm_delivery`. Who may report trouble and who may resolve it
is the workflow's `trouble` and `resolve` facts.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Order, Shipment, User

from . import orders, workflow
from .clock import utcnow
from .errors import NotFound, ValidationError
from .kinds import KINDS
from .orders import TROUBLE_NAMES
from .validation import clean_text

REFUSED, LOST = "refused", "lost"
# A shipment on its way is "in_transit" (发出, shipped: the code differs from the
# order's node of that name, which is the workflow's).
IN_TRANSIT, SIGNED = "in_transit", "signed"
# What a shipment's state is called, for every front end.
STATE_NAMES = {IN_TRANSIT: ("已发出", "in transit"), SIGNED: ("已签收", "signed"), **TROUBLE_NAMES}
RESHIP, REFUND = "reship", "refund"
RESOLUTION_NAMES = {RESHIP: ("补发", "reship"), REFUND: ("退货退款", "return and refund")}


def state_of(shipment: Shipment) -> str:
    """in_transit, signed, refused or lost."""
    if shipment.trouble is not None:
        return shipment.trouble
    return SIGNED if shipment.delivered_at is not None else IN_TRANSIT


def find_shipment(session: Session, number: str) -> Shipment:
    shipment = session.scalar(select(Shipment).where(Shipment.number == (number or "").strip()))
    if shipment is None:
        raise NotFound(f"没有发货单“{number}”。", f"There is no shipment '{number}'.")
    return shipment


def refuse(
    session: Session, user: User, shipment_number: str, *, reason: str, source: str = "manual"
) -> Shipment:
    """The customer refused the shipment: the order is in exception until resolved."""
    return _report(session, user, shipment_number, REFUSED, reason, source)


def report_lost(
    session: Session, user: User, shipment_number: str, *, reason: str, source: str = "manual"
) -> Shipment:
    """The carrier lost the shipment: the order is in exception until resolved."""
    return _report(session, user, shipment_number, LOST, reason, source)


def _report(
    session: Session, user: User, number: str, trouble: str, reason: str, source: str
) -> Shipment:
    shipment = find_shipment(session, number)
    order = orders.find_order(session, shipment.order.number, for_change=True)
    reason = clean_text(reason, "原因", "reason", max_length=500, multiline=True)
    source = clean_text(source, "来源", "source", max_length=32)

    def record() -> tuple[object, dict]:
        state = state_of(shipment)
        if state != IN_TRANSIT:
            zh, en = STATE_NAMES[state]
            raise ValidationError(
                f"发货单 {shipment.number} 已{zh}，不能再登记为{TROUBLE_NAMES[trouble][0]}。",
                f"Shipment {shipment.number} is already {en}; it cannot be reported {trouble}.",
            )
        shipment.trouble = trouble
        shipment.trouble_reason = reason
        shipment.trouble_at = utcnow()
        shipment.trouble_source = source
        return shipment, {
            "document": shipment.number,
            "trouble": trouble,
            "reason": reason,
            "source": source,
        }

    return orders._record_fact(session, user, order, "trouble", f"shipment_{trouble}", record)


@dataclass(frozen=True)
class OpenException:
    """An order held in exception by one of its shipments."""

    number: str
    party: str
    shipment: str
    trouble: str
    reason: str
    source: str
    since: object  # datetime (UTC)


def open_exceptions(session: Session) -> list[OpenException]:
    """Every shipment refused or lost and not yet resolved, oldest first."""
    rows = session.execute(
        select(Order, Shipment)
        .join(Shipment, Shipment.order_id == Order.id)
        .where(Shipment.trouble.is_not(None), Shipment.resolved_at.is_(None))
        .order_by(Shipment.trouble_at, Shipment.id)
    )
    return [
        OpenException(
            order.number,
            order.party.name,
            shipment.number,
            shipment.trouble,
            shipment.trouble_reason,
            shipment.trouble_source,
            shipment.trouble_at,
        )
        for order, shipment in rows
    ]


def resolve(
    session: Session,
    user: User,
    number: str,
    resolution: str,
    *,
    shipment: str | None = None,
    comment: str = "",
) -> list[Order]:
    """Resolve the order's exception (its refused or lost shipments, or the one named):
    their goods come back on a return (free of charge for a reshipment, at the order's
    prices for a refund), and a reshipment sends them again on a free supplementary order.
    Returns the orders made."""
    from . import returns  # returns make orders through the order services, as do these

    if resolution not in RESOLUTION_NAMES:
        raise ValidationError(
            f"处理方式必须是 {'、'.join(RESOLUTION_NAMES)} 之一。",
            f"The resolution must be one of {', '.join(RESOLUTION_NAMES)}.",
        )
    order = orders.find_order(session, number, for_change=True)
    comment = clean_text(comment, "说明", "comment", max_length=2000, required=False)
    troubled = open_troubles(order)
    if shipment is not None:
        troubled = [s for s in troubled if s.number == shipment.strip()]
    if not troubled:
        named = f" {shipment.strip()}" if shipment else ""
        raise ValidationError(
            f"订单 {order.number} 没有待处理的拒收或丢件发货单{named}。",
            f"Order {order.number} has no refused or lost shipment{named} to resolve.",
        )
    made: list[Order] = []

    def record() -> tuple[object, dict]:
        now = utcnow()
        for trouble in troubled:
            per_line = {line.order_line_id: line.qty for line in trouble.lines}
            reasons = dict.fromkeys(per_line, trouble.trouble_reason)
            back = returns.make_return(
                session, user, order, per_line, reasons, priced=resolution == REFUND
            )
            made.append(back)
            if resolution == RESHIP:
                made.append(returns.replacement(session, user, order, per_line))
            trouble.resolution = resolution
            trouble.resolved_at = now
            trouble.resolution_order_id = back.id
        return made, {
            "resolution": resolution,
            "documents": [s.number for s in troubled],
            "made": [child.number for child in made],
            "comment": comment,
        }

    orders._record_fact(session, user, order, "resolve", "exception_resolved", record)
    return made


def state_row(shipment: Shipment, lang: str = "zh") -> dict:
    """A shipment's state as the order's detail shows it (text and JSON)."""
    state = state_of(shipment)
    return {
        "state": state,
        "state_label": STATE_NAMES[state][lang == "en"],
        "trouble_reason": shipment.trouble_reason or "",
        "resolution": shipment.resolution or "",
        "resolution_label": (
            RESOLUTION_NAMES[shipment.resolution][lang == "en"] if shipment.resolution else ""
        ),
    }


# The buttons for trouble, its resolution and the change documents, by the fact each needs.
ACTION_BUTTONS = (
    ("trouble", "refuse", "登记拒收…", "Refused…"),
    ("trouble", "lost", "登记丢件…", "Lost…"),
    ("resolve", "resolve", "处理异常…", "Resolve exception…"),
    ("return", "return", "退货…", "Return…"),
    ("return", "exchange", "换货…", "Exchange…"),
)


def actions_for(spec, user: User, order: Order) -> list:
    """The window's buttons for trouble and change documents this user may use now."""
    from .actions import Action

    wanted = {
        "trouble": any(state_of(s) == IN_TRANSIT for s in order.shipments),
        "resolve": bool(open_troubles(order)),
        "return": order.kind not in {k.return_kind for k in KINDS.values()},
    }
    return [
        Action(kind, zh, en)
        for fact, kind, zh, en in ACTION_BUTTONS
        if wanted[fact]
        and workflow.may_record(spec, user, order, fact)
        and not (kind == "exchange" and KINDS[order.kind].party_kind != "customer")
    ]


def open_troubles(order: Order) -> list[Shipment]:
    """The order's shipments that hold it in exception."""
    return [s for s in order.shipments if s.trouble is not None and s.resolved_at is None]
