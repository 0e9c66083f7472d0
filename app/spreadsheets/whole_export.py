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
- supplementary and return orders come in linked to their parent order (the file's
  "parent order" column), after it: the parent is either in this database already or in
  the file; a return's lines know the parent's lines they take back (by SKU). A child whose
  parent is in neither, or that does not fit it (another party, a kind that is not its
  child), is a problem of its row.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Order, OrderLine, Party, Product, User

from .. import audit
from ..jobs import CancelCheck, ProgressCallback
from ..kinds import KINDS, RETURN_KINDS
from ..masterdata import PARTY_KINDS, add_party, add_product
from ..numbering import wrong_series
from ..orders import LineSpec, OrderDraft, create_orders, find_order
from ..roles import require
from .layouts import ORDERS, SheetLayout

# The export's informational columns (status, product name, amount, parent) are read here
# too, and every kind of order is brought in.
ALL_KINDS = {name: code for code, kind in KINDS.items() for name in (code, kind.zh)}
WHOLE_EXPORT = SheetLayout(
    ORDERS.name,
    ORDERS.title,
    tuple(
        replace(c, informational=False, **({"choices": ALL_KINDS} if c.choices else {}))
        for c in ORDERS.columns
    ),
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
    groups = _parents_first(run, groups)
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
        parent = find_order(session, group.field("parent")) if group.field("parent") else None
        (order,) = create_orders(
            session, user, group.field("kind"), [draft], moving_office=True, parent=parent
        )
        if order.kind in RETURN_KINDS:
            for line in order.lines:
                line.origin_line_id = _line_for(parent, line.product.sku).id
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


def _parents_first(run, groups) -> list:
    """The groups with every parent before its children; a child kind's missing or unfit
    parent is a problem of its row."""
    in_file = {group.number: group for group in groups}
    named = {group.field("parent") for group in groups if group.field("parent")}
    in_database = {
        order.number: order
        for order in run.session.scalars(
            select(Order).where(Order.number.in_(named - set(in_file)))
        )
    }
    for group in groups:
        _check_parent(run, group, in_file, in_database)
    ordered, placed = [], set()

    def place(group, seen: frozenset) -> None:
        if group.number in placed or group.number in seen:
            return
        parent = in_file.get(group.field("parent"))
        if parent is not None:
            place(parent, seen | {group.number})
        placed.add(group.number)
        ordered.append(group)

    for group in groups:
        place(group, frozenset())
    return ordered


def _check_parent(run, group, in_file: dict, in_database: dict) -> None:
    kind, number = group.field("kind"), group.field("parent")
    if not kind:
        return
    row = group.first.number
    if KINDS[kind].creatable:
        if number:
            run.reader.problem(
                row,
                "parent",
                f"{KINDS[kind].zh}订单没有原订单，请清空“原订单”。",
                f"A {KINDS[kind].en.lower()} order has no parent order; leave it empty.",
            )
        return
    if not number:
        run.reader.problem(
            row,
            "parent",
            f"{KINDS[kind].title_zh}须填写原订单号。",
            f"A {KINDS[kind].title_en.lower()} needs its parent order's number.",
        )
        return
    if number in in_file:
        parent = in_file[number]
        parent_kind, party = parent.field("kind"), parent.field("party")
        skus = {line.values.get("sku") for line in parent.lines}
    elif number in in_database:
        parent = in_database[number]
        parent_kind, party = parent.kind, parent.party.name
        skus = {line.product.sku for line in parent.lines}
    else:
        run.reader.problem(
            row,
            "parent",
            f"原订单 {number} 既不在本数据库中，也不在本文件中：请先导入原订单。",
            f"The parent order {number} is neither in this database nor in this file: "
            "import the parent first.",
        )
        return
    if parent_kind and not _may_be_parent(kind, parent_kind):
        run.reader.problem(
            row,
            "parent",
            f"原订单 {number} 是{KINDS[parent_kind].title_zh}，不能有{KINDS[kind].title_zh}。",
            f"The parent order {number} is a {KINDS[parent_kind].title_en.lower()}; it "
            f"cannot have a {KINDS[kind].title_en.lower()}.",
        )
    elif party and group.field("party") and party != group.field("party"):
        run.reader.problem(
            row,
            "party",
            f"与原订单 {number} 的客户/供应商“{party}”不同。",
            f"Differs from the party of the parent order {number} ('{party}').",
        )
    if kind in RETURN_KINDS:
        for line in group.lines:
            sku = line.values.get("sku")
            if sku and sku not in skus:
                run.reader.problem(
                    line.number,
                    "sku",
                    f"原订单 {number} 中没有产品 {sku}，退货无从对应。",
                    f"The parent order {number} has no line for {sku} to take back.",
                )


def _may_be_parent(kind: str, parent_kind: str) -> bool:
    """A return comes from the kind it returns; a supplementary order from an order of its
    side that is not itself a return."""
    if kind in RETURN_KINDS:
        return KINDS[parent_kind].return_kind == kind
    return parent_kind not in RETURN_KINDS and (
        KINDS[parent_kind].party_kind == KINDS[kind].party_kind
    )


def _line_for(parent: Order, sku: str) -> OrderLine:
    return next(line for line in parent.lines if line.product.sku == sku)
