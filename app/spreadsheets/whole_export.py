"""An administrator moving an office brings in a whole export of another database: the
orders workbook, sales and purchase orders together, in one unit of work — or nothing.

How far it goes:

- every order keeps its number, and the number series move on past the numbers brought
  in, so orders made afterwards never collide with them;
- customers, suppliers and products the orders name are created when this database does
  not hold them yet (a party's kind follows its orders' kind; a new product takes its name
  and its first price from the rows, with no stock);
- the lines come in with their quantities and prices;
- the orders start as drafts: the workbook holds no facts (approvals, shipments, receipts,
  payments) to put an order at a later node honestly. The node the order was at in the
  other database is kept in an "imported" event in its audit trail, with the file it
  came from, so the timeline says where it stood;
- supplementary and return orders, which need their parent's lines, are not brought in.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Order, Party, Product, User

from .. import audit
from ..jobs import CancelCheck, ProgressCallback
from ..kinds import KINDS
from ..masterdata import PARTY_KINDS, add_party, add_product
from ..numbering import wrong_series
from ..orders import LineSpec, OrderDraft, create_orders
from ..roles import require
from .layouts import ORDERS, SheetLayout

# The export's informational columns (status, product name, amount) are read here too.
WHOLE_EXPORT = SheetLayout(
    ORDERS.name, ORDERS.title, tuple(replace(c, informational=False) for c in ORDERS.columns)
)


def import_whole_export(
    session: Session,
    user: User,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
):
    from .importing import _existing, _group_orders, _Import

    require(user, "import_whole_export")
    run = _Import(session, user, path, WHOLE_EXPORT, progress, cancelled)
    rows = run.read()
    groups = _group_orders(run, rows)
    parties = _parties_needed(run, groups)
    products = _products_needed(run, groups)
    first_row = {group.number: group.first.number for group in groups}
    for number in _existing(session, Order.number, list(first_row)):
        run.reader.problem(
            first_row[number],
            "number",
            f"订单号 {number} 已存在。",
            f"Order {number} already exists.",
        )
    run.stop_if_problems()
    for name, kind in parties.items():
        add_party(session, user, name, kind)
    for sku, (name, price) in products.items():
        add_product(session, user, sku, name, price)
    source = Path(path).name[:200]

    def create(group) -> str:
        draft = OrderDraft(
            group.field("party"),
            [
                LineSpec(line.values["sku"], line.values["qty"], line.values["unit_price"])
                for line in group.lines
            ],
            group.field("due"),
            group.field("note") or "",
            group.number,
        )
        (order,) = create_orders(session, user, group.field("kind"), [draft], moving_office=True)
        status = group.field("status") or ""
        audit.record_on_order(
            session,
            user.name,
            order,
            "imported",
            after={"exported_status": status, "file": source},
            comment=f"从整库导出导入（{source}）；原状态“{status or '—'}”，"
            "发货、收货、收付款等事实未随导出导入，订单以草稿开始。",
        )
        return order.number

    created = run.create_each([(group.first.number, group) for group in groups], create)
    return run.finish(created, len(rows))


def _parties_needed(run, groups) -> dict[str, str]:
    """Parties to create: name → kind; a party of the other kind is a problem."""
    known = dict(run.session.execute(select(Party.name, Party.kind)).all())
    needed: dict[str, str] = {}
    for group in groups:
        kind, party = group.field("kind"), group.field("party")
        if not kind or not party:
            continue
        wanted = KINDS[kind].party_kind
        have = known.get(party) or needed.get(party)
        if have is None:
            needed[party] = wanted
        elif have != wanted:
            zh, en = PARTY_KINDS[wanted]
            run.reader.problem(
                group.first.number, "party", f"“{party}”不是{zh}。", f"'{party}' is not a {en}."
            )
        why = wrong_series(kind, group.number)
        if why is not None:
            run.reader.problem(group.first.number, "number", *why)
    return needed


def _products_needed(run, groups) -> dict[str, tuple[str, object]]:
    """Products to create: SKU → (name, price), from the first row naming each."""
    known = set(run.session.scalars(select(Product.sku)))
    needed: dict[str, tuple[str, object]] = {}
    for group in groups:
        for line in group.lines:
            sku = line.values.get("sku")
            if not sku or sku in known or sku in needed:
                continue
            price = line.values.get("unit_price")
            if price in (None, ""):
                run.reader.problem(
                    line.number,
                    "unit_price",
                    f"产品 {sku} 在本数据库中还没有，需要单价才能新建。",
                    f"Product {sku} is new to this database: it needs a unit price.",
                )
                continue
            needed[sku] = (line.values.get("product_name") or sku, price)
    return needed
