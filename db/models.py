"""The tables of OrderTrail.

Orders carry their workflow node; shipments, receipts, payments and stock moves
are facts recorded as they happen. Progress (shipped, received, paid) is derived
from the facts, never stored beside the node.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

MONEY = Numeric(16, 2)
QUANTITY = Numeric(16, 3)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class RoleSet(TypeDecorator):
    """A set of role codes, stored as one comma-separated text in a fixed order."""

    impl = String(200)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        return None if value is None else ",".join(sorted(value))

    def process_result_value(self, value, dialect):
        return None if value is None else frozenset(filter(None, value.split(",")))


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(128), default="")
    # One person may hold several roles (the owner also does finance): a frozenset.
    roles: Mapped[frozenset[str]] = mapped_column(RoleSet())
    email: Mapped[str] = mapped_column(String(320), default="")  # where e-mail notices go
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class SignInFailure(Base):
    """A wrong password (or unknown name), by account and by the desktop it came from:
    repeated failures slow sign-in down, and the account's holder is told next time."""

    __tablename__ = "sign_in_failures"
    __table_args__ = (
        Index("ix_sign_in_failures_user_name_at", "user_name", "at"),
        Index("ix_sign_in_failures_source_at", "source", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_name: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(200))
    # Still slowing sign-in down (an admin's unlock clears it); told to the account's holder.
    counted: Mapped[bool] = mapped_column(Boolean, default=True)
    noticed: Mapped[bool] = mapped_column(Boolean, default=False)


class Party(Base):
    """A customer or a supplier."""

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    payment_terms: Mapped[str] = mapped_column(String(100), default="")
    tax_number: Mapped[str] = mapped_column(String(50), default="")
    # None: no limit agreed.
    credit_limit: Mapped[Decimal | None] = mapped_column(MONEY)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Product(Base):
    """A product; `on_hand` and `reserved` are running balances of the stock ledger."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    unit: Mapped[str] = mapped_column(String(16), default="个")
    price: Mapped[Decimal] = mapped_column(MONEY)
    is_service: Mapped[bool] = mapped_column(Boolean, default=False)
    on_hand: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    reserved: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    # Below this much available stock the product should be reordered.
    min_stock: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    supplier_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"))
    lead_time_days: Mapped[int | None] = mapped_column(Integer)
    # Returned goods found damaged: kept apart from on hand, never available.
    damaged: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    created_at: Mapped[datetime] = mapped_column(DateTime)

    supplier: Mapped[Party | None] = relationship()


class Workflow(Base):
    """One version of a workflow definition, stored as data (nodes and transitions)."""

    __tablename__ = "workflows"
    __table_args__ = (UniqueConstraint("kind", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    definition: Mapped[dict] = mapped_column(JSON)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Order(Base):
    __tablename__ = "orders"
    __table_args__ = (
        Index("ix_orders_status_created", "status", "created_at"),
        Index("ix_orders_party_created", "party_id", "created_at"),
        # Covers the newest-first walk of the order list with its free-text search (number,
        # party), so SQLite reads no table row until one matches.
        Index("ix_orders_search", "created_at", "id", "number", "party_id"),
        # Counting by node and lateness (the dashboard, the wall display) read it alone.
        Index("ix_orders_workflow_status", "workflow_id", "status", "status_since", "due"),
        # The dashboard's amounts by order date read it alone.
        Index("ix_orders_created_amounts", "created_at", "kind", "workflow_id", "status", "total"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id"))
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(32))
    status_since: Mapped[datetime] = mapped_column(DateTime)
    due: Mapped[date | None] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="CNY")
    total: Mapped[Decimal] = mapped_column(MONEY, default=Decimal(0))
    note: Mapped[str] = mapped_column(Text, default="")
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    party: Mapped[Party] = relationship(lazy="joined", innerjoin=True)
    workflow: Mapped[Workflow] = relationship()
    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", order_by="OrderLine.line_no", cascade="all, delete-orphan"
    )
    shipments: Mapped[list[Shipment]] = relationship(
        back_populates="order",
        order_by="Shipment.id",
        cascade="all, delete-orphan",
        foreign_keys="Shipment.order_id",
    )
    receipts: Mapped[list[Receipt]] = relationship(
        back_populates="order", order_by="Receipt.id", cascade="all, delete-orphan"
    )
    payments: Mapped[list[Payment]] = relationship(
        back_populates="order", order_by="Payment.id", cascade="all, delete-orphan"
    )
    parent: Mapped[Order | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Order]] = relationship(back_populates="parent", order_by="Order.id")

    # Every write to an order row checks and bumps `version`: a stale write fails.
    __mapper_args__ = {"version_id_col": version}


class OrderLine(Base):
    __tablename__ = "order_lines"
    # The stock figures add up the lines of the orders they pick from this index alone.
    __table_args__ = (Index("ix_order_lines_order_product_qty", "order_id", "product_id", "qty"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    qty: Mapped[Decimal] = mapped_column(QUANTITY)
    unit_price: Mapped[Decimal] = mapped_column(MONEY)
    # On a return order: the line of the original order being returned.
    origin_line_id: Mapped[int | None] = mapped_column(ForeignKey("order_lines.id"), index=True)
    # On a return order: why this line comes back.
    reason: Mapped[str] = mapped_column(String(500), default="")

    order: Mapped[Order] = relationship(back_populates="lines")
    product: Mapped[Product] = relationship(lazy="joined", innerjoin=True)


class Amendment(Base):
    """A change to an approved order (改单/加单): a document of its own, never an edit in
    place. It moves the order to its next revision; `diff` holds each changed line as
    {sku, qty_before, qty_after, price_before, price_after}."""

    __tablename__ = "amendments"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)  # the order's revision it made
    reason: Mapped[str] = mapped_column(Text)
    diff: Mapped[list] = mapped_column(JSON)
    total_before: Mapped[Decimal] = mapped_column(MONEY)
    total_after: Mapped[Decimal] = mapped_column(MONEY)
    # Whether it sent the order back to approval.
    reapproval: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # When the owner rejected it, undone: it no longer counts in the order's figures.
    rejected_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class Shipment(Base):
    """A delivery note: goods leaving the warehouse, later signed for by the customer."""

    __tablename__ = "shipments"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    carrier: Mapped[str] = mapped_column(String(100))
    tracking_no: Mapped[str] = mapped_column(String(100), index=True)
    shipped_at: Mapped[datetime] = mapped_column(DateTime)
    shipped_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Trouble: "refused" or "lost" (None: on its way or signed), why, when and who said so
    # (a person, or a carrier's tracking import); resolved by a return order of its goods.
    trouble: Mapped[str | None] = mapped_column(String(16))
    trouble_reason: Mapped[str] = mapped_column(Text, default="")
    trouble_at: Mapped[datetime | None] = mapped_column(DateTime)
    trouble_source: Mapped[str] = mapped_column(String(32), default="")
    resolution: Mapped[str] = mapped_column(String(16), default="")  # "reship" or "refund"
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolution_order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"))

    order: Mapped[Order] = relationship(back_populates="shipments", foreign_keys=[order_id])
    lines: Mapped[list[ShipmentLine]] = relationship(cascade="all, delete-orphan")


class ShipmentLine(Base):
    __tablename__ = "shipment_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    shipment_id: Mapped[int] = mapped_column(ForeignKey("shipments.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    qty: Mapped[Decimal] = mapped_column(QUANTITY)


class Receipt(Base):
    """Goods of a purchase order arriving at the warehouse."""

    __tablename__ = "receipts"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    received_at: Mapped[datetime] = mapped_column(DateTime)
    received_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    order: Mapped[Order] = relationship(back_populates="receipts")
    lines: Mapped[list[ReceiptLine]] = relationship(cascade="all, delete-orphan")


class ReceiptLine(Base):
    __tablename__ = "receipt_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    receipt_id: Mapped[int] = mapped_column(ForeignKey("receipts.id"), index=True)
    order_line_id: Mapped[int] = mapped_column(ForeignKey("order_lines.id"), index=True)
    qty: Mapped[Decimal] = mapped_column(QUANTITY)
    # Returned goods: "good" (into stock), "damaged" (to the damaged count) or "written_off"
    # (a lost shipment's goods that never come back).
    condition: Mapped[str] = mapped_column(String(16), default="good")


class Payment(Base):
    """Money received (sales) or paid (purchase); a negative amount is a refund."""

    __tablename__ = "payments"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    amount: Mapped[Decimal] = mapped_column(MONEY)
    method: Mapped[str] = mapped_column(String(50), default="")
    reference: Mapped[str] = mapped_column(String(100), default="")
    paid_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))

    order: Mapped[Order] = relationship(back_populates="payments")


class StockMove(Base):
    """The stock ledger. `on_hand_delta` moves goods; `reserved_delta` moves reservations."""

    __tablename__ = "stock_moves"
    # What one order holds of one product: read for every order a stock figure counts.
    __table_args__ = (Index("ix_stock_moves_order_product", "order_id", "product_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    on_hand_delta: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    reserved_delta: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    damaged_delta: Mapped[Decimal] = mapped_column(QUANTITY, default=Decimal(0))
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    # The shipment's or receipt's number, else the order's (None: opening stock).
    document: Mapped[str | None] = mapped_column(String(32))


class Event(Base):
    """The append-only audit trail. Each row hashes its content and the previous hash."""

    __tablename__ = "events"
    # The dashboard reads the last days' events (time spent at each node); reconciliation
    # one month's events of a few actions.
    __table_args__ = (Index("ix_events_at", "at"), Index("ix_events_action_at", "action", "at"))

    # Given by app.audit in chain order, never by the database.
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_name: Mapped[str] = mapped_column(String(64))
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_ref: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(32))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    comment: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class NodeStay(Base):
    """One stay of an order at a node of its workflow: when it came, when it moved on
    (none while it stands there) and how long it stayed. The engine writes them with each
    step, in the step's transaction; the dashboard measures the time spent at each node
    from them."""

    __tablename__ = "node_stays"
    __table_args__ = (
        # Each node's stays that ended in a period, with every column the dashboard reads.
        Index("ix_node_stays_node", "workflow_id", "node", "left_at", "seconds", "order_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"), index=True)
    workflow_id: Mapped[int] = mapped_column(ForeignKey("workflows.id"))
    node: Mapped[str] = mapped_column(String(32))
    entered_at: Mapped[datetime] = mapped_column(DateTime)
    left_at: Mapped[datetime | None] = mapped_column(DateTime)
    # Whole seconds from entered_at to left_at, set when the stay ends: summed and counted
    # as they are, where times would be parsed for every stay.
    seconds: Mapped[int | None] = mapped_column(Integer)


class AuditHead(Base):
    """The single row holding the newest event's id and hash.

    Appending locks this row, so concurrent writers chain their events one after
    another; events take the ids that follow, so a gap shows a deleted row, and
    deleting the newest events is noticed too.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(primary_key=True)
    last_event_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))


