"""Benchmark of the order core on SQLite and PostgreSQL.

Builds N orders (3 lines each) through the services, then prints, beside the
same operation done in plain SQL on the same database in the same run:
orders created and placed per second, one committed transition with its
event, the first 50 rows of the order list by node / party / free text,
count by node, and peak memory.

    uv run python bench/core.py                       # 100,000 orders, both databases
    uv run python bench/core.py --orders 20000 --backend sqlite
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import orders, queries  # noqa: E402
from app.masterdata import add_party, add_product  # noqa: E402
from app.orders import LineSpec, OrderDraft  # noqa: E402
from app.setup import open_database  # noqa: E402
from app.users import create_user  # noqa: E402

PG_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432"
BATCH = 1000
PARTIES = 200
PRODUCTS = 300
# What the services are to reach: at least so many per second, at most so many ms.
TARGETS = {("sqlite", "orders created and placed"): ">=2000"}
CITIES = ["上海", "杭州", "苏州", "南京", "广州", "深圳", "北京", "成都", "武汉", "宁波"]


def timed(fn, *args, repeat: int = 1):
    """Median seconds of `repeat` runs and the last result."""
    durations, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn(*args)
        durations.append(time.perf_counter() - start)
    return statistics.median(durations), result


class Bench:
    def __init__(self, url: str, backend: str, count: int):
        self.backend = backend
        self.count = count
        self.db, _ = open_database(url)
        self.rng = random.Random(7)
        self.rows: list[tuple[str, float, float | None, str, str | None]] = []

    def report(self, what: str, ours: float, plain: float | None, unit: str) -> None:
        self.rows.append((what, ours, plain, unit, TARGETS.get((self.backend, what))))

    # --- data ---------------------------------------------------------------------------

    def seed(self) -> None:
        with self.db.unit_of_work() as session:
            self.users = {
                r: create_user(session, r, {r}, "bench-pw") for r in ("sales", "warehouse", "admin")
            }
            self.parties = [f"{CITIES[i % 10]}{i:03d}号贸易有限公司" for i in range(PARTIES)]
            for name in self.parties:
                add_party(session, self.users["sales"], name, "customer")
            self.skus = [f"P-{i:04d}" for i in range(PRODUCTS)]
            for sku in self.skus:
                add_product(
                    session,
                    self.users["warehouse"],
                    sku,
                    f"产品 {sku}",
                    f"{self.rng.randint(1, 2000)}.00",
                    opening_stock=10**8,
                )

    def draft(self) -> OrderDraft:
        return OrderDraft(
            self.rng.choice(self.parties),
            [LineSpec(sku, self.rng.randint(1, 20)) for sku in self.rng.sample(self.skus, 3)],
        )

    def build(self) -> None:
        start = time.perf_counter()
        for _ in range(0, self.count, BATCH):
            with self.db.unit_of_work() as session:
                orders.submit_new_orders(
                    session, self.users["sales"], "sales", [self.draft() for _ in range(BATCH)]
                )
        ours = self.count / (time.perf_counter() - start)
        self.report("orders created and placed", ours, self.plain_bulk_rate(), "orders/s")

    def plain_bulk_rate(self) -> float:
        """The same rows (order, 3 lines, 3 events, 3 stock moves) written with executemany."""
        n = min(self.count, 20_000)
        with self.db.engine.begin() as connection:
            raw = connection.connection.driver_connection
            cursor = raw.cursor()
            like = "(LIKE {0})" if self.backend == "postgresql" else "AS SELECT * FROM {0} WHERE 0"
            for table in ("orders", "order_lines", "events", "stock_moves"):
                cursor.execute(f"CREATE TEMP TABLE plain_{table} " + like.format(table))
        mark = "%s" if self.backend == "postgresql" else "?"

        def values(k: int) -> str:
            return "(" + ", ".join([mark] * k) + ")"

        start = time.perf_counter()
        with self.db.engine.begin() as connection:
            cursor = connection.connection.driver_connection.cursor()
            now = "2026-11-25 08:00:00"
            for base in range(0, n, BATCH):
                ids = range(base + 1, base + BATCH + 1)
                cursor.executemany(
                    f"INSERT INTO plain_orders (id, number, kind, workflow_id, party_id, revision,"
                    f" version, status, status_since, currency, total, note, created_by_id,"
                    f" created_at, updated_at) VALUES {values(15)}",
                    [
                        (
                            i,
                            f"X-{i}",
                            "sales",
                            1,
                            1 + i % PARTIES,
                            1,
                            1,
                            "placed",
                            now,
                            "CNY",
                            100,
                            "",
                            1,
                            now,
                            now,
                        )
                        for i in ids
                    ],
                )
                cursor.executemany(
                    f"INSERT INTO plain_order_lines (id, order_id, line_no, product_id, qty,"
                    f" unit_price, reason) VALUES {values(7)}",
                    [(3 * i + k, i, k, 1 + k, 2, 10, "") for i in ids for k in range(3)],
                )
                cursor.executemany(
                    f"INSERT INTO plain_events (id, at, user_name, order_id, entity, entity_ref,"
                    f" action, comment, prev_hash, hash) VALUES {values(10)}",
                    [
                        (
                            3 * i + k,
                            now,
                            "sales",
                            i,
                            "order",
                            f"X-{i}",
                            "transition",
                            "",
                            "0" * 64,
                            "1" * 64,
                        )
                        for i in ids
                        for k in range(3)
                    ],
                )
                cursor.executemany(
                    f"INSERT INTO plain_stock_moves (id, product_id, order_id, kind,"
                    f" on_hand_delta, reserved_delta, damaged_delta, at, user_id)"
                    f" VALUES {values(9)}",
                    [
                        (3 * i + k, 1 + k, i, "reserve", 0, 2, 0, now, 1)
                        for i in ids
                        for k in range(3)
                    ],
                )
        return n / (time.perf_counter() - start)

    # --- one transition -----------------------------------------------------------------

    def transition_latency(self) -> None:
        with self.db.reading() as session:
            placed = [
                o.number
                for o in queries.list_orders(
                    session, queries.OrderFilter(status="placed"), limit=200
                )
            ]
        samples = []
        for number in placed:
            start = time.perf_counter()
            with self.db.unit_of_work() as session:
                orders.advance(session, self.users["warehouse"], number, "prepared")
            samples.append(time.perf_counter() - start)
        plain = []
        for number in placed[:100]:
            start = time.perf_counter()
            with self.db.engine.begin() as connection:
                connection.execute(
                    text(
                        "UPDATE orders SET status = 'prepared', version = version + 1 "
                        "WHERE number = :n"
                    ),
                    {"n": number},
                )
                connection.execute(
                    text(
                        "INSERT INTO plain_events (id, at, user_name, entity, entity_ref, action,"
                        " comment, prev_hash, hash) VALUES (:id, '2026-11-25 08:00:00', 'w', "
                        "'order', :n, 'transition', '', '', '')"
                    ),
                    {"n": number, "id": 10**9 + len(plain)},
                )
            plain.append(time.perf_counter() - start)
        self.report(
            "one transition, committed with its event (median)",
            statistics.median(samples) * 1000,
            statistics.median(plain) * 1000,
            "ms",
        )

    # --- reading ------------------------------------------------------------------------

    def first_page(self, label: str, f: queries.OrderFilter, plain_sql: str, params: dict):
        def ours():
            with self.db.reading() as session:
                return queries.order_rows(session, queries.list_orders(session, f, limit=50))

        def plain():
            with self.db.engine.connect() as connection:
                return connection.execute(text(plain_sql), params).all()

        ours()  # warm the statement caches, as a window that has been open a while
        seconds, rows = timed(ours, repeat=5)
        plain_seconds, _ = timed(plain, repeat=5)
        self.report(
            f"first 50 rows by {label} ({len(rows)} shown)",
            seconds * 1000,
            plain_seconds * 1000,
            "ms",
        )

    def reading(self) -> None:
        newest = (
            "SELECT o.id, o.number, o.status, p.name, o.total FROM orders o "
            "JOIN parties p ON p.id = o.party_id WHERE {} "
            "ORDER BY o.created_at DESC, o.id DESC LIMIT 50"
        )
        self.first_page(
            "node",
            queries.OrderFilter(status="placed"),
            newest.format("o.status = :s"),
            {"s": "placed"},
        )
        party = self.parties[17]
        self.first_page(
            "party", queries.OrderFilter(party=party), newest.format("p.name = :p"), {"p": party}
        )
        self.first_page(
            "free text, common",
            queries.OrderFilter(text="杭州"),
            newest.format("p.name LIKE :t OR o.number LIKE :t"),
            {"t": "%杭州%"},
        )
        rare = f"{self.count // 2:06d}"
        self.first_page(
            "free text, one order number",
            queries.OrderFilter(text=rare),
            newest.format("p.name LIKE :t OR o.number LIKE :t"),
            {"t": f"%{rare}%"},
        )

        def ours():
            with self.db.reading() as session:
                return queries.count_by_status(session)

        def plain():
            with self.db.engine.connect() as connection:
                return connection.execute(
                    text("SELECT status, count(*) FROM orders GROUP BY status")
                ).all()

        seconds, _ = timed(ours, repeat=5)
        plain_seconds, _ = timed(plain, repeat=5)
        self.report("count by node", seconds * 1000, plain_seconds * 1000, "ms")

    def run(self) -> None:
        self.seed()
        self.build()
        self.transition_latency()
        self.reading()
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.report("peak memory of this process so far", peak_mb, None, "MB")
        self.db.dispose()

    def print(self) -> None:
        print(f"\n{self.backend}, {self.count:,} orders")
        print(f"{'':52} {'services':>12} {'target':>8} {'plain SQL':>12} {'cost x':>8}")
        for what, ours, plain, unit, target in self.rows:
            plain_text = f"{plain:12.2f}" if plain is not None else f"{'':12}"
            # How many times the plain SQL's cost the services take (rates are inverted).
            cost = (plain / ours if unit.endswith("/s") else ours / plain) if plain else None
            ratio = f"{cost:8.1f}" if cost else f"{'':8}"
            print(f"{what:52} {ours:12.2f} {target or '':>8} {plain_text} {ratio}  {unit}")


@contextmanager
def scratch_database(backend: str) -> Iterator[str]:
    """The URL of a new, empty database on `backend`, dropped afterwards (PostgreSQL)."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield str(Path(folder) / "bench.db")
        return
    name = f"ordertrail_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(f"{PG_SERVER}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orders", type=int, default=100_000)
    parser.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    args = parser.parse_args()
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    for backend in backends:
        with scratch_database(backend) as url:
            bench = Bench(url, backend, args.orders)
            bench.run()
        bench.print()


if __name__ == "__main__":
    main()
