"""The alert scan at 100,000 orders in a SQLite file.

    python bench/alerts.py [--orders 100000] [--db bench/out/window.db] [--working-hours]

Prints, each the best of five runs: the whole office's alert scan (`lateness.alerts`
with everything), one role's alerts, the escalation scan once everything is told,
the first page of all orders sorted by how late; beside them, measured in the same
run, the plain SQL that reads the late orders' columns the scan needs (sqlite3, no
ORM, no figures worked out), as the floor any scan stands on. Target: the scan
≤ 200 ms.

Two databases, kept under bench/out/ for the next run:
- an office's year: bench/window.py's 100,000 orders (demo master data, orders written
  straight into the tables over a year), of which those older than 30 days have been
  finished, as in an office that works its orders off; the target is for this one;
- the worst case (`--worst`): bench/window.py's database as it is, every order at a
  node drawn at random, so three quarters of all orders are late.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

TARGET_MS = 200


def best_ms(fn, runs: int = 5) -> tuple[float, object]:
    best, value = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000, value


def plain_sql(path: Path, database) -> int:
    """The late orders' columns by hand: the same thresholds, bound as plain values."""
    from app import lateness

    with database.reading() as session:
        judge = lateness.assessor(session)
        conditions, values = [], []
        for spec in judge.specs.values():
            for node in spec.nodes.values():
                if node.limit_hours:
                    conditions.append("(workflow_id = ? AND status = ? AND status_since < ?)")
                    moment = judge.threshold(node.limit_hours)
                    values += [spec.id, node.code, moment.isoformat(sep=" ")]
                if spec.is_before_fulfilment(node.code):
                    conditions.append("(workflow_id = ? AND status = ? AND due < ?)")
                    values += [spec.id, node.code, judge.today.isoformat()]
        nodes = sorted(judge.clocked_nodes())
    sql = (
        "SELECT o.id, o.number, o.kind, o.workflow_id, o.status, o.status_since, o.due, p.name "
        "FROM orders o JOIN parties p ON p.id = o.party_id "
        f"WHERE o.status IN ({', '.join('?' * len(nodes))}) AND ({' OR '.join(conditions)})"
    )
    values = nodes + values
    connection = sqlite3.connect(path)
    try:
        return len(connection.execute(sql, values).fetchall())
    finally:
        connection.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=ROOT / "bench" / "out" / "window.db")
    parser.add_argument("--working-hours", action="store_true", help="count working hours")
    parser.add_argument("--worst", action="store_true", help="also the worst-case database")
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    from window import build

    if not args.db.exists():
        build(args.db, args.orders)
    office = args.db.with_name("alerts.db")
    if not office.exists():
        shutil.copy(args.db, office)
        finish_old_orders(office)
    code = run(office, "an office's year", args.working_hours)
    if args.worst:
        run(args.db, "worst case, nodes drawn at random", args.working_hours, runs=2)
    return code


def finish_old_orders(path: Path, days: int = 30) -> None:
    """Orders older than `days` moved to their workflow's finished node, behind the
    services' back (a benchmark's data only)."""
    from datetime import timedelta

    from sqlalchemy import update

    from app import workflow
    from app.clock import utcnow
    from app.setup import open_database
    from db.models import Order

    database, _ = open_database(str(path))
    table = Order.__table__
    with database.unit_of_work() as session:
        for spec in workflow.all_specs(session):
            done = [c for c, n in spec.nodes.items() if n.terminal and c != spec.void]
            session.execute(
                update(table)
                .where(
                    table.c.workflow_id == spec.id,
                    table.c.created_at < utcnow() - timedelta(days=days),
                )
                .values(status=done[0], status_since=table.c.created_at + timedelta(days=10))
            )
    database.dispose()


def run(path: Path, what: str, working_hours: bool, runs: int = 5) -> int:
    from sqlalchemy import func, select

    from app import lateness, runner, settings, worklist
    from app.queries import OrderFilter
    from app.setup import open_database
    from db.models import Order, User

    database, _ = open_database(str(path))
    with database.reading() as session:
        admin = session.scalar(select(User).where(User.name == "admin"))
        warehouse = session.scalar(select(User).where(User.name == "warehouse"))
        count = session.scalar(select(func.count(Order.id)))
    basis = "true" if working_hours else "false"
    runner.run(database, admin, settings.change_all, {"limits_in_working_hours": basis})
    told = lateness.escalate_now(database)  # the first scan tells the owner once

    def scan(user=None, everything=True):
        with database.reading() as session:
            return lateness.alerts(session, user, everything=everything)

    def first_page():
        with database.reading() as session:
            return worklist.page(session, OrderFilter(sort=worklist.LATE), 0, 100)

    reference, late_rows = best_ms(lambda: plain_sql(path, database), runs)
    whole, alerts = best_ms(scan, runs)
    role, mine = best_ms(lambda: scan(warehouse, False), runs)
    again, _ = best_ms(lambda: lateness.escalate_now(database), runs)
    page, _ = best_ms(first_page, runs)
    hours = "working hours" if working_hours else "every hour"
    print(f"{what}: {count} orders on SQLite, limits counted in {hours}; {told} escalations told")
    print(f"  plain SQL of the late orders' columns  {reference:7.1f} ms  ({late_rows} rows)")
    verdict = "ok" if whole <= TARGET_MS else "OVER"
    print(
        f"  alert scan, whole office              {whole:7.1f} ms  ({len(alerts)} late)"
        f"  target ≤ {TARGET_MS} ms: {verdict}"
    )
    print(f"  alert scan, warehouse's queues        {role:7.1f} ms  ({len(mine)} late)")
    print(f"  escalation scan, nothing new          {again:7.1f} ms")
    print(f"  first page of all orders by lateness  {page:7.1f} ms")
    database.dispose()
    return 0 if whole <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
