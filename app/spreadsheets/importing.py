"""Imports: every row checked first, then everything created in the caller's one unit of
work through the same services the window uses — or, on any problem, nothing.

Orders keep the number in the file. A number already in the database, or used
for two orders in the file, is an error; numbers shaped like ours (SO-2026-000123)
move the numbering on, so later orders never collide with them. Imported orders
start as drafts: the status column of an export is information only, the facts
behind a status (approvals, shipments, payments) are not in the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Order, Party, Product, User

from .. import audit
from ..errors import OrderTrailError, PermissionDenied
from ..jobs import CancelCheck, Job, ProgressCallback
from ..kinds import CREATABLE, KINDS
from ..masterdata import PARTY_KINDS, add_party, add_product
from ..numbering import wrong_series
from ..orders import LineSpec, create_order, may_create, require_may_create
from ..roles import PERMISSIONS, holds_any, may, require
from .layouts import ORDERS, PARTIES, PRODUCTS, SheetLayout
from .reading import ImportRejected, RowProblem, SheetReader, SheetRow

ORDER_FIELDS = ("kind", "party", "due", "note", "parent")
LOOKUP_CHUNK = 500


@dataclass
class ImportResult:
    kind: str
    created: list[str] = field(default_factory=list)  # order numbers, party names or SKUs
    rows: int = 0

    def as_dict(self) -> dict:
        return {
            "imported": self.kind,
            "count": len(self.created),
            "rows": self.rows,
            "created": self.created,
        }


class _Import:
    """One import run: the reader, the progress job and the rows' first-row bookkeeping."""

    def __init__(
        self,
        session: Session,
        user: User,
        path: str | Path,
        layout: SheetLayout,
        progress: ProgressCallback | None,
        cancelled: CancelCheck | None,
    ):
        self.session = session
        self.user = user
        self.path = Path(path)
        self.job = Job(progress, cancelled)
        self.reader = SheetReader(path, layout, self.job)
        self.layout = layout

    def read(self) -> list[SheetRow]:
        rows = self.reader.rows()
        if not rows and not self.reader.problems:
            self.reader.problem(
                3,
                None,
                "没有可导入的数据行（数据从第 3 行开始）。",
                "There are no data rows to import (data starts at row 3).",
            )
        return rows

    def stop_if_problems(self) -> None:
        if self.reader.problems:
            raise ImportRejected(sorted(self.reader.problems, key=lambda p: (p.row, p.column)))

    def create_each(self, items: list, create) -> list[str]:
        """Call `create(item)` for each; a service's refusal becomes that row's problem."""
        created = []
        for done, (row, item) in enumerate(items):
            if done % 50 == 0:
                self.job.step(done, len(items))
            try:
                created.append(create(item))
            except PermissionDenied:
                raise
            except OrderTrailError as error:
                raise ImportRejected(
                    [RowProblem(self.reader.sheet_title, row, "", error.zh, error.en)]
                ) from None
        self.job.step(len(items), len(items))
        return created

    def finish(self, created: list[str], rows: int) -> ImportResult:
        audit.record(
            self.session,
            self.user.name,
            entity="import",
            ref=self.path.name[:64],
            action="import",
            after={"kind": self.layout.name, "rows": rows, "created": len(created)},
        )
        return ImportResult(self.layout.name, created, rows)


def _existing(session: Session, column, values: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(values), LOOKUP_CHUNK):
        found.update(
            session.scalars(select(column).where(column.in_(values[start : start + LOOKUP_CHUNK])))
        )
    return found


def _unique(run: _Import, rows: list[SheetRow], key: str, column, zh: str, en: str) -> None:
    """Each value of `key` once in the file and not yet in the database."""
    first_row: dict[str, int] = {}
    for row in rows:
        value = row.values.get(key)
        if not value:
            continue
        if value in first_row:
            run.reader.problem(
                row.number,
                key,
                f"{zh}“{value}”与第 {first_row[value]} 行重复。",
                f"The {en} '{value}' repeats row {first_row[value]}.",
            )
        else:
            first_row[value] = row.number
    for value in _existing(run.session, column, list(first_row)):
        run.reader.problem(
            first_row[value], key, f"{zh}“{value}”已存在。", f"The {en} '{value}' already exists."
        )


# --- parties and products ------------------------------------------------------------------


