"""How the order window copes with 100,000 orders in a SQLite file.

    python bench/window.py [--orders 100000] [--db bench/out/window.db]

Prints: time from start to a usable window (a fresh process, signed in, first
page painted), time to show the first page, to apply each filter, the longest
the UI thread is blocked while scrolling to the end, and peak memory.
Targets: usable window ≤ 1.5 s, filter ≤ 150 ms, no scroll step > 50 ms, ≤ 300 MB.

The orders are written straight into the tables (quicker to set up than through the
services, and the window only reads them); master data and users come from the demo,
and the file is kept under bench/out/ for the next run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

READY = "ready"


def build(path: Path, wanted: int) -> None:
    """A demo database topped up with plain rows until it holds `wanted` orders."""
    from sqlalchemy import func, insert, select

    from app import workflow
    from app.clock import utcnow
    from app.demo import build_demo
    from app.setup import open_database
    from db.models import (
        NodeStay,
        Order,
        OrderLine,
        Party,
        Payment,
        Product,
        Shipment,
        ShipmentLine,
        User,
    )

    database, _ = open_database(str(path))
    build_demo(database, 100)
    rng = random.Random(7)
    with database.unit_of_work() as session:
        have = session.scalar(select(func.count(Order.id)))
        customers = list(session.scalars(select(Party.id).where(Party.kind == "customer")))
        suppliers = list(session.scalars(select(Party.id).where(Party.kind == "supplier")))
        products = [
            (p.id, p.price)
            for p in session.scalars(select(Product).where(Product.is_service.is_(False)))
        ]
        creator = session.scalar(select(User.id).where(User.name == "sales"))
        specs = {kind: workflow.active_workflow(session, kind) for kind in ("sales", "purchase")}
        next_line = (session.scalar(select(func.max(OrderLine.id))) or 0) + 1
        next_order = (session.scalar(select(func.max(Order.id))) or 0) + 1
        next_shipment = (session.scalar(select(func.max(Shipment.id))) or 0) + 1
    now = utcnow()
    batch = 5000
    for start in range(have, wanted, batch):
        orders, lines, shipments, shipment_lines, payments = [], [], [], [], []
        for index in range(start, min(start + batch, wanted)):
            kind = "purchase" if rng.random() < 0.25 else "sales"
            spec = specs[kind]
            status = rng.choice(spec.order)
            created = now - timedelta(
                days=365 * (wanted - index) / wanted, minutes=rng.randint(0, 600)
            )
            picked = rng.sample(products, rng.randint(1, 3))
            order_lines = [
                (next_line + i, pid, Decimal(rng.randint(1, 40)), price)
                for i, (pid, price) in enumerate(picked)
            ]
            next_line += len(order_lines)
            total = sum((qty * price for _, _, qty, price in order_lines), Decimal(0))
            prefix = "PO" if kind == "purchase" else "SO"
            orders.append(
                dict(
                    id=next_order,
                    number=f"{prefix}-2025-{index:06d}",
                    kind=kind,
                    workflow_id=spec.id,
                    party_id=rng.choice(suppliers if kind == "purchase" else customers),
                    revision=1,
                    version=1,
                    status=status,
                    status_since=created + timedelta(hours=rng.randint(1, 200)),
                    due=(created + timedelta(days=rng.randint(3, 30))).date(),
                    currency="CNY",
                    total=total,
                    note="",
                    created_by_id=creator,
                    created_at=created,
                    updated_at=created + timedelta(hours=rng.randint(1, 300)),
                )
            )
            for line_id, pid, qty, price in order_lines:
                lines.append(
                    dict(
                        id=line_id,
                        order_id=next_order,
                        line_no=line_id,
                        product_id=pid,
                        qty=qty,
                        unit_price=price,
                    )
                )
            if kind == "sales" and status in ("shipped", "delivered", "paid", "completed"):
                shipments.append(
                    dict(
                        id=next_shipment,
                        number=f"SH-2025-{index:06d}",
                        order_id=next_order,
                        carrier="顺丰速运",
                        tracking_no=f"SF{rng.randint(10**11, 10**12 - 1)}",
                        shipped_at=created + timedelta(days=1),
                        shipped_by_id=creator,
                        delivered_at=None if status == "shipped" else created + timedelta(days=3),
                    )
                )
                shipment_lines += [
                    dict(shipment_id=next_shipment, order_line_id=line_id, qty=qty)
                    for line_id, _, qty, _ in order_lines
                ]
                next_shipment += 1
            if status in ("paid", "completed"):
                payments.append(
                    dict(
                        order_id=next_order,
                        amount=total,
                        method="银行转账",
                        reference="",
                        paid_at=created + timedelta(days=4),
                        recorded_by_id=creator,
                    )
                )
            next_order += 1
        # Each order stands at its node since its status_since, as the engine would record.
        stays = [
            dict(
                order_id=o["id"],
                workflow_id=o["workflow_id"],
                node=o["status"],
                entered_at=o["status_since"],
            )
            for o in orders
        ]
        with database.unit_of_work() as session:
            for table, rows in (
                (Order, orders),
                (NodeStay, stays),
                (OrderLine, lines),
                (Shipment, shipments),
                (ShipmentLine, shipment_lines),
                (Payment, payments),
            ):
                if rows:
                    session.execute(insert(table.__table__), rows)
    database.dispose()


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def window_run(path: Path) -> None:
    """The child process: start like the program does, then time the list."""
    from dataclasses import replace

    started = time.perf_counter()
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    from app.setup import open_database
    from app.users import sign_in
    from ui.app import application, open_window

    imported = time.perf_counter()
    app = application("zh")
    database, _ = open_database(str(path))
    window = open_window(database, sign_in(database, "owner", "demo"), "zh")
    window.nav.setCurrentRow(1)  # all orders
    app.processEvents()
    print(READY, flush=True)
    ready = time.perf_counter()

    def timed(action) -> float:
        started = time.perf_counter()
        action()
        app.processEvents()  # the view paints what it now shows
        return (time.perf_counter() - started) * 1000

    def counted() -> float:
        """Until a long list's count arrives from its pool thread and the scroll bar is right."""
        started = time.perf_counter()
        while QThreadPool.globalInstance().activeThreadCount():
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
        app.processEvents()
        return (time.perf_counter() - started) * 1000

    results: dict[str, object] = {
        "imports_ms": round((imported - started) * 1000),
        "open_and_sign_in_ms": round((ready - imported) * 1000),
    }
    results["first_page_ms"] = timed(window.apply_filters)
    counted()
    results["orders"] = window.model.rowCount()
    bar = window.filters

    def typed(widget_text) -> None:
        widget_text()
        bar._typing.stop()  # no need to wait for the typing pause
        window.apply_filters()

    # Each filter alone on the whole list, then cleared again.
    filters = {
        "kind=purchase": (
            lambda: bar.kind.setCurrentIndex(bar.kind.findData("purchase")),
            lambda: bar.kind.setCurrentIndex(0),
        ),
        "node=shipped": (
            lambda: bar.node.setCurrentIndex(bar.node.findData("shipped")),
            lambda: bar.node.setCurrentIndex(0),
        ),
        "party": (
            lambda: typed(lambda: bar.party.setCurrentText("武汉江城实业")),
            lambda: typed(lambda: bar.party.setCurrentText("")),
        ),
        "created range": (lambda: bar.dated.setChecked(True), lambda: bar.dated.setChecked(False)),
        "overdue only": (
            lambda: bar.overdue.setChecked(True),
            lambda: bar.overdue.setChecked(False),
        ),
        "search number": (
            lambda: typed(lambda: bar.search.setText("SO-2025-0999")),
            lambda: typed(lambda: bar.search.setText("")),
        ),
        "search tracking": (
            lambda: typed(lambda: bar.search.setText("SF12345")),
            lambda: typed(lambda: bar.search.setText("")),
        ),
        "sort by party": (
            lambda: window.list.sortByColumn(2, Qt.SortOrder.AscendingOrder),
            lambda: window.model.set_query(
                replace(window.model.query, sort="created", descending=True)
            ),
        ),
    }
    timings = {}
    for name, (apply, clear) in filters.items():
        shown = timed(apply)
        timings[name] = [round(shown, 1), round(shown + counted(), 1), window.model.rowCount()]
        timed(clear)
        counted()
    results["filter_ms"] = timings

    # Scrolling: the view asks only for the rows it shows; time every step the UI takes.
    scroll = window.list.verticalScrollBar()
    steps = []
    clock = QElapsedTimer()
    for value in range(0, scroll.maximum() + 1, max(1, scroll.maximum() // 400)):
        clock.start()
        scroll.setValue(value)
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents)
        steps.append(clock.nsecsElapsed() / 1e6)
    scroll.setValue(0)
    app.processEvents()
    last = window.model.rowCount() - 1
    started = time.perf_counter()
    scroll.setValue(scroll.maximum())
    while window.model.row_at(last) is None:  # the last page arrives from its pool thread
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
    app.processEvents()
    results["scroll_to_end_ms"] = round((time.perf_counter() - started) * 1000, 1)
    results["scroll_steps"] = len(steps)
    results["scroll_step_max_ms"] = round(max(steps), 1)
    results["scroll_step_median_ms"] = round(sorted(steps)[len(steps) // 2], 1)
    results["last_row"] = window.model.index(window.model.rowCount() - 1, 0).data()
    results["peak_memory_mb"] = round(peak_mb(), 1)
    print(json.dumps(results, ensure_ascii=False), flush=True)
    QTimer.singleShot(0, window.close)
    QApplication.instance().processEvents()
    database.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "window.db")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        window_run(args.db)
        return 0
    args.db.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    build(args.db, args.orders)
    print(
        f"database: {args.db} ({args.orders} orders, ready in "
        f"{time.perf_counter() - started:.1f} s)"
    )
    env = dict(os.environ, ORDERTRAIL_CONFIG=str(args.db.parent / "bench-desktop.json"))
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, __file__, "--child", "--db", str(args.db)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    first = child.stdout.readline().strip()
    usable = time.perf_counter() - started
    assert first == READY, first
    results = json.loads(child.stdout.readline())
    child.wait()
    print(
        f"usable window:        {usable * 1000:7.0f} ms   (target ≤ 1500; of which importing "
        f"Qt, SQLAlchemy, Alembic and the program {results['imports_ms']} ms, opening the "
        f"database, signing in and showing the window {results['open_and_sign_in_ms']} ms)"
    )
    print(
        f"first page:           {results['first_page_ms']:7.1f} ms   "
        f"({results['orders']} orders listed)"
    )
    print("filter (target ≤ 150 ms): first page shown / count known, matching orders")
    for name, (shown, total, rows) in results["filter_ms"].items():
        print(f"  {name:<20}{shown:7.1f} ms {total:7.1f} ms {rows:8d}")
    print(
        f"scroll to the end:    {results['scroll_to_end_ms']:7.1f} ms   "
        f"(until the last rows show; last row {results['last_row']})"
    )
    print(
        f"longest scroll step:  {results['scroll_step_max_ms']:7.1f} ms   (target ≤ 50; "
        f"median {results['scroll_step_median_ms']} ms over {results['scroll_steps']} steps)"
    )
    print(f"peak memory:          {results['peak_memory_mb']:7.1f} MB   (target ≤ 300)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