class Notification(Base):
    """Something a role, or one user, is told; each reader marks it read for themselves."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_role", "recipient_role", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    recipient_role: Mapped[str] = mapped_column(String(32))
    # Set when the notice is for one person (the order's creator) rather than a role.
    recipient_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    order_id: Mapped[int | None] = mapped_column(ForeignKey("orders.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    params: Mapped[dict] = mapped_column(JSON)  # worded for each reader by app/notifications.py


class Escalation(Base):
    """An order that waited at a node past twice its limit, and the owner role was told:
    once per order and stay at the node (lateness itself is computed, never stored)."""

    __tablename__ = "escalations"
    __table_args__ = (UniqueConstraint("order_id", "node", "since"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    node: Mapped[str] = mapped_column(String(32))
    since: Mapped[datetime] = mapped_column(DateTime)  # when the order came to the node
    at: Mapped[datetime] = mapped_column(DateTime)


class NotificationRead(Base):
    """One user has read one notification (a role's notice is read by each user separately)."""

    __tablename__ = "notification_reads"

    notification_id: Mapped[int] = mapped_column(ForeignKey("notifications.id"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    read_at: Mapped[datetime] = mapped_column(DateTime)


class NotificationPreference(Base):
    """The channels by which one kind of notification reaches one user (no row: in-app only)."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32), primary_key=True)
    channels: Mapped[list] = mapped_column(JSON)


class OutboxMessage(Base):
    """A message to send on an outbound channel, written in the transaction of the change.

    A sender claims due rows by setting `claimed_until` (a lease), sends, and marks the
    row sent in the same transaction as the delivery record.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("notification_id", "channel", "recipient"),
        Index("ix_outbox_due", "state", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Sent along as the idempotency key (header or Message-ID) so a receiver can drop a repeat.
    key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    notification_id: Mapped[int | None] = mapped_column(ForeignKey("notifications.id"))
    channel: Mapped[str] = mapped_column(String(16))
    recipient: Mapped[str] = mapped_column(String(320), default="")  # e-mail address, or ""
    subject: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(8), default="pending")  # pending, sent, dead
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(DateTime)
    claimed_until: Mapped[datetime | None] = mapped_column(DateTime)
    claimed_by: Mapped[str] = mapped_column(String(64), default="")
    last_error: Mapped[str] = mapped_column(Text, default="")
    sent_at: Mapped[datetime | None] = mapped_column(DateTime)


class Delivery(Base):
    """One attempt to send an outbox message: when, by which sender, and what came back."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("outbox.id"), index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    sender: Mapped[str] = mapped_column(String(64))
    ok: Mapped[bool] = mapped_column(Boolean)
    detail: Mapped[str] = mapped_column(Text, default="")


class NumberSequence(Base):
    """The last number given out per document prefix and year (SO-2026-000123)."""

    __tablename__ = "number_sequences"

    prefix: Mapped[str] = mapped_column(String(8), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)


class PeriodLock(Base):
    """A closed month ("2026-11"): nothing may be dated into it any more."""

    __tablename__ = "period_locks"

    month: Mapped[str] = mapped_column(String(7), primary_key=True)
    locked_at: Mapped[datetime] = mapped_column(DateTime)
    locked_by: Mapped[str] = mapped_column(String(64))


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
