"""Exports in the import layout: the order list as filtered (one row per line), parties,
products. Rows are streamed from the database a page at a time."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from db.models import Order, OrderLine, Party, Product, User

from .. import workflow
from ..jobs import CancelCheck, Job, ProgressCallback
from ..money import line_amount
from ..price_visibility import require_prices_visible
from ..queries import OrderFilter, filtered
from .layouts import KIND_LABELS, ORDERS, PARTIES, PARTY_KIND_LABELS, PRODUCTS
from .writing import SheetWriter, workbook

BATCH = 2000
CENT = Decimal("0.01")


def export_orders(
    session: Session,
    user: User,
    path: str | Path,
    order_filter: OrderFilter | None = None,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """The orders matching the filter (the command line's, or the window's list as it is
    filtered), newest first, one row per line; returns the number of orders written."""
    require_prices_visible(session, user)
    job = Job(progress, cancelled)
    orders = filtered(session, order_filter or OrderFilter())
    ids = orders.with_only_columns(Order.id)
    total = session.scalar(select(func.count()).select_from(ids.order_by(None).subquery()))
    parent = aliased(Order)
    rows = session.execute(
        select(
            Order.number,
            Order.kind,
            Party.name,
            Order.due,
            Order.note,
            Order.workflow_id,
            Order.status,
            Product.sku,
            Product.name,
            OrderLine.qty,
            OrderLine.unit_price,
            parent.number,
        )
        .join(Party, Party.id == Order.party_id)
        .outerjoin(parent, parent.id == Order.parent_id)
        .join(OrderLine, OrderLine.order_id == Order.id)
        .join(Product, Product.id == OrderLine.product_id)
        .where(Order.id.in_(ids.order_by(None)))
        .order_by(Order.created_at.desc(), Order.id.desc(), OrderLine.line_no)
        .execution_options(yield_per=BATCH)
    )
    status_labels: dict[tuple[int, str], str] = {}
    written = 0
    previous = None
    with workbook(path) as book:
        sheet = SheetWriter(book, ORDERS)
        job.step(0, total)
        for number, kind, party, due, note, workflow_id, status, sku, name, qty, price, *of in rows:
            if number != previous:
                previous = number
                written += 1
                if written % BATCH == 0:
                    job.step(written, total)
            label = status_labels.get((workflow_id, status))
            if label is None:
                label = workflow.spec_by_id(session, workflow_id).node(status).zh
                status_labels[(workflow_id, status)] = label
            sheet.append(
                [
                    number,
                    KIND_LABELS.get(kind, kind),
                    party,
                    due,
                    note,
                    label,
                    sku,
                    name,
                    qty,
                    price,
                    line_amount(qty, price),
                    *of,
                ]
            )
    job.step(total, total)
    return written


def export_parties(
    session: Session,
    user: User,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    job = Job(progress, cancelled)
    parties = list(session.scalars(select(Party).order_by(Party.kind, Party.name)))
    with workbook(path) as book:
        sheet = SheetWriter(book, PARTIES)
        for done, party in enumerate(parties):
            if done % BATCH == 0:
                job.step(done, len(parties))
            sheet.append(
                [
                    party.name,
                    PARTY_KIND_LABELS[party.kind],
                    party.contact,
                    party.phone,
                    party.address,
                ]
            )
    job.step(len(parties), len(parties))
    return len(parties)


def export_products(
    session: Session,
    user: User,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> int:
    """Products with their stock on hand (imported as opening stock)."""
    job = Job(progress, cancelled)
    products = list(session.scalars(select(Product).order_by(Product.sku)))
    with workbook(path) as book:
        sheet = SheetWriter(book, PRODUCTS)
        for done, product in enumerate(products):
            if done % BATCH == 0:
                job.step(done, len(products))
            sheet.append(
                [
                    product.sku,
                    product.name,
                    product.unit,
                    product.price,
                    "是" if product.is_service else "否",
                    None if product.is_service else product.on_hand,
                ]
            )
    job.step(len(products), len(products))
    return len(products)


EXPORTERS = {"orders": export_orders, "parties": export_parties, "products": export_products}
