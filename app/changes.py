"""What a unit of work changed, and telling other desktops that it did.

`Changes` is read from the audit events a unit of work writes (every change writes
one), so no caller lists what it touched; the window hands it to every view, and
each view decides whether the change concerns it. Other desktops read the same
value from the events committed since they last looked.

On PostgreSQL every committed order change also sends a NOTIFY on CHANNEL with the
order numbers, comma-separated, so other desktops know when to look; on SQLite they
poll `PRAGMA data_version` instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy.event import listens_for
from sqlalchemy.orm import Session

from db.models import Order

from . import audit

CHANNEL = "ordertrail_orders"

# NOTIFY payloads must stay under 8000 bytes.
NUMBERS_PER_NOTICE = 200

# The order facts an audit action records.
FACT_OF_ACTION = {
    "ship": "shipments",
    "signed": "shipments",
    "shipment_refused": "shipments",
    "shipment_lost": "shipments",
    "exception_resolved": "shipments",
    "receive": "receipts",
    "payment": "payments",
    "refund": "payments",
    "print": "prints",
}
# Order events that create an order or move it to another node: queues and counts change.
MOVING_ACTIONS = frozenset({"create", "transition"})
MASTER_DATA = {"party": "parties", "product": "products", "user": "users", "setting": "settings"}
_ANNOUNCED = "changes_announced"


@dataclass(frozen=True)
class Changes:
    """Which orders (by number), facts, master data and workflows one action changed."""

    orders: frozenset[str] = frozenset()
    moved: frozenset[str] = frozenset()  # created, or at another node now
    facts: frozenset[str] = frozenset()  # shipments, receipts, payments, prints
    master_data: frozenset[str] = frozenset()  # parties, products, users, settings
    workflows: frozenset[str] = frozenset()  # the kinds with a new workflow version
    unknown: bool = False  # something changed, nobody can say what: assume anything did

    @classmethod
    def anything(cls) -> Changes:
        return cls(unknown=True)

    @classmethod
    def of_orders(cls, numbers: Iterable[str]) -> Changes:
        """Orders that changed in ways nobody said: assume they moved too."""
        numbers = frozenset(numbers)
        return cls(orders=numbers, moved=numbers)

    def __bool__(self) -> bool:
        return self.unknown or any((self.orders, self.facts, self.master_data, self.workflows))

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.orders | other.orders,
            self.moved | other.moved,
            self.facts | other.facts,
            self.master_data | other.master_data,
            self.workflows | other.workflows,
            self.unknown or other.unknown,
        )

    def concerns_order(self, number: str | None) -> bool:
        """Whether one order's own view (its detail, its timeline) must be read again."""
        if number is None:
            return False
        return self.unknown or bool(self.workflows) or number in self.orders

    def concerns_lists(self) -> bool:
        """Whether a list of orders may show other rows or other values now (parties and
        products are only ever added, so new ones are in no listed order yet)."""
        return self.unknown or bool(self.orders) or bool(self.workflows)

    def concerns_queues(self) -> bool:
        """Whether the number of orders waiting at each node may differ now."""
        return self.unknown or bool(self.moved) or bool(self.workflows)


def from_events(events: Iterable[Mapping]) -> Changes:
    """The changes the audit events (rows or queued dicts) record."""
    orders: set[str] = set()
    moved: set[str] = set()
    facts: set[str] = set()
    master: set[str] = set()
    workflows: set[str] = set()
    for event in events:
        entity, ref, action = event["entity"], event["entity_ref"], event["action"]
        if entity == "order":
            orders.add(ref)
            if action in MOVING_ACTIONS:
                moved.add(ref)
            if action in FACT_OF_ACTION:
                facts.add(FACT_OF_ACTION[action])
        elif entity in MASTER_DATA:
            master.add(MASTER_DATA[entity])
        elif entity == "workflow":
            workflows.add(ref.split()[0])
    return Changes(
        frozenset(orders),
        frozenset(moved),
        frozenset(facts),
        frozenset(master),
        frozenset(workflows),
    )


def of_session(session: Session) -> Changes:
    """What the session's unit of work has changed so far (call it before the commit)."""
    announced = frozenset(session.info.get(_ANNOUNCED, ()))
    return from_events(audit.pending(session)) | Changes(orders=announced)


@listens_for(Session, "after_commit")
@listens_for(Session, "after_rollback")
def _forget_announced(session: Session) -> None:
    session.info.pop(_ANNOUNCED, None)


def wake_others(session: Session, changed: Changes) -> None:
    """On PostgreSQL, let other desktops hear of a change no announcement named, so they
    read its events too (a print, a new party, a setting)."""
    if not changed or session.info.get(_ANNOUNCED):
        return
    if session.get_bind().dialect.name == "postgresql":
        audit.notify_on_commit(session, CHANNEL, "")


def announce(session: Session, orders: list[Order]) -> None:
    """Note the orders as changed; on PostgreSQL queue notices naming them (comma-separated),
    sent with the transaction's events and delivered only if it commits."""
    numbers = [order.number for order in orders]
    session.info.setdefault(_ANNOUNCED, set()).update(numbers)
    if session.get_bind().dialect.name != "postgresql":
        return
    for start in range(0, len(numbers), NUMBERS_PER_NOTICE):
        payload = ",".join(numbers[start : start + NUMBERS_PER_NOTICE])
        audit.notify_on_commit(session, CHANNEL, payload)
