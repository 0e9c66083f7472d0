"""Benchmark of printing, export and import, against the targets of the issue.

    uv run python bench/documents.py [--orders 100000] [--folder bench/out]

Prints one line per figure: one delivery note (≤ 100 ms), 100 delivery notes in a
batch (≤ 5 s), export of 100,000 orders (≤ 20 s, ≤ 500 MB), import of 10,000 order
lines (≤ 15 s). Runs on a SQLite file; the export runs in a child process so that its
peak memory is its own.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import insert, select

from app import orders, printing
from app.clock import utcnow
from app.masterdata import add_party, add_product
from app.orders import LineSpec
from app.setup import open_database
from app.spreadsheets.export import export_orders
from app.spreadsheets.importing import import_orders
from app.spreadsheets.layouts import ORDERS
from app.workflow import active_workflow
from db.engine import Database
from db.models import Order, OrderLine, Party, Product, User

CUSTOMERS = 50
PRODUCTS = 200
STATUSES = ["draft", "placed", "shipped", "delivered", "paid", "completed"]


def _report(what: str, seconds: float, target: float, extra: str = "") -> None:
    verdict = "ok" if seconds <= target else "OVER TARGET"
    print(
        f"{what:<36} {seconds * 1000:>10.0f} ms   target ≤ {target * 1000:>6.0f} ms   "
        f"{verdict}{extra}",
        flush=True,
    )


def _office(path: Path) -> tuple[Database, dict[str, User]]:
    path.unlink(missing_ok=True)
    database, _ = open_database(str(path))
    with database.unit_of_work() as session:
        users = {}
        for role in ("admin", "sales", "purchasing", "warehouse"):
            users[role] = User(
                name=role,
                display_name=role,
                roles=frozenset({role}),
                password_hash="-",
                active=True,
                created_at=utcnow(),
            )
            session.add(users[role])
        session.flush()
        for index in range(CUSTOMERS):
            add_party(
                session,
                users["sales"],
                f"客户{index:03d}贸易有限公司",
                "customer",
                contact="王经理",
                phone="021-5555 0100",
                address="上海市浦东新区",
            )
        for index in range(PRODUCTS):
            add_product(
                session,
                users["admin"],
                f"P-{index:04d}",
                f"产品{index:04d} 办公用品",
                f"{10 + index}.50",
                opening_stock=1_000_000,
            )
    return database, users


def bench_printing(database: Database, users: dict[str, User]) -> None:
    numbers = []
    for index in range(101):  # one to ship and print alone, a hundred for the batch
        with database.unit_of_work() as session:
            lines = [LineSpec(f"P-{(index * 3 + k) % PRODUCTS:04d}", k + 1) for k in range(5)]
            order = orders.create_order(
                session, users["sales"], "sales", f"客户{index % CUSTOMERS:03d}贸易有限公司", lines
            )
            orders.advance(session, users["sales"], order.number, "submitted")
            numbers.append(order.number)
    with database.unit_of_work() as session:
        shipment = orders.ship(
            session, users["warehouse"], numbers.pop(), "顺丰速运", "SF1234567890"
        ).number
    with database.unit_of_work() as session:  # the font loads once per program start
        started = time.perf_counter()
        printing.print_document(session, users["warehouse"], "delivery-note", shipment)
        first = time.perf_counter() - started
    timings = []
    for _ in range(20):
        with database.unit_of_work() as session:
            started = time.perf_counter()
            printing.print_document(session, users["warehouse"], "delivery-note", shipment)
            timings.append(time.perf_counter() - started)
    _report(
        "one delivery note (median of 20)",
        sorted(timings)[10],
        0.1,
        f"   (first in a fresh program, loading the font: {first * 1000:.0f} ms)",
    )
    with database.unit_of_work() as session:
        started = time.perf_counter()
        pdf = printing.print_delivery_notes(session, users["warehouse"])
        seconds = time.perf_counter() - started
    _report(
        f"{len(numbers)} delivery notes in a batch", seconds, 5.0, f"   ({len(pdf) // 1024} KB)"
    )


def _fill_orders(database: Database, users: dict[str, User], count: int) -> None:
    """`count` orders of 1 to 3 lines written straight into the tables (the services would
    take an hour); what the export reads is the same."""
    rng = random.Random(7)
    with database.unit_of_work() as session:
        workflow_id = active_workflow(session, "sales").id
        parties = list(session.scalars(select(Party.id)))
        products = list(session.execute(select(Product.id, Product.price)).all())
    start = utcnow() - timedelta(days=365)
    batch = 5000
    for first in range(0, count, batch):
        order_rows, line_rows = [], []
        for index in range(first, min(first + batch, count)):
            moment = start + timedelta(minutes=index * 5)
            chosen = rng.sample(products, rng.randint(1, 3))
            lines = [(pid, Decimal(rng.randint(1, 50)), price) for pid, price in chosen]
            order_rows.append(
                {
                    "id": index + 1,
                    "number": f"SO-BENCH-{index + 1:07d}",
                    "kind": "sales",
                    "workflow_id": workflow_id,
                    "party_id": rng.choice(parties),
                    "revision": 1,
                    "version": 1,
                    "status": rng.choice(STATUSES),
                    "status_since": moment,
                    "due": (moment + timedelta(days=14)).date(),
                    "currency": "CNY",
                    "total": sum((q * p for _, q, p in lines), Decimal(0)),
                    "note": "",
                    "created_by_id": users["sales"].id,
                    "created_at": moment,
                    "updated_at": moment,
                }
            )
            line_rows += [
                {"order_id": index + 1, "line_no": n, "product_id": pid, "qty": q, "unit_price": p}
                for n, (pid, q, p) in enumerate(lines, start=1)
            ]
        with database.unit_of_work() as session:
            session.execute(insert(Order), order_rows)
            session.execute(insert(OrderLine), line_rows)


def _export_in_child(database_path: Path, target: Path) -> None:
    """Run inside the child process: export every order, print seconds and peak MB."""
    database = Database(str(database_path))
    with database.reading() as session:
        user = session.scalar(select(User).where(User.name == "sales"))
        started = time.perf_counter()
        count = export_orders(session, user, target)
        seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{count} {seconds} {peak_mb}")


def bench_export(database: Database, users: dict[str, User], count: int, folder: Path) -> None:
    _fill_orders(database, users, count)
    target = folder / "orders-export.xlsx"
    child = subprocess.run(
        [sys.executable, __file__, "--export-child", database.sqlite_path, str(target)],
        check=True,
        capture_output=True,
        text=True,
    )
    written, seconds, peak_mb = child.stdout.split()
    _report(
        f"export of {int(written):,} orders",
        float(seconds),
        20.0,
        f"   peak memory {float(peak_mb):.0f} MB (target ≤ 500 MB), "
        f"{target.stat().st_size // 1024 // 1024} MB file",
    )


def bench_import(database: Database, users: dict[str, User], folder: Path) -> None:
    path = folder / "orders-import.xlsx"
    book = Workbook(write_only=True)
    sheet = book.create_sheet(ORDERS.title)
    sheet.append([c.header for c in ORDERS.columns])
    for line in range(10_000):
        order = line // 4
        sheet.append(
            [
                f"IM-{order:05d}",
                "销售",
                f"客户{order % CUSTOMERS:03d}贸易有限公司",
                None,
                None,
                None,
                f"P-{line % PRODUCTS:04d}",
                None,
                line % 7 + 1,
            ]
        )
    book.save(path)
    with database.unit_of_work() as session:
        started = time.perf_counter()
        result = import_orders(session, users["sales"], path)
        seconds = time.perf_counter() - started
    _report(
        f"import of {result.rows:,} order lines",
        seconds,
        15.0,
        f"   ({len(result.created):,} orders)",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--folder", default="bench/out")
    parser.add_argument("--export-child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.export_child:
        _export_in_child(Path(args.export_child[0]), Path(args.export_child[1]))
        return
    folder = Path(args.folder)
    folder.mkdir(parents=True, exist_ok=True)
    database, users = _office(folder / "bench-documents.db")
    bench_printing(database, users)
    bench_import(database, users, folder)
    database.dispose()
    database, users = _office(folder / "bench-export.db")
    bench_export(database, users, args.orders, folder)
    database.dispose()


if __name__ == "__main__":
    main()
