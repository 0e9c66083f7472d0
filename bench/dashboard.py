"""Benchmark of the owner's dashboard and the wall display at 100,000 orders.

Builds N sales orders (3 lines each) placed through the services over the last year,
a batch of 1,000 a few days apart, with due dates; of each batch most are moved on by
the engine (prepared), then shipped and signed for (shipment rows and transition
events written in bulk as the services would, each at a later moment of the clock), so
the audit trail holds about six events per order. Then prints the time to load the whole
dashboard (every figure), each part of it and the wall display, beside plain SQL on the
same database in the same run: the count by node, the count and total length of each
node's stays of the last 90 days (what the time-in-node figures must read at the least),
and a scan of the period's events (what they were read from before the stays were
kept). The time-in-node figures are printed with the count of steps in the audit trail
they must agree with.

Target on SQLite: the dashboard loads in 300 ms or less.

    uv run python bench/dashboard.py                      # 100,000 orders, SQLite
    uv run python bench/dashboard.py --orders 20000 --backend both
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import insert, select, text, update

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import audit, board, dashboard, orders, workflow  # noqa: E402
from app.clock import frozen_at, utcnow  # noqa: E402
from app.orders import LineSpec, OrderDraft  # noqa: E402
from app.users import create_user  # noqa: E402
from bench.core import Bench, scratch_database, timed  # noqa: E402
from db.models import Order, Shipment, User  # noqa: E402

BATCH = 1000
TARGET_MS = 300
WHOLE = "dashboard, every figure"


class DashboardBench(Bench):
    def seed(self) -> None:
        super().seed()
        with self.db.unit_of_work() as session:
            self.users["owner"] = create_user(session, "owner", {"owner"}, "bench-pw")
            self.users["service"] = create_user(session, "service", {"service"}, "bench-pw")

    def build(self) -> None:
        batches = max(self.count // BATCH, 1)
        end = utcnow()
        step = timedelta(days=365) / batches
        started = time.perf_counter()
        for i in range(batches):
            moment = end - timedelta(days=366) + step * i
            self.batch(moment)
            if (i + 1) % 10 == 0:
                print(f"  {(i + 1) * BATCH} orders, {time.perf_counter() - started:.0f} s")
        self.built_in = time.perf_counter() - started

    def batch(self, moment: datetime) -> None:
        rng = self.rng
        with frozen_at(moment), self.db.unit_of_work() as session:
            drafts = [
                OrderDraft(
                    rng.choice(self.parties),
                    [LineSpec(sku, rng.randint(1, 20)) for sku in rng.sample(self.skus, 3)],
                    due=(moment + timedelta(days=rng.randint(1, 6))).date(),
                )
                for _ in range(BATCH)
            ]
            placed = [
                SimpleNamespace(id=o.id, number=o.number, workflow_id=o.workflow_id)
                for o in orders.submit_new_orders(session, self.users["sales"], "sales", drafts)
            ]
        later = [o for o in placed if rng.random() < 0.9]
        prepared_at = moment + timedelta(hours=rng.uniform(4, 30))
        with frozen_at(prepared_at), self.db.unit_of_work() as session:
            chosen = Order.id.in_([o.id for o in later])
            mine = list(session.scalars(select(Order).where(chosen, Order.status == "placed")))
            later = [o for o in later if o.id in {m.id for m in mine}]
            workflow.advance(session, self.users["warehouse"], mine, "prepared")
        shipped = [o for o in later if rng.random() < 0.85]
        shipped_at = moment + timedelta(hours=rng.uniform(30, 120))
        self.move(shipped, prepared_at, shipped_at, "prepared", "shipped")
        signed = [o for o in shipped if rng.random() < 0.8]
        signed_at = moment + timedelta(hours=rng.uniform(120, 200))
        self.move(signed, shipped_at, signed_at, "shipped", "delivered")

    def move(
        self,
        moved: list[SimpleNamespace],
        since: datetime,
        moment: datetime,
        source: str,
        target: str,
    ) -> None:
        """Ship (or sign) the orders in bulk at `moment`, with the events and node stays the
        services write."""
        if not moved or moment > utcnow():
            return
        ids = [o.id for o in moved]
        with frozen_at(moment), self.db.unit_of_work() as session:
            if target == "shipped":
                session.execute(
                    insert(Shipment),
                    [
                        {
                            "number": f"DN-{o.id:08d}",
                            "order_id": o.id,
                            "carrier": "顺丰",
                            "tracking_no": f"SF{o.id:010d}",
                            "shipped_at": moment,
                            "shipped_by_id": self.users["warehouse"].id,
                        }
                        for o in moved
                    ],
                )
            else:
                session.execute(
                    update(Shipment).where(Shipment.order_id.in_(ids)).values(delivered_at=moment)
                )
            session.execute(
                update(Order)
                .where(Order.id.in_(ids))
                .values(status=target, status_since=moment, version=Order.version + 1),
                execution_options={"synchronize_session": False},
            )
            workflow.record_stays(session, [(o, target) for o in moved], moment)
            for o in moved:
                audit.record_on_order(
                    session,
                    "warehouse",
                    o,
                    "transition",
                    before={"status": source, "since": since},
                    after={"status": target, "trigger": "auto"},
                )

    # --- what is timed ---------------------------------------------------------------------

    def measure(self) -> None:
        owner = self.users["owner"]

        def whole():
            with self.db.reading() as session:
                return dashboard.read(session, owner)

        def part(name: str, fn, plain=None):
            def run():
                with self.db.reading() as session:
                    specs = workflow.all_specs(session)
                    return fn(session, specs, utcnow())

            seconds, found = timed(run, repeat=3)
            reference = timed(plain, repeat=3)[0] * 1000 if plain else None
            self.report(f"  part: {name}", seconds * 1000, reference, "ms")
            return found

        def plain_count_by_node():
            with self.db.engine.connect() as connection:
                return connection.execute(
                    text("SELECT workflow_id, status, count(*) FROM orders GROUP BY 1, 2")
                ).all()

        cutoff = utcnow() - timedelta(days=90)

        def plain_event_scan():
            with self.db.engine.connect() as connection:
                return connection.execute(
                    text("SELECT count(*) FROM events WHERE action = 'transition' AND at >= :c"),
                    {"c": cutoff},
                ).scalar()

        def plain_stay_scan():
            with self.db.engine.connect() as connection:
                return connection.execute(
                    text(
                        "SELECT workflow_id, node, count(*), sum(seconds) FROM node_stays"
                        " WHERE left_at >= :c GROUP BY 1, 2"
                    ),
                    {"c": cutoff},
                ).all()

        def wall():
            with self.db.reading() as session:
                return board.read(session, owner)

        whole()  # the statement caches warm, as in a window that has been open a while
        seconds, figures = timed(whole, repeat=5)
        self.report(
            WHOLE,
            seconds * 1000,
            timed(plain_count_by_node, repeat=5)[0] * 1000,
            "ms",
        )
        part("open orders per node", lambda s, specs, now: dashboard.open_by_node(s, specs))
        part("overdue per department", dashboard.overdue_by_role)
        part(
            "on-time shipping", lambda s, specs, now: dashboard.on_time_shipping(s, specs, now, 30)
        )
        stays = part(
            f"time in node, {' and '.join(map(str, dashboard.PERIODS))} days",
            lambda s, specs, now: dashboard.time_in_node(s, now),
            plain_stay_scan,
        )
        part("monthly amounts", dashboard.monthly_amounts)
        part("top customers", lambda s, specs, now: dashboard.top_customers(s, specs, now, 30))
        part("top products", lambda s, specs, now: dashboard.top_products(s, specs, now, 30))
        seconds, steps = timed(plain_event_scan, repeat=5)
        self.report(
            "  plain SQL: scan of the last 90 days' transition events", seconds * 1000, None, "ms"
        )
        wall()
        self.report("wall display", timed(wall, repeat=5)[0] * 1000, None, "ms")
        with self.db.reading() as session:
            events = session.scalar(text("SELECT count(*) FROM events"))
        print(
            f"{self.backend}: {self.count} orders, {events} events, built in {self.built_in:.0f} s;"
            f" open {figures.totals['open']}, late {figures.totals['overdue']},"
            f" on time {figures.on_time.on_time}/{figures.on_time.due}"
        )
        longest = max(dashboard.PERIODS)
        counted = sum(t.stays for t in stays if t.days == longest)
        # Each step of the period ended one stay: the figures stand on the whole audit trail.
        print(
            f"stays ended in the last {longest} days: {counted} in the figures,"
            f" {steps} steps in the audit trail: {'agree' if counted == steps else 'DIFFER'}"
        )
        for t in (t for t in stays if t.days == longest):
            print(f"  {t.kind}:{t.node}  {t.stays} stays, {t.average_hours} h, p90 {t.p90_hours} h")

    def run(self, reuse: bool = False) -> None:
        if reuse:  # a database an earlier run built and kept
            with self.db.reading() as session:
                self.users = {
                    u.name: u for u in session.scalars(select(User).where(User.name == "owner"))
                }
            self.built_in = 0.0
        else:
            self.seed()
            self.build()
        self.measure()

    def report(self, what: str, ours: float, plain: float | None, unit: str) -> None:
        super().report(what, ours, plain, unit)
        if self.backend == "sqlite" and what == WHOLE:
            self.rows[-1] = (*self.rows[-1][:4], f"<={TARGET_MS}")

    def print(self) -> None:
        super().print()
        for what, ours, _, _, target in self.rows:
            if target:
                verdict = "met" if ours <= TARGET_MS else "NOT met"
                print(f"{what}: {ours:.0f} ms, target {target} ms: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="sqlite")
    parser.add_argument(
        "--keep",
        metavar="FILE",
        help="SQLite: build into FILE and keep it; a FILE that exists is measured again",
    )
    args = parser.parse_args()
    if args.keep:
        reuse = Path(args.keep).exists()
        bench = DashboardBench(args.keep, "sqlite", args.orders)
        bench.rng = random.Random(11)
        bench.run(reuse)
        bench.print()
        return
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        with scratch_database(backend) as url:
            bench = DashboardBench(url, backend, args.orders)
            bench.rng = random.Random(11)
            bench.run()
        bench.print()


if __name__ == "__main__":
    main()