def import_parties(
    session: Session,
    user: User,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportResult:
    require(user, "add_party")
    run = _Import(session, user, path, PARTIES, progress, cancelled)
    rows = run.read()
    _unique(run, rows, "name", Party.name, "名称", "name")
    run.stop_if_problems()
    created = run.create_each(
        [(row.number, row.values) for row in rows],
        lambda v: (
            add_party(
                session,
                user,
                v["name"],
                v["kind"],
                contact=v["contact"],
                phone=v["phone"],
                address=v["address"],
            ).name
        ),
    )
    return run.finish(created, len(rows))


def import_products(
    session: Session,
    user: User,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportResult:
    require(user, "add_product")
    run = _Import(session, user, path, PRODUCTS, progress, cancelled)
    rows = run.read()
    _unique(run, rows, "sku", Product.sku, "产品编码", "SKU")
    for row in rows:
        sku = row.values.get("sku") or ""
        if any(ch.isspace() for ch in sku) or ":" in sku:
            run.reader.problem(
                row.number,
                "sku",
                f"产品编码“{sku}”不能包含空格或冒号。",
                f"The SKU '{sku}' must not contain spaces or colons.",
            )
        if row.values.get("service") and row.values.get("stock"):
            run.reader.problem(
                row.number,
                "stock",
                "服务项目没有库存，库存应留空。",
                "A service has no stock; leave the stock empty.",
            )
    run.stop_if_problems()
    created = run.create_each(
        [(row.number, row.values) for row in rows],
        lambda v: (
            add_product(
                session,
                user,
                v["sku"],
                v["name"],
                v["price"],
                unit=v["unit"] or "个",
                opening_stock=v["stock"],
                service=bool(v["service"]),
            ).sku
        ),
    )
    return run.finish(created, len(rows))


# --- orders -------------------------------------------------------------------------------


@dataclass
class _OrderRows:
    number: str
    first: SheetRow
    lines: list[SheetRow] = field(default_factory=list)

    def field(self, key: str):
        return self.first.values.get(key)


def _group_orders(run: _Import, rows: list[SheetRow]) -> list[_OrderRows]:
    """Consecutive rows with one order number are one order's lines."""
    groups: dict[str, _OrderRows] = {}
    previous = None
    for row in rows:
        number = row.values.get("number")
        if not number:
            continue
        if any(ch.isspace() for ch in number):
            run.reader.problem(
                row.number,
                "number",
                f"订单号“{number}”不能包含空格。",
                f"The order number '{number}' must not contain spaces.",
            )
        group = groups.get(number)
        if group is None:
            group = groups[number] = _OrderRows(number, row)
        elif previous != number:
            run.reader.problem(
                row.number,
                "number",
                f"订单号 {number} 已在第 {group.first.number} 行用于另一张订单；"
                "订单号不能重复，同一订单的明细须写在相邻行。",
                f"Order number {number} is already used at row {group.first.number}; numbers "
                "must be unique, and one order's lines must be on adjacent rows.",
            )
        else:
            _check_same_order_fields(run, group, row)
        group.lines.append(row)
        previous = number
    return list(groups.values())


def _check_same_order_fields(run: _Import, group: _OrderRows, row: SheetRow) -> None:
    for key in ORDER_FIELDS:
        value = row.values.get(key)
        if value not in (None, "") and value != group.field(key):
            header = ORDERS.column(key).header
            run.reader.problem(
                row.number,
                key,
                f"与本订单第 {group.first.number} 行的“{header}”不一致。",
                f"Differs from the '{ORDERS.column(key).en}' on row {group.first.number} "
                "of the same order.",
            )


def _check_references(run: _Import, groups: list[_OrderRows]) -> None:
    session = run.session
    party_kinds = {name: kind for name, kind in session.execute(select(Party.name, Party.kind))}
    skus = set(session.scalars(select(Product.sku)))
    for group in groups:
        kind, party = group.field("kind"), group.field("party")
        if kind and party:
            wanted = KINDS[kind].party_kind
            if party not in party_kinds:
                run.reader.problem(
                    group.first.number,
                    "party",
                    f"没有名为“{party}”的客户或供应商；请先导入客户与供应商。",
                    f"There is no customer or supplier named '{party}'; import parties first.",
                )
            elif party_kinds[party] != wanted:
                zh, en = PARTY_KINDS[wanted]
                run.reader.problem(
                    group.first.number, "party", f"“{party}”不是{zh}。", f"'{party}' is not a {en}."
                )
        for line in group.lines:
            sku = line.values.get("sku")
            if sku and sku not in skus:
                run.reader.problem(
                    line.number,
                    "sku",
                    f"没有产品编码“{sku}”；请先导入产品。",
                    f"There is no product with SKU '{sku}'; import products first.",
                )
        why = wrong_series(kind, group.number) if kind else None
        if why is not None:
            run.reader.problem(group.first.number, "number", *why)
    numbers = [group.number for group in groups]
    first_row = {group.number: group.first.number for group in groups}
    for number in _existing(session, Order.number, numbers):
        run.reader.problem(
            first_row[number],
            "number",
            f"订单号 {number} 已存在。",
            f"Order {number} already exists.",
        )


def import_orders(
    session: Session,
    user: User,
    path: str | Path,
    progress: ProgressCallback | None = None,
    cancelled: CancelCheck | None = None,
) -> ImportResult:
    """Orders with their lines, created as drafts; all of them or, on any problem, none.
    An administrator's import is a whole export from another database (whole_export.py)."""
    if may(user, "import_whole_export"):
        from .whole_export import import_whole_export

        return import_whole_export(session, user, path, progress, cancelled)
    run = _Import(session, user, path, ORDERS, progress, cancelled)
    rows = run.read()
    groups = _group_orders(run, rows)
    for kind in sorted({group.field("kind") for group in groups} - {None}):
        require_may_create(session, user, kind)
    _check_references(run, groups)
    run.stop_if_problems()

    def create(group: _OrderRows) -> str:
        lines = [
            LineSpec(line.values["sku"], line.values["qty"], line.values["unit_price"])
            for line in group.lines
        ]
        return create_order(
            session,
            user,
            group.field("kind"),
            group.field("party"),
            lines,
            due=group.field("due"),
            note=group.field("note") or "",
            number=group.number,
        ).number

    created = run.create_each([(group.first.number, group) for group in groups], create)
    return run.finish(created, len(rows))


def may_import(session: Session, user: User, what: str) -> bool:
    """Whether the user may import this kind of workbook at all; for orders, each order's
    kind is checked again when the file is read."""
    if what == "orders":
        return may(user, "import_whole_export") or any(
            may_create(session, user, kind) for kind in CREATABLE
        )
    return holds_any(user, PERMISSIONS[{"parties": "add_party", "products": "add_product"}[what]])


IMPORTERS = {"orders": import_orders, "parties": import_parties, "products": import_products}
